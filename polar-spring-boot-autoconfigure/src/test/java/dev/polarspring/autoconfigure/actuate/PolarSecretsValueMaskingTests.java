package dev.polarspring.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.autoconfigure.webhook.PolarWebhookAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials are masked wherever their values appear, not only under Polar's keys: the
 * variables placeholders read them from (the README's own names), a command line that
 * passed them, another bean's properties; even with values shown.
 */
class PolarSecretsValueMaskingTests {

	private static final String TOKEN = "polar_oat_valueMaskedToken123";

	private static final String EU_SECRET = "whsec_euValueMasked456";

	private static final String SANDBOX_SECRET = "whsec_sandboxValueMasked789";

	private static final String OLD_SECRET = "whsec_oldValueMasked012";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, PolarAutoConfiguration.class,
				PolarWebhookAutoConfiguration.class, PolarActuatorAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("systemEnvironmentLike",
					Map.of("POLAR_ACCESS_TOKEN", TOKEN, "POLAR_EU_WEBHOOK_SECRET", EU_SECRET,
							"POLAR_SANDBOX_WEBHOOK_SECRET", SANDBOX_SECRET, "POLAR_SANDBOX_OLD_SECRET", OLD_SECRET,
							"sun.java.command",
							"com.example.ShopApplication --polar.access-token=" + TOKEN + " --server.port=8081",
							"app.greeting", "hello"))))
		.withUserConfiguration(AppPropertiesConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"polar.access-token=${POLAR_ACCESS_TOKEN}", "polar.webhook.endpoints.eu.path=/polar/eu",
				"polar.webhook.endpoints.eu.secret=${POLAR_EU_WEBHOOK_SECRET}",
				"polar.webhook.endpoints.sandbox.path=/polar/sandbox",
				"polar.webhook.endpoints.sandbox.secret=${POLAR_SANDBOX_WEBHOOK_SECRET}",
				"polar.webhook.endpoints.sandbox.previous-secrets=${POLAR_SANDBOX_OLD_SECRET}",
				"app.copied-token=" + TOKEN, "app.tags=first," + EU_SECRET);

	@Test
	void theVariablesPlaceholdersReadCredentialsFromAreMasked() {
		this.runner.run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			for (String key : List.of("POLAR_ACCESS_TOKEN", "POLAR_EU_WEBHOOK_SECRET", "POLAR_SANDBOX_WEBHOOK_SECRET",
					"POLAR_SANDBOX_OLD_SECRET")) {
				assertThat(endpoint.environmentEntry(key).getProperty().getValue()).as(key).isEqualTo("******");
			}
			assertThat(endpoint.environmentEntry("app.greeting").getProperty().getValue()).isEqualTo("hello");
		});
	}

	@Test
	void aCommandLineCarryingTheTokenIsMasked() {
		this.runner.run((context) -> assertThat(context.getBean(EnvironmentEndpoint.class)
			.environmentEntry("sun.java.command")
			.getProperty()
			.getValue()).isEqualTo("******"));
	}

	@Test
	void theWholeEnvironmentShowsNoCredential() {
		this.runner.run((context) -> {
			StringBuilder env = new StringBuilder();
			context.getBean(EnvironmentEndpoint.class)
				.environment(null)
				.getPropertySources()
				.forEach((source) -> source.getProperties()
					.forEach((key, value) -> env.append(key).append('=').append(value.getValue()).append('\n')));
			assertThat(env).contains("hello")
				.doesNotContain(TOKEN)
				.doesNotContain(EU_SECRET)
				.doesNotContain(SANDBOX_SECRET)
				.doesNotContain(OLD_SECRET);
		});
	}

	@Test
	void anotherBeansPropertiesHoldingACredentialAreMasked() {
		this.runner.run((context) -> {
			Map<String, Object> app = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("app")
				.getContexts()
				.values()
				.iterator()
				.next()
				.getBeans()
				.values()
				.iterator()
				.next()
				.getProperties();
			assertThat(app).containsEntry("copiedToken", "******")
				.containsEntry("tags", List.of("first", "******"))
				.containsEntry("greeting", "hello");
		});
	}

	@Test
	void aShortCredentialIsMaskedOnlyWhereItIsTheWholeValue() {
		PolarSecretsSanitizingFunction function = new PolarSecretsSanitizingFunction(() -> java.util.Set.of("abc"));
		assertThat(function.apply(new org.springframework.boot.actuate.endpoint.SanitizableData(null, "x.value", "abc"))
			.getValue()).isEqualTo("******");
		assertThat(function
			.apply(new org.springframework.boot.actuate.endpoint.SanitizableData(null, "java.home", "/usr/lib/abc"))
			.getValue()).isEqualTo("/usr/lib/abc");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AppProperties.class)
	static class AppPropertiesConfiguration {

	}

	@ConfigurationProperties("app")
	static class AppProperties {

		private String copiedToken = "";

		private List<String> tags = List.of();

		private String greeting = "";

		public String getCopiedToken() {
			return this.copiedToken;
		}

		public void setCopiedToken(String copiedToken) {
			this.copiedToken = copiedToken;
		}

		public List<String> getTags() {
			return this.tags;
		}

		public void setTags(List<String> tags) {
			this.tags = tags;
		}

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

}
