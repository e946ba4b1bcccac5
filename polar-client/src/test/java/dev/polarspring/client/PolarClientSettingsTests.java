package dev.polarspring.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolarClientSettingsTests {

	private static final String TOKEN = "polar_oat_VerySecretTokenValue";

	@Test
	void defaultsMatchTheDocumentation() {
		PolarClientSettings defaults = PolarClientSettings.defaults();
		assertThat(defaults.baseUrl()).isEqualTo("https://api.polar.sh");
		assertThat(defaults.apiVersion()).isEqualTo("2026-10");
		assertThat(defaults.organizationId()).isNull();
		assertThat(defaults.accessToken()).isNull();
		assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.retry()).isEqualTo(RetrySettings.defaults());
		assertThat(defaults.defaultOptions()).isSameAs(RequestOptions.none());
		assertThat(defaults.clock()).isEqualTo(Clock.systemUTC());
		assertThat(defaults.sleeper()).isSameAs(Sleeper.THREAD);
		assertThat(defaults.observationRegistry()).isSameAs(ObservationRegistry.NOOP);
		assertThat(defaults.observationConvention()).isNull();
	}

	@Test
	void theDefaultApiVersionIsTheOneTheModelsAreGeneratedFrom() throws IOException {
		String specVersion = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("src/main/openapi/openapi.json")))
			.path("info")
			.path("version")
			.asString();
		assertThat(PolarClientSettings.DEFAULT_API_VERSION).isEqualTo(specVersion);
	}

	@Test
	void eachDefaultsCallHasItsOwnRequestFactoryProvider() {
		assertThat(PolarClientSettings.defaults().requestFactories())
			.isNotSameAs(PolarClientSettings.defaults().requestFactories());
	}

	@Test
	void withMethodsChangeOneSettingAndLeaveTheOriginal() {
		PolarClientSettings defaults = PolarClientSettings.defaults();
		PolarClientSettings changed = defaults.withReadTimeout(Duration.ofSeconds(5)).withApiVersion("2026-04");
		assertThat(changed.readTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(changed.apiVersion()).isEqualTo("2026-04");
		assertThat(changed.connectTimeout()).isEqualTo(defaults.connectTimeout());
		assertThat(changed.requestFactories()).isSameAs(defaults.requestFactories());
		assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.apiVersion()).isEqualTo("2026-10");
	}

	@Test
	void theBaseUrlLosesItsTrailingSlashAndABlankOrganizationCountsAsNone() {
		PolarClientSettings settings = PolarClientSettings.defaults()
			.withBaseUrl("http://localhost:8089/")
			.withOrganizationId("  ");
		assertThat(settings.baseUrl()).isEqualTo("http://localhost:8089");
		assertThat(settings.organizationId()).isNull();
	}

	@Test
	void nonsenseIsRefusedWithTheValue() {
		PolarClientSettings defaults = PolarClientSettings.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBaseUrl("ftp://polar.sh"))
			.withMessage("baseUrl must be an absolute http or https URL without query, was 'ftp://polar.sh'");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withApiVersion(" "))
			.withMessage("apiVersion must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withConnectTimeout(Duration.ZERO))
			.withMessage("connectTimeout must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMissingAccessTokenAction(""))
			.withMessage("missingAccessTokenAction must not be empty");
	}

	@Test
	void theBuilderBuildsTheSettingsTheClientKeeps() {
		RecordingSleeper sleeper = new RecordingSleeper();
		PolarClient client = PolarClient.builder()
			.baseUrl("http://localhost:8089")
			.apiVersion("2026-04")
			.organizationId("org_1")
			.connectTimeout(Duration.ofSeconds(2))
			.readTimeout(Duration.ofSeconds(5))
			.retrySettings(RetrySettings.disabled())
			.defaultOptions(RequestOptions.builder().maxAttempts(2).build())
			.missingAccessTokenAction("set the token")
			.sleeper(sleeper)
			.build();
		PolarClientSettings settings = client.settings();
		assertThat(settings.baseUrl()).isEqualTo("http://localhost:8089");
		assertThat(settings.apiVersion()).isEqualTo("2026-04");
		assertThat(settings.organizationId()).isEqualTo("org_1");
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.retry()).isEqualTo(RetrySettings.disabled());
		assertThat(settings.defaultOptions().maxAttempts()).isEqualTo(2);
		assertThat(settings.missingAccessTokenAction()).isEqualTo("set the token");
		assertThat(settings.sleeper()).isSameAs(sleeper);
	}

	@Test
	void aClientBuiltWithNothingSetHasTheDefaults() {
		PolarClientSettings settings = PolarClient.builder().build().settings();
		PolarClientSettings defaults = PolarClientSettings.defaults();
		assertThat(settings.baseUrl()).isEqualTo(defaults.baseUrl());
		assertThat(settings.apiVersion()).isEqualTo(defaults.apiVersion());
		assertThat(settings.connectTimeout()).isEqualTo(defaults.connectTimeout());
		assertThat(settings.readTimeout()).isEqualTo(defaults.readTimeout());
		assertThat(settings.retry()).isEqualTo(defaults.retry());
		assertThat(settings.missingAccessTokenAction()).isEqualTo(defaults.missingAccessTokenAction());
	}

	@Test
	void toStringNeverShowsTheToken() {
		PolarClientSettings settings = PolarClientSettings.defaults().withAccessToken(new PrintingTokenSupplier());
		assertThat(settings.toString()).doesNotContain(TOKEN).contains("accessToken=(supplied)");
		assertThat(PolarClientSettings.defaults().toString()).contains("accessToken=(not set)");
	}

	/**
	 * A token supplier careless enough to print its token.
	 */
	private static final class PrintingTokenSupplier implements Supplier<String> {

		@Override
		public String get() {
			return TOKEN;
		}

		@Override
		public String toString() {
			return TOKEN;
		}

	}

}
