package dev.polarspring.autoconfigure.actuate;

import java.util.Map;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.EnvironmentEntryDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polar's credentials never show in {@code /actuator/configprops} or
 * {@code /actuator/env}, even with values shown.
 */
class PolarSecretsMaskingTests {

	private static final String TOKEN = "polar_oat_do_not_leak_123";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, PolarAutoConfiguration.class,
				PolarActuatorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"polar.access-token=" + TOKEN, "polar.webhook.secret=whsec_do_not_leak_456",
				"polar.organization-id=org_visible");

	@Test
	void configpropsMasksTheAccessTokenAndShowsTheRest() {
		this.contextRunner.run((context) -> {
			ConfigurationPropertiesDescriptor descriptor = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationProperties();
			String report = descriptor.toString()
					+ descriptor.getContexts().values().stream().map((beans) -> beans.getBeans().toString()).toList();
			Map<String, Object> polar = descriptor.getContexts()
				.values()
				.iterator()
				.next()
				.getBeans()
				.values()
				.stream()
				.filter((bean) -> "polar".equals(bean.getPrefix()))
				.findFirst()
				.orElseThrow()
				.getProperties();
			assertThat(polar).containsEntry("accessToken", "******").containsEntry("organizationId", "org_visible");
			assertThat(report).doesNotContain(TOKEN);
		});
	}

	@Test
	void envMasksTheAccessTokenAndTheWebhookSecret() {
		this.contextRunner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			EnvironmentEntryDescriptor token = endpoint.environmentEntry("polar.access-token");
			EnvironmentEntryDescriptor secret = endpoint.environmentEntry("polar.webhook.secret");
			EnvironmentEntryDescriptor organization = endpoint.environmentEntry("polar.organization-id");
			assertThat(token.getProperty().getValue()).isEqualTo("******");
			assertThat(secret.getProperty().getValue()).isEqualTo("******");
			assertThat(organization.getProperty().getValue()).isEqualTo("org_visible");
		});
	}

	@Test
	void valuesAreShownWithoutPolarsActuatorAutoConfiguration() {
		// Proves the tests above would see the token if Polar did not mask it.
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=env",
					"management.endpoint.env.show-values=always", "polar.access-token=" + TOKEN)
			.run((context) -> assertThat(context.getBean(EnvironmentEndpoint.class)
				.environmentEntry("polar.access-token")
				.getProperty()
				.getValue()).isEqualTo(TOKEN));
	}

	@Test
	void recognisesEveryFormOfTheKeys() {
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("polar.access-token")).isTrue();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("POLAR_ACCESS_TOKEN")).isTrue();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("polar.accessToken")).isTrue();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("polar.webhook.secret")).isTrue();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("POLAR_WEBHOOK_SECRET")).isTrue();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("polar.webhook.endpoints.sandbox.secret")).isTrue();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("polar.organization-id")).isFalse();
		assertThat(PolarSecretsSanitizingFunction.isPolarSecret("polar.webhook.path")).isFalse();
	}

}
