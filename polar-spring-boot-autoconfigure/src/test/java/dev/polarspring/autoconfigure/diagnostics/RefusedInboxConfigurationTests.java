package dev.polarspring.autoconfigure.diagnostics;

import java.util.function.Consumer;

import dev.polarspring.autoconfigure.webhook.PolarWebhookAutoConfiguration;
import dev.polarspring.autoconfigure.webhook.PolarWebhookInboxAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable processing configured in a way that cannot work stops the application at
 * startup, and the report names the key and what to do.
 */
class RefusedInboxConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PolarWebhookAutoConfiguration.class,
				PolarWebhookInboxAutoConfiguration.class))
		.withPropertyValues("polar.webhook.processing=durable");

	@Test
	void durableProcessingWithoutADataSourceIsRefused() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PolarWebhookAutoConfiguration.class,
					PolarWebhookInboxAutoConfiguration.class))
			.withPropertyValues("polar.webhook.processing=durable")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new PolarConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo(
						"polar.webhook.processing=durable needs spring-jdbc and a single DataSource for its inbox.");
				assertThat(analysis.getAction()).isEqualTo(
						"Add spring-boot-starter-jdbc and configure spring.datasource, or set polar.webhook.processing=inline.");
			});
	}

	@Test
	void durableProcessingWithoutSpringJdbcIsRefused() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class)).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new PolarConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("polar.webhook.processing=durable needs spring-jdbc");
		});
	}

	@Test
	void zeroWorkersAreRefused() {
		refused("polar.webhook.inbox.workers=0", (analysis) -> {
			assertThat(analysis.getDescription()).contains("Property: polar.webhook.inbox.workers")
				.contains("Value: \"0\"")
				.contains("polar.webhook.inbox.workers must be at least 1");
			assertThat(analysis.getAction()).contains("polar.webhook.inbox.workers");
		});
	}

	@Test
	void zeroAttemptsAreRefused() {
		refused("polar.webhook.inbox.max-attempts=0",
				(analysis) -> assertThat(analysis.getDescription())
					.contains("Property: polar.webhook.inbox.max-attempts")
					.contains("polar.webhook.inbox.max-attempts must be at least 1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "poll-interval", "claim-timeout", "initial-delay", "max-delay", "retention",
			"cleanup-interval" })
	void nonPositiveDurationsAreRefused(String key) {
		for (String value : new String[] { "0s", "-1s" }) {
			refused("polar.webhook.inbox." + key + "=" + value, (analysis) -> {
				assertThat(analysis.getDescription()).contains("Property: polar.webhook.inbox." + key)
					.contains("Value: \"" + value + "\"")
					.contains("polar.webhook.inbox." + key + " must be positive");
				assertThat(analysis.getAction()).contains("polar.webhook.inbox." + key);
			});
		}
	}

	@Test
	void aNegativeShutdownTimeoutIsRefused() {
		refused("polar.webhook.inbox.shutdown-timeout=-1s", (analysis) -> assertThat(analysis.getDescription())
			.contains("polar.webhook.inbox.shutdown-timeout must not be negative"));
	}

	@Test
	void aMaximumDelayShorterThanTheFirstIsRefused() {
		refused(new String[] { "polar.webhook.inbox.initial-delay=10s", "polar.webhook.inbox.max-delay=5s" },
				(analysis) -> assertThat(analysis.getDescription()).contains("Property: polar.webhook.inbox.max-delay")
					.contains("must not be shorter than polar.webhook.inbox.initial-delay"));
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

}
