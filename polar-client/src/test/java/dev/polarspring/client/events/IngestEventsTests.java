package dev.polarspring.client.events;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.EventCreateCustomer;
import dev.polarspring.client.model.EventCreateExternalCustomer;
import dev.polarspring.client.model.EventsIngest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One line builds the ingest body Polar expects, metadata from a map.
 */
class IngestEventsTests {

	@Test
	void externalCustomerEventInOneLine() {
		EventsIngest body = IngestEvents
			.of(IngestEvents.forExternalCustomer("user-42", "api_call", Map.of("tokens", 1200)));
		assertThat(json(body)).isEqualTo(PolarJson.mapper()
			.readTree("{\"events\":[{\"name\":\"api_call\",\"metadata\":{\"tokens\":1200},"
					+ "\"external_customer_id\":\"user-42\"}]}"));
	}

	@Test
	void customerEventWithoutMetadataSendsNone() {
		EventCreateCustomer event = IngestEvents.forCustomer("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77", "download",
				Map.of());
		assertThat(json(IngestEvents.of(event))).isEqualTo(PolarJson.mapper()
			.readTree(
					"{\"events\":[{\"name\":\"download\",\"customer_id\":\"3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77\"}]}"));
	}

	@Test
	void eventsAreGeneratedBodiesSoTheRestIsOneBuilderAway() {
		EventCreateExternalCustomer event = IngestEvents.forExternalCustomer("user-42", "api_call", Map.of())
			.toBuilder()
			.externalId("call-981")
			.build();
		assertThat(json(IngestEvents.of(List.of(event))).get("events").get(0).get("external_id").asString())
			.isEqualTo("call-981");
	}

	@Test
	void badMetadataFailsAtTheCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IngestEvents.forExternalCustomer("user-42", "api_call", Map.of("usage", Map.of())))
			.withMessageStartingWith("metadata 'usage' is a map");
	}

	@Test
	void namesAreOneToOneHundredTwentyEightCharacters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IngestEvents.forExternalCustomer("user-42", " ", Map.of()))
			.withMessage("name must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IngestEvents.forExternalCustomer("user-42", "n".repeat(129), Map.of()))
			.withMessageEndingWith("is 129 characters long; Polar accepts at most 128");
		IngestEvents.checkName("n".repeat(128));
	}

	@Test
	void customerIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> IngestEvents.forExternalCustomer("", "x", Map.of()))
			.withMessage("externalCustomerId must not be blank");
	}

	@Test
	void anIngestCarriesAtLeastOneEvent() {
		assertThatIllegalArgumentException().isThrownBy(() -> IngestEvents.of(List.of()))
			.withMessageStartingWith("events must not be empty");
	}

	private static JsonNode json(Object body) {
		return PolarJson.mapper().readTree(PolarJson.mapper().writeValueAsString(body));
	}

}
