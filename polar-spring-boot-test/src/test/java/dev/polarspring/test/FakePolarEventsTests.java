package dev.polarspring.test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.PolarTimeoutException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.error.ValidationError;
import dev.polarspring.client.events.IngestEvents;
import dev.polarspring.client.model.CustomerStateIndividual;
import dev.polarspring.client.model.CustomerStateMeter;
import dev.polarspring.client.model.EventCreate;
import dev.polarspring.client.model.EventsIngestResponse;
import dev.polarspring.client.model.Meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Event ingestion on the fake Polar behaves as Polar's: a batch is checked whole before
 * anything is stored, {@code external_id} deduplicates, meters read the events into the
 * customer state; and the faults a sender must survive are there on demand.
 */
class FakePolarEventsTests {

	private static final RequestOptions NO_RETRIES = RequestOptions.builder().maxAttempts(1).build();

	private static FakePolar fake;

	private static PolarClient polar;

	@BeforeAll
	static void start() {
		fake = FakePolar.builder()
			.meters(FakeMeter.count("Downloads", "download"), FakeMeter.sum("Storage", "upload", "bytes"))
			.start();
		polar = PolarClient.builder().baseUrl(fake.baseUrl()).accessToken(FakePolar.ACCESS_TOKEN).build();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@BeforeEach
	void reset() {
		fake.reset();
	}

	@Test
	void aBatchWithAnInvalidEventIsRefusedWholeWithEachViolationAtItsEvent() {
		EventCreate unknownCustomer = IngestEvents.forCustomer("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77", "download",
				Map.of());
		EventCreate future = IngestEvents.forExternalCustomer("user-1", "download", Map.of())
			.toBuilder()
			.timestamp(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))
			.build();
		List<EventCreate> batch = List.of(event("user-1", "ok-1"), unknownCustomer, event("user-1", "ok-2"), future);
		assertThatExceptionOfType(UnprocessableEntityException.class)
			.isThrownBy(() -> polar.events().ingest(IngestEvents.of(batch), NO_RETRIES))
			.satisfies(
					(ex) -> assertThat(ex.getValidationErrors()).extracting(ValidationError::loc, ValidationError::msg)
						.containsExactly(tuple(List.of("body", "events", "1", "customer_id"), "Customer not found."),
								tuple(List.of("body", "events", "3", "timestamp"),
										"Value error, Timestamp must be in the past.")));
		assertThat(fake.ingestedEvents()).isEmpty();
	}

	@Test
	void metadataIsCheckedAsPolarDoes() {
		String json = """
				{"events":[{"name":"download","external_customer_id":"u","metadata":{"nested":{"a":1},"empty":""}}]}""";
		FakeHttp.Answer answer = new FakeHttp(fake).post("/v1/events/ingest", json);
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("detail").valueStream().map((error) -> error.get("loc").toString()))
			.containsExactly("[\"body\",\"events\",0,\"metadata\",\"nested\"]",
					"[\"body\",\"events\",0,\"metadata\",\"empty\"]");
	}

	@Test
	void anExternalIdSeenBeforeIsADuplicateWithinABatchAndAcross() {
		EventsIngestResponse first = polar.events()
			.ingest(IngestEvents.of(event("user-1", "a"), event("user-1", "b"), event("user-1", "a")));
		EventsIngestResponse second = polar.events().ingest(IngestEvents.of(event("user-1", "b")));
		assertThat(first.inserted()).isEqualTo(2);
		assertThat(first.duplicates()).isEqualTo(1);
		assertThat(second.inserted()).isZero();
		assertThat(second.duplicates()).isEqualTo(1);
		assertThat(fake.ingestedEvents()).extracting((event) -> event.get("external_id").asString())
			.containsExactly("a", "b");
	}

	@Test
	void metersReadTheCustomersEventsIntoTheirState() {
		FakePurchase purchase = fake.purchase(fake.product("Starter Kit").id(), "user-9");
		polar.events()
			.ingest(IngestEvents.of(event("user-9", "d1"), event("user-9", "d2"), event("someone-else", "d3"),
					IngestEvents.forCustomer(purchase.customer().id(), "download", Map.of()),
					IngestEvents.forExternalCustomer("user-9", "upload", Map.of("bytes", 1500)),
					IngestEvents.forExternalCustomer("user-9", "upload", Map.of("bytes", 500))));
		List<Meter> meters = polar.meters().list().items();
		assertThat(meters).extracting(Meter::name).containsExactly("Downloads", "Storage");
		assertThat(polar.meters().get(meters.get(0).id()).name()).isEqualTo("Downloads");
		CustomerStateIndividual state = (CustomerStateIndividual) polar.customers().getStateExternal("user-9");
		assertThat(state.activeMeters()).extracting(CustomerStateMeter::meterId, CustomerStateMeter::consumedUnits)
			.containsExactly(tuple(meters.get(0).id(), 3.0), tuple(meters.get(1).id(), 2000.0));
		assertThat(state.activeMeters().get(0).balance()).isEqualTo(-3.0);
	}

	@Test
	void aCustomerWithoutMatchingEventsHasNoActiveMeter() {
		fake.purchase(fake.product("Starter Kit").id(), "user-10");
		assertThat(((CustomerStateIndividual) polar.customers().getStateExternal("user-10")).activeMeters()).isEmpty();
	}

	@Test
	void failSomeFailsAShareOfTheRequestsAndTheFailedOnesStoreNothing() {
		fake.failSome("POST /v1/events/ingest", 0.5, FakeError.serverError(503));
		int failed = 0;
		List<String> accepted = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			try {
				polar.events().ingest(IngestEvents.of(event("user-1", "e" + i)), NO_RETRIES);
				accepted.add("e" + i);
			}
			catch (InternalServerException ex) {
				failed++;
			}
		}
		assertThat(failed).isBetween(25, 75);
		assertThat(fake.ingestedEvents()).extracting((event) -> event.get("external_id").asString())
			.containsExactlyElementsOf(accepted);
		fake.reset();
		polar.events().ingest(IngestEvents.of(event("user-1", "after-reset")), NO_RETRIES);
	}

	@Test
	void delayNextStoresTheBatchButAnswersAfterTheClientGaveUp() {
		fake.delayNext(1, "POST /v1/events/ingest", Duration.ofSeconds(2));
		RequestOptions impatient = RequestOptions.builder().maxAttempts(1).timeout(Duration.ofMillis(300)).build();
		assertThatExceptionOfType(PolarTimeoutException.class)
			.isThrownBy(() -> polar.events().ingest(IngestEvents.of(event("user-1", "late")), impatient));
		assertThat(fake.ingestedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.get("external_id").asString()).isEqualTo("late"));
		EventsIngestResponse retried = polar.events().ingest(IngestEvents.of(event("user-1", "late")), impatient);
		assertThat(retried.duplicates()).isEqualTo(1);
	}

	@Test
	void storedEventsKeepWhatWasSentWithAnIdAndANormalizedTimestamp() {
		polar.events()
			.ingest(IngestEvents.of(IngestEvents.forExternalCustomer("user-1", "download", Map.of("file", "a.pdf"))
				.toBuilder()
				.externalId("k")
				.timestamp(OffsetDateTime.parse("2026-01-02T03:04:05.123+02:00"))
				.build()));
		JsonNode stored = fake.ingestedEvents().get(0);
		assertThat(stored.get("id").asString()).hasSize(36);
		assertThat(stored.get("timestamp").asString()).isEqualTo("2026-01-02T01:04:05.123Z");
		assertThat(stored.get("metadata").get("file").asString()).isEqualTo("a.pdf");
	}

	private static EventCreate event(String externalCustomerId, String externalId) {
		return IngestEvents.forExternalCustomer(externalCustomerId, "download", Map.of())
			.toBuilder()
			.externalId(externalId)
			.build();
	}

}
