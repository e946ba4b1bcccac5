package dev.polarspring.test.metering;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageEvent;
import dev.polarspring.boot.metering.UsageRejectedEvent;
import dev.polarspring.test.FakeMeter;
import dev.polarspring.test.FakePolar;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with the starter: {@link PolarUsage} is a bean, closing the context
 * sends what is buffered before the client goes away, refused events reach
 * {@code @EventListener} methods, and the entitlements of a customer whose usage Polar
 * took are read again, so their meters show it.
 */
class PolarUsageApplicationTests {

	private static FakePolar fake;

	@BeforeAll
	static void startFake() {
		fake = FakePolar.start();
	}

	@AfterAll
	static void stopFake() {
		fake.close();
	}

	@Test
	void closingTheApplicationSendsEverythingRecordedAndReportsRefusals() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MeteredApplication.class)
			.web(WebApplicationType.NONE)
			.properties("polar.base-url=" + fake.baseUrl(), "polar.access-token=" + FakePolar.ACCESS_TOKEN,
					"polar.metering.flush-interval=1h", "polar.metering.batch-size=1000")
			.run();
		PolarUsage usage = context.getBean(PolarUsage.class);
		for (int i = 0; i < 300; i++) {
			usage.record("user-" + (i % 7), "download", Map.of("file", "guide-" + i + ".pdf"));
		}
		usage.record(UsageEvent.forCustomer("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77", "download")
			.idempotencyKey("dl-of-nobody")
			.build());
		assertThat(fake.ingestedEvents()).isEmpty();
		Refusals refusals = context.getBean(Refusals.class);
		context.close();
		assertThat(fake.ingestedEvents()).hasSize(300);
		assertThat(refusals.events).singleElement()
			.satisfies((refused) -> assertThat(refused.event().externalId()).isEqualTo("dl-of-nobody"));
	}

	@Test
	void ingestedUsageShowsInTheCustomersEntitlementsWithoutWaitingForTheirTimeToLive() {
		try (FakePolar metered = FakePolar.builder().meters(FakeMeter.count("Downloads", "download")).start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(MeteredApplication.class)
					.web(WebApplicationType.NONE)
					.properties("polar.base-url=" + metered.baseUrl(), "polar.access-token=" + FakePolar.ACCESS_TOKEN,
							"polar.metering.flush-interval=50ms")
					.run()) {
			metered.purchase(metered.product("Starter Kit").id(), "user-downloads");
			PolarEntitlements entitlements = context.getBean(PolarEntitlements.class);
			assertThat(entitlements.of("user-downloads").activeMeters()).as("cached before any download").isEmpty();
			PolarUsage usage = context.getBean(PolarUsage.class);
			usage.record("user-downloads", "download");
			usage.record("user-downloads", "download");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(entitlements.of("user-downloads").activeMeters()).singleElement()
					.satisfies((meter) -> {
						assertThat(meter.meterId()).isEqualTo(metered.meters().get(0).id());
						assertThat(meter.consumedUnits()).isEqualTo(2);
					}));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MeteredApplication {

		@Bean
		Refusals refusals() {
			return new Refusals();
		}

	}

	static class Refusals {

		final List<UsageRejectedEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(UsageRejectedEvent event) {
			this.events.add(event);
		}

	}

}
