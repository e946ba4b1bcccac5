package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.autoconfigure.actuate.PolarActuatorAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook secrets never show in {@code /actuator/configprops} or {@code /actuator/env},
 * even with values shown, while the rest of {@code polar.webhook} does.
 */
class PolarWebhookSecretsMaskingTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, PolarActuatorAutoConfiguration.class,
				PolarWebhookAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"polar.webhook.secret=whsec_current_leak", "polar.webhook.previous-secrets=whsec_previous_leak",
				"polar.webhook.endpoints.eu.path=/polar/eu", "polar.webhook.endpoints.eu.secret=whsec_eu_leak",
				"polar.webhook.path=/hooks/visible");

	@Test
	void configpropsMasksEverySecret() {
		this.runner.run((context) -> {
			ConfigurationPropertiesDescriptor descriptor = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationProperties();
			String report = descriptor.getContexts()
				.values()
				.stream()
				.map((beans) -> beans.getBeans()
					.values()
					.stream()
					.map((bean) -> bean.getProperties().toString())
					.toList())
				.toList()
				.toString();
			assertThat(report).contains("/hooks/visible").contains("/polar/eu").doesNotContain("leak");
		});
	}

	@Test
	void envMasksEverySecret() {
		this.runner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			for (String key : new String[] { "polar.webhook.secret", "polar.webhook.previous-secrets",
					"polar.webhook.endpoints.eu.secret" }) {
				assertThat(endpoint.environmentEntry(key).getProperty().getValue()).as(key).isEqualTo("******");
			}
			assertThat(endpoint.environmentEntry("polar.webhook.path").getProperty().getValue())
				.isEqualTo("/hooks/visible");
		});
	}

}
