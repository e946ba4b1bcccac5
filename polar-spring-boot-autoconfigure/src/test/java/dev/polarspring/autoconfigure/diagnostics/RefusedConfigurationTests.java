package dev.polarspring.autoconfigure.diagnostics;

import java.util.function.Consumer;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.autoconfigure.webhook.PolarWebhookAutoConfiguration;
import dev.polarspring.boot.webhook.PolarWebhook;
import dev.polarspring.client.webhook.OrderPaidEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration that cannot work stops the application at startup, and the failure
 * analysis names the property as written, the placeholder's variable, and what to do,
 * without ever showing a token or a secret.
 */
class RefusedConfigurationTests {

	// A variable no test machine sets, as POLAR_ACCESS_TOKEN may be.
	private static final String UNSET = "POLAR_VARIABLE_NOT_SET_IN_TESTS";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PolarAutoConfiguration.class, PolarWebhookAutoConfiguration.class));

	@Test
	void anUnresolvedAccessTokenPlaceholderNamesTheKeyAndTheVariable() {
		refused("polar.access-token=${" + UNSET + "}", (analysis) -> {
			assertThat(analysis.getDescription()).contains("Property: polar.access-token")
				.contains("Value: \"${" + UNSET + "}\"")
				.contains("polar.access-token is the placeholder ${" + UNSET + "}, which nothing resolved")
				.contains("Set " + UNSET + " to the access token")
				.contains("${" + UNSET + ":}");
			assertThat(analysis.getAction()).contains("polar.access-token");
		});
	}

	@Test
	void anUnresolvedWebhookSecretPlaceholderNamesTheKeyAndTheVariable() {
		refused("polar.webhook.secret=${" + UNSET + "}",
				(analysis) -> assertThat(analysis.getDescription()).contains("Property: polar.webhook.secret")
					.contains("polar.webhook.secret is the placeholder ${" + UNSET + "}")
					.contains("Set " + UNSET + " to the endpoint's secret"));
	}

	@Test
	void aPlaceholderWithADefaultThatIsEmptyLeavesTheSecretUnset() {
		this.runner.withPropertyValues("polar.webhook.secret=${" + UNSET + ":}", "polar.access-token=${" + UNSET + ":}")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anUnresolvedPreviousSecretIsRefused() {
		refused(new String[] { "polar.webhook.secret=whsec_current",
				"polar.webhook.previous-secrets=${" + UNSET + "}" },
				(analysis) -> assertThat(analysis.getDescription())
					.contains("Property: polar.webhook.previous-secrets[0]")
					.contains("polar.webhook.previous-secrets[0] is the placeholder ${" + UNSET + "}"));
	}

	@Test
	void unresolvedPlaceholdersInANamedEndpointAreRefused() {
		refused(new String[] { "polar.webhook.endpoints.eu.path=/polar/eu",
				"polar.webhook.endpoints.eu.secret=${" + UNSET + "}" },
				(analysis) -> assertThat(analysis.getDescription())
					.contains("Property: polar.webhook.endpoints.eu.secret")
					.contains("polar.webhook.endpoints.eu.secret is the placeholder ${" + UNSET + "}"));
		refused(new String[] { "polar.webhook.endpoints.eu.path=/polar/eu",
				"polar.webhook.endpoints.eu.secret=whsec_eu",
				"polar.webhook.endpoints.eu.previous-secrets=${" + UNSET + "}" },
				(analysis) -> assertThat(analysis.getDescription())
					.contains("polar.webhook.endpoints.eu.previous-secrets[0] is the placeholder ${" + UNSET + "}"));
	}

	@Test
	void anUnresolvedOrganizationIdIsRefused() {
		refused("polar.organization-id=${" + UNSET + "}",
				(analysis) -> assertThat(analysis.getDescription()).contains("Property: polar.organization-id")
					.contains("is the placeholder ${" + UNSET + "}"));
	}

	@Test
	void anAccessTokenThatIsAWebhookSecretIsRefusedWithoutShowingIt() {
		for (String secret : new String[] { "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"polar_whs_kQ9r8GKYqrTwjUPD8I" }) {
			refused("polar.access-token=" + secret, (analysis) -> {
				assertThat(analysis.getDescription()).contains("Property: polar.access-token")
					.contains("polar.access-token holds a webhook secret")
					.contains("the webhook secret belongs in polar.webhook.secret");
				assertThat(analysis.getDescription() + analysis.getAction() + messages(analysis.getCause()))
					.doesNotContain(secret.substring(6));
			});
		}
	}

	@Test
	void aWebhookSecretThatIsATokenIsRefusedWithoutShowingIt() {
		String[][] cases = { { "polar_oat_4Ajk2d9sQm", "an organization access token (polar_oat_...)" },
				{ "polar_pat_8sjd0fKq1z", "a personal access token (polar_pat_...)" },
				{ "polar_cst_Q1w2e3r4t5", "a customer session token (polar_cst_...)" } };
		for (String[] tokenAndKind : cases) {
			refused("polar.webhook.secret=" + tokenAndKind[0], (analysis) -> {
				assertThat(analysis.getDescription()).contains("Property: polar.webhook.secret")
					.contains("Value: \"" + tokenAndKind[0].substring(0, 10) + "******\"")
					.contains("polar.webhook.secret holds " + tokenAndKind[1] + ", not a webhook secret")
					.contains("an access token belongs in polar.access-token");
				assertThat(analysis.getDescription() + analysis.getAction() + messages(analysis.getCause()))
					.doesNotContain(tokenAndKind[0].substring(10));
			});
		}
	}

	@Test
	void aPreviousSecretThatIsATokenIsRefused() {
		refused(new String[] { "polar.webhook.secret=whsec_current",
				"polar.webhook.previous-secrets=polar_oat_xyz123" },
				(analysis) -> assertThat(analysis.getDescription())
					.contains("polar.webhook.previous-secrets[0] holds an organization access token")
					.doesNotContain("xyz123"));
	}

	@Test
	void aBarePrefixIsRefused() {
		refused("polar.webhook.secret=whsec_",
				(analysis) -> assertThat(analysis.getDescription())
					.contains("polar.webhook.secret is whsec_ with nothing after it")
					.contains("copy the whole secret"));
	}

	@Test
	void aBlankPreviousSecretIsRefused() {
		refused(new String[] { "polar.webhook.secret=whsec_current", "polar.webhook.previous-secrets[0]=whsec_old",
				"polar.webhook.previous-secrets[1]= " },
				(analysis) -> assertThat(analysis.getDescription())
					.contains("Property: polar.webhook.previous-secrets[1]")
					.contains("polar.webhook.previous-secrets[1] is blank: remove the empty entry"));
	}

	@Test
	void previousSecretsWithoutACurrentSecretAreRefused() {
		refused("polar.webhook.previous-secrets=whsec_old",
				(analysis) -> assertThat(analysis.getDescription())
					.contains("polar.webhook.previous-secrets is set but polar.webhook.secret is not")
					.doesNotContain("whsec_old"));
	}

	@Test
	void bindingErrorsNameTheKeyAndTheValueAsWritten() {
		refused("polar.read-timeout=-5s", (analysis) -> {
			assertThat(analysis.getDescription()).contains("Property: polar.read-timeout")
				.contains("Value: \"-5s\"")
				.contains("Reason: must be a positive duration such as 10s")
				.doesNotContain("readTimeout")
				.doesNotContain("PT-5S");
			assertThat(analysis.getAction())
				.isEqualTo("Update polar.read-timeout in your application's configuration.");
		});
		refused("polar.retry.max-attempts=0",
				(analysis) -> assertThat(analysis.getDescription()).contains("Property: polar.retry.max-attempts")
					.contains("Value: \"0\"")
					.doesNotContain("maxAttempts"));
		refused(new String[] { "polar.webhook.endpoints.eu.path=polar/eu",
				"polar.webhook.endpoints.eu.secret=whsec_eu" },
				(analysis) -> assertThat(analysis.getDescription())
					.contains("Property: polar.webhook.endpoints.eu.path")
					.contains("Value: \"polar/eu\"")
					.contains("must start with '/'"));
	}

	@Test
	void everyRefusedPropertyIsListed() {
		refused(new String[] { "polar.read-timeout=-5s", "polar.connect-timeout=0s" },
				(analysis) -> assertThat(analysis.getAction()).isEqualTo(
						"Update polar.connect-timeout, polar.read-timeout in your application's configuration."));
	}

	@Test
	void aWebhookMethodWithoutASecretSaysWhatToSet() {
		this.runner.withUserConfiguration(HandlerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new PolarConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("@PolarWebhook method " + Handler.class.getName()
					+ ".on(OrderPaidEvent) receives deliveries at /polar/webhooks, which has no secret.");
			assertThat(analysis.getAction()).isEqualTo("Set polar.webhook.secret, or add an entry to "
					+ "polar.webhook.endpoints with this path and the endpoint's secret from Polar.");
		});
	}

	@Test
	void aDatabaseStoreWithoutADatabaseSaysWhatToAdd() {
		this.runner.withPropertyValues("polar.webhook.deduplication.store=jdbc").run((context) -> {
			FailureAnalysis analysis = new PolarConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("polar.webhook.deduplication.store=jdbc needs spring-jdbc and a single DataSource.");
			assertThat(analysis.getAction()).startsWith("Add spring-boot-starter-jdbc");
		});
	}

	@Test
	void otherPropertiesAreLeftToSpringBoot() {
		new WebApplicationContextRunner().withUserConfiguration(OtherPropertiesConfiguration.class)
			.withPropertyValues("other.size=-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new PolarBindValidationFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
			});
	}

	private void refused(String property, Consumer<FailureAnalysis> analysis) {
		refused(new String[] { property }, analysis);
	}

	private void refused(String[] properties, Consumer<FailureAnalysis> analysis) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis result = new PolarBindValidationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(result).as("analysis of %s", (Object) properties).isNotNull();
			analysis.accept(result);
		});
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages + String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure));
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		Handler handler() {
			return new Handler();
		}

	}

	static class Handler {

		@PolarWebhook
		void on(OrderPaidEvent event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.boot.context.properties.EnableConfigurationProperties(OtherProperties.class)
	static class OtherPropertiesConfiguration {

	}

	@org.springframework.boot.context.properties.ConfigurationProperties("other")
	static class OtherProperties implements org.springframework.validation.Validator {

		private int size;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		@Override
		public boolean supports(Class<?> type) {
			return OtherProperties.class.isAssignableFrom(type);
		}

		@Override
		public void validate(Object target, org.springframework.validation.Errors errors) {
			if (((OtherProperties) target).getSize() < 0) {
				errors.rejectValue("size", "negative", "must not be negative");
			}
		}

	}

}
