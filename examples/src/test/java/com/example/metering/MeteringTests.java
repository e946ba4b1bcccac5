package com.example.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageEvent;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.context.AutoConfigureFakePolar;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's metering examples against the fake Polar, sent every 50 ms instead of
 * every second.
 */
@SpringBootTest(properties = { "polar.webhook.secret=whsec_test", "polar.metering.flush-interval=50ms" })
@ActiveProfiles("metering")
@AutoConfigureFakePolar(deliverWebhooks = false)
class MeteringTests {

	@Autowired
	FakePolar polar;

	@Autowired
	ApiUsage apiUsage;

	@Autowired
	Downloads downloads;

	@Autowired
	RejectedUsage rejectedUsage;

	@Autowired
	PolarUsage usage;

	@Test
	void aRecordedCallReachesPolarInTheNextBatch() {
		this.apiUsage.completed("user-42", "large", 1200);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.polar.ingestedEvents().isEmpty());
		JsonNode event = this.polar.ingestedEvents().get(0);
		assertThat(event.path("name").asString()).isEqualTo("api_call");
		assertThat(event.path("external_customer_id").asString()).isEqualTo("user-42");
		assertThat(event.path("metadata").path("tokens").asInt()).isEqualTo(1200);
		assertThat(event.path("external_id").asString()).isNotEmpty();
	}

	@Test
	void aDownloadRecordedTwiceIsCountedOnce() {
		Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		this.downloads.downloaded("user-42", "d-1", 4096, at);
		await().atMost(Duration.ofSeconds(10)).until(() -> ingests() == 1);
		this.downloads.downloaded("user-42", "d-1", 4096, at);
		await().atMost(Duration.ofSeconds(10)).until(() -> ingests() == 2);
		List<JsonNode> events = this.polar.ingestedEvents();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.path("external_id").asString()).isEqualTo("download-d-1");
			assertThat(Instant.parse(event.path("timestamp").asString())).isEqualTo(at);
		});
	}

	@Test
	void anEventPolarRefusesIsReportedAndTheOthersSent() {
		String unknownCustomer = UUID.randomUUID().toString();
		this.usage.record(UsageEvent.forCustomer(unknownCustomer, "api_call").build());
		this.apiUsage.completed("user-7", "small", 10);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.rejectedUsage.rejected().isEmpty());
		assertThat(this.rejectedUsage.rejected()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.event().customerId()).isEqualTo(unknownCustomer));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.polar.ingestedEvents()).singleElement()
				.satisfies((event) -> assertThat(event.path("external_customer_id").asString()).isEqualTo("user-7")));
	}

	private int ingests() {
		return this.polar.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/events/ingest"))).size();
	}

}
