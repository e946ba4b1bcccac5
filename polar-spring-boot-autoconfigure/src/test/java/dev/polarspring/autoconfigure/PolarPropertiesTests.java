package dev.polarspring.autoconfigure;

import java.net.URI;
import java.time.Duration;

import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.PolarServer;
import dev.polarspring.client.RetrySettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and validation of {@code polar.*}.
 */
class PolarPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsWhenNothingIsSet() {
		this.contextRunner.run((context) -> {
			PolarProperties properties = context.getBean(PolarProperties.class);
			assertThat(properties.getAccessToken()).isNull();
			assertThat(properties.getServer()).isEqualTo(PolarServer.PRODUCTION);
			assertThat(properties.getBaseUrl()).isNull();
			assertThat(properties.getApiVersion()).isEqualTo("2026-10");
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
			assertThat(properties.getRetry().isNonIdempotent()).isFalse();
		});
	}

	@Test
	void defaultsAreTheClientsDefaults() {
		PolarProperties properties = new PolarProperties();
		PolarClientSettings client = PolarClientSettings.defaults();
		RetrySettings retry = RetrySettings.defaults();
		assertThat(properties.getServer().baseUrl()).isEqualTo(client.baseUrl());
		assertThat(properties.getApiVersion()).isEqualTo(client.apiVersion());
		assertThat(properties.getOrganizationId()).isEqualTo(client.organizationId());
		assertThat(properties.getConnectTimeout()).isEqualTo(client.connectTimeout());
		assertThat(properties.getReadTimeout()).isEqualTo(client.readTimeout());
		assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(retry.maxAttempts());
		assertThat(properties.getRetry().getInitialDelay()).isEqualTo(retry.initialDelay());
		assertThat(properties.getRetry().getMaxDelay()).isEqualTo(retry.maxDelay());
		assertThat(properties.getRetry().getMultiplier()).isEqualTo(retry.multiplier());
		assertThat(properties.getRetry().getJitter()).isEqualTo(retry.jitter());
		assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(retry.maxRetryAfter());
		assertThat(properties.getRetry().isNonIdempotent()).isEqualTo(retry.retryNonIdempotent());
	}

	@Test
	void bindsTheRetryJitterAndRetryAfterCap() {
		this.contextRunner.withPropertyValues("polar.retry.jitter=0", "polar.retry.max-retry-after=5s")
			.run((context) -> {
				PolarProperties properties = context.getBean(PolarProperties.class);
				assertThat(properties.getRetry().getJitter()).isZero();
				assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void jitterAboveOneFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.retry.jitter=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("retry.jitter")
				.hasMessageContaining("between 0 and 1"));
	}

	@Test
	void negativeRetryAfterCapFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.retry.max-retry-after=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("retry.maxRetryAfter")
				.hasMessageContaining("not negative"));
	}

	@Test
	void bindsEveryKey() {
		this.contextRunner
			.withPropertyValues("polar.access-token=polar_oat_secret", "polar.server=sandbox",
					"polar.base-url=http://localhost:8089", "polar.api-version=2026-04", "polar.organization-id=org_1",
					"polar.connect-timeout=2s", "polar.read-timeout=5s", "polar.retry.max-attempts=4",
					"polar.retry.initial-delay=100ms", "polar.retry.max-delay=3s", "polar.retry.multiplier=1.5",
					"polar.retry.non-idempotent=true")
			.run((context) -> {
				PolarProperties properties = context.getBean(PolarProperties.class);
				assertThat(properties.getAccessToken()).isEqualTo("polar_oat_secret");
				assertThat(properties.getServer()).isEqualTo(PolarServer.SANDBOX);
				assertThat(properties.getBaseUrl()).isEqualTo(URI.create("http://localhost:8089"));
				assertThat(properties.getApiVersion()).isEqualTo("2026-04");
				assertThat(properties.getOrganizationId()).isEqualTo("org_1");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(4);
				assertThat(properties.getRetry().getInitialDelay()).isEqualTo(Duration.ofMillis(100));
				assertThat(properties.getRetry().getMaxDelay()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getRetry().getMultiplier()).isEqualTo(1.5);
				assertThat(properties.getRetry().isNonIdempotent()).isTrue();
			});
	}

	@Test
	void unknownServerFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.server=staging")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("staging")
				.hasMessageContaining("PolarServer"));
		this.contextRunner.withPropertyValues("polar.server=staging")
			.run((context) -> assertThat(context).getFailure().cause().hasMessageContaining("polar.server"));
	}

	@Test
	void negativeDurationFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.read-timeout=-5s")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("polar")
				.rootCause()
				.hasMessageContaining("readTimeout")
				.hasMessageContaining("must be a positive duration"));
	}

	@Test
	void relativeBaseUrlFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.base-url=sandbox-api.polar.sh")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("baseUrl")
				.hasMessageContaining("absolute http or https URL"));
	}

	@Test
	void malformedBaseUrlFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.base-url=http://exa mple.com")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("baseUrl")
				.hasMessageContaining("absolute http or https URL"));
	}

	@Test
	void zeroAttemptsFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.retry.max-attempts=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("retry.maxAttempts")
				.hasMessageContaining("at least 1"));
	}

	@Test
	void toStringNeverShowsTheToken() {
		PolarProperties properties = new PolarProperties();
		assertThat(properties.toString()).contains("accessToken=<not set>");
		properties.setAccessToken("polar_oat_very_secret");
		assertThat(properties.toString()).doesNotContain("polar_oat_very_secret").contains("accessToken=******");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PolarProperties.class)
	static class PropertiesConfiguration {

	}

}
