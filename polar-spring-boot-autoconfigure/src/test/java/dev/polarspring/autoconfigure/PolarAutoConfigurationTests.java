package dev.polarspring.autoconfigure;

import dev.polarspring.boot.PolarClientCustomizer;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.polarspring.client.PolarClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

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
