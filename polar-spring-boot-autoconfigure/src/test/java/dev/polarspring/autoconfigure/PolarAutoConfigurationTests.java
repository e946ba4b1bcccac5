package dev.polarspring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.polarspring.boot.PolarClientCustomizer;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.error.MissingTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PolarAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PolarAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				PolarAutoConfiguration.class));

	@Test
	void productionIsTheDefaultServer() {
		this.contextRunner.withPropertyValues("polar.access-token=polar_oat_x")
			.run((context) -> assertThat(context.getBean(PolarClient.class).executor().baseUrl())
				.isEqualTo("https://api.polar.sh"));
	}

	@Test
	void sandboxServerPicksTheSandboxHost() {
		this.contextRunner.withPropertyValues("polar.access-token=polar_oat_x", "polar.server=sandbox")
			.run((context) -> assertThat(context.getBean(PolarClient.class).executor().baseUrl())
				.isEqualTo("https://sandbox-api.polar.sh"));
	}

	@Test
	void baseUrlWinsOverServer() {
		this.contextRunner
			.withPropertyValues("polar.access-token=polar_oat_x", "polar.server=sandbox",
					"polar.base-url=http://localhost:8089")
			.run((context) -> assertThat(context.getBean(PolarClient.class).executor().baseUrl())
				.isEqualTo("http://localhost:8089"));
	}

	@Test
	void theClientIsBuiltFromTheProperties() {
		this.contextRunner
			.withPropertyValues("polar.access-token=polar_oat_x", "polar.api-version=2026-04",
					"polar.organization-id=org_1", "polar.connect-timeout=2s", "polar.read-timeout=5s",
					"polar.retry.max-attempts=4", "polar.retry.initial-delay=100ms", "polar.retry.max-delay=3s",
					"polar.retry.multiplier=1.5", "polar.retry.jitter=0", "polar.retry.max-retry-after=7s",
					"polar.retry.non-idempotent=true")
			.run((context) -> {
				PolarClientSettings settings = context.getBean(PolarClient.class).settings();
				assertThat(settings.apiVersion()).isEqualTo("2026-04");
				assertThat(settings.organizationId()).isEqualTo("org_1");
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.retry()).isEqualTo(new RetrySettings(4, Duration.ofMillis(100),
						Duration.ofSeconds(3), 1.5, 0.0, Duration.ofSeconds(7), true));
			});
	}

	@Test
	void withNothingSetTheClientHasItsOwnDefaults() {
		this.contextRunner.withPropertyValues("polar.access-token=polar_oat_x").run((context) -> {
			PolarClientSettings settings = context.getBean(PolarClient.class).settings();
			PolarClientSettings defaults = PolarClientSettings.defaults();
			assertThat(settings.apiVersion()).isEqualTo(defaults.apiVersion());
			assertThat(settings.connectTimeout()).isEqualTo(defaults.connectTimeout());
			assertThat(settings.readTimeout()).isEqualTo(defaults.readTimeout());
			assertThat(settings.retry()).isEqualTo(defaults.retry());
		});
	}

	@Test
	void aCallWithoutATokenNamesThePropertyToSet() {
		this.contextRunner.withPropertyValues("polar.base-url=http://localhost:1").run((context) -> {
			PolarClient polar = context.getBean(PolarClient.class);
			assertThatExceptionOfType(MissingTokenException.class).isThrownBy(() -> polar.products().get("p"))
				.withMessage("products:get needs an organization access token and none is set; set "
						+ "polar.access-token (for example from the POLAR_ACCESS_TOKEN environment variable) "
						+ "or pass RequestOptions.builder().accessToken(...)");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnClient() {
		PolarClient own = PolarClient.builder().accessToken("own").baseUrl("http://localhost:1").build();
		this.contextRunner.withBean(PolarClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(PolarClient.class).isSameAs(own));
	}

	@Test
	void customizersRunAfterTheProperties() {
		AtomicBoolean called = new AtomicBoolean();
		this.contextRunner.withPropertyValues("polar.server=sandbox")
			.withBean(PolarClientCustomizer.class, () -> (builder) -> {
				called.set(true);
				builder.baseUrl("http://localhost:9999");
			})
			.run((context) -> {
				assertThat(called).isTrue();
				assertThat(context.getBean(PolarClient.class).executor().baseUrl()).isEqualTo("http://localhost:9999");
			});
	}

	@Test
	void startsWithoutATokenAndWarnsOnce(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PolarClient.class);
			assertThat(output).containsOnlyOnce("polar.access-token is not set");
		});
	}

	@Test
	void noWarningWhenATokenIsSet(CapturedOutput output) {
		this.contextRunner.withPropertyValues("polar.access-token=polar_oat_x")
			.run((context) -> assertThat(output).doesNotContain("polar.access-token is not set"));
	}

	@Test
	void theTokenNeverShowsInTheClientsToString() {
		this.contextRunner.withPropertyValues("polar.access-token=polar_oat_secret_value")
			.run((context) -> assertThat(context.getBean(PolarClient.class).toString())
				.doesNotContain("polar_oat_secret_value"));
	}

}
