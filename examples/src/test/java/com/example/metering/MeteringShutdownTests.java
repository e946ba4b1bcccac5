package com.example.metering;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.polarspring.test.FakePolar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is buffered when the application stops is sent before it has stopped.
 */
class MeteringShutdownTests {

	@Test
	void stoppingSendsEverythingBuffered() {
		try (FakePolar fake = FakePolar.start()) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(MeteringApplication.class)
				.profiles("metering")
				.web(WebApplicationType.NONE)
				// Nothing is sent before the shutdown but full batches.
				.run("--polar.base-url=" + fake.baseUrl(), "--polar.access-token=" + FakePolar.ACCESS_TOKEN,
						"--polar.webhook.secret=whsec_test", "--polar.metering.flush-interval=1h");
			ApiUsage usage = context.getBean(ApiUsage.class);
			for (int i = 0; i < 1234; i++) {
				usage.completed("user-" + (i % 10), "large", i);
			}
			context.close();
			assertThat(fake.ingestedEvents()).hasSize(1234);
			assertThat(fake.ingestedEvents()
				.stream()
				.map((event) -> event.path("external_id").asString())
				.collect(Collectors.toSet())).hasSize(1234);
		}
	}

}
