package dev.polarspring.autoconfigure.diagnostics;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when the application refuses to start: Spring Boot's report, through
 * the analyzers registered in {@code META-INF/spring.factories}, with the property as
 * written and no credential.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void aMisplacedSecretIsReportedWithoutAStackTraceOrTheSecret(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--polar.access-token=whsec_doNotPrintMe42"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("Property: polar.access-token")
			.contains("Value: \"whsec_******\"")
			.contains("polar.access-token holds a webhook secret (whsec_...), not an access token")
			.contains("Action:")
			.contains("Update polar.access-token in your application's configuration.")
			.doesNotContain("doNotPrintMe42")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void aBadDurationIsReportedAsWritten(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--polar.read-timeout=-5s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: polar.read-timeout")
			.contains("Value: \"-5s\"")
			.contains("Origin: \"polar.read-timeout\" from property source \"commandLineArgs\"")
			.doesNotContain("PT-5S");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(PolarAutoConfiguration.class)
	static class MinimalApplication {

	}

}
