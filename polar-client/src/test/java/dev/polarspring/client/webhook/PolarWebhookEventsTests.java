package dev.polarspring.client.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.BenefitDiscord;
import dev.polarspring.client.model.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Decodes the signed deliveries of {@code webhook-vectors/deliveries.json} (one per event
 * type, plus malformed and unknown ones) into typed events.
 */
class PolarWebhookEventsTests {

	private static final WebhookDelivery DELIVERY = new WebhookDelivery("msg_1", Instant.ofEpochSecond(1790001000));

	@TestFactory
	List<DynamicTest> everyVectorDecodesAsItsExpectedOutcome() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode vector : vectors().path("cases")) {
			String expect = vector.path("expect").asString();
			if (expect.startsWith("rejected-signature")) {
				continue;
			}
			byte[] body = vector.path("body").asString().getBytes(StandardCharsets.UTF_8);
			tests.add(DynamicTest.dynamicTest(vector.path("name").asString(), () -> {
				switch (expect) {
					case "rejected-payload" -> assertThatExceptionOfType(MalformedWebhookPayloadException.class)
						.isThrownBy(() -> PolarWebhookEvents.decode(body, DELIVERY));
					case "accepted-unknown" ->
						assertThat(PolarWebhookEvents.decode(body, DELIVERY)).isInstanceOf(UnknownWebhookEvent.class);
					default -> {
						PolarWebhookEvent event = PolarWebhookEvents.decode(body, DELIVERY);
						assertThat(event).isNotInstanceOf(UnknownWebhookEvent.class);
						assertThat(event.type()).isEqualTo(PolarJson.mapper().readTree(body).path("type").asString());
						assertThat(event.delivery()).isEqualTo(DELIVERY);
						assertThat(event.data()).isNotNull();
					}
				}
			}));
		}
		return tests;
	}

	@Test
	void orderPaidCarriesTheTypedOrderAndMicroseconds() {
		String body = "{\"type\":\"order.paid\",\"timestamp\":\"2026-10-29T21:29:20.449815Z\",\"data\":"
				+ orderPaidData() + "}";
		PolarWebhookEvent event = PolarWebhookEvents.decode(body.getBytes(StandardCharsets.UTF_8), DELIVERY);
		assertThat(event).isInstanceOf(OrderPaidEvent.class);
		OrderPaidEvent paid = (OrderPaidEvent) event;
		assertThat(paid.data()).isInstanceOf(Order.class);
		assertThat(paid.timestamp().getNano()).isEqualTo(449_815_000);
	}

	@Test
	void benefitCreatedDataIsTheDiscriminatedVariant() throws IOException {
		JsonNode vector = vectorNamed("benefit.created: valid");
		PolarWebhookEvent event = PolarWebhookEvents
			.decode(vector.path("body").asString().getBytes(StandardCharsets.UTF_8), DELIVERY);
		assertThat(((BenefitCreatedEvent) event).data()).isInstanceOf(BenefitDiscord.class);
	}

	@Test
	void unknownTypeKeepsTheRawPayload() {
		byte[] body = "{\"type\":\"invoice.teleported\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":{\"id\":\"x\"}}"
			.getBytes(StandardCharsets.UTF_8);
		UnknownWebhookEvent event = (UnknownWebhookEvent) PolarWebhookEvents.decode(body, DELIVERY);
		assertThat(event.type()).isEqualTo("invoice.teleported");
		assertThat(event.data().path("id").asString()).isEqualTo("x");
		assertThat(event.raw().path("type").asString()).isEqualTo("invoice.teleported");
	}

	@Test
	void knownTypeWithDataThatDoesNotFitIsMalformedWithoutEchoingTheBody() {
		byte[] body = "{\"type\":\"order.paid\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":{\"created_at\":\"not a date secret-body-marker\"}}"
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MalformedWebhookPayloadException.class)
			.isThrownBy(() -> PolarWebhookEvents.decode(body, DELIVERY))
			.withMessageContaining("order.paid")
			.withMessageContaining("Order")
			.withMessageContaining("$.created_at")
			.withMessageNotContaining("{\"type\"")
			.withMessageNotContaining("secret-body-marker")
			.withNoCause();
	}

	@Test
	void missingTimestampIsMalformed() {
		byte[] body = "{\"type\":\"order.paid\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MalformedWebhookPayloadException.class)
			.isThrownBy(() -> PolarWebhookEvents.decode(body, DELIVERY))
			.withMessageContaining("timestamp");
	}

	@Test
	void knownTypesAreTheSpecsWebhooks() {
		assertThat(PolarWebhookEvents.knownTypes()).hasSize(41).contains("order.paid", "customer_seat.assigned");
	}

	private static String orderPaidData() {
		try {
			JsonNode vector = vectorNamed("order.paid: valid");
			return PolarJson.mapper().readTree(vector.path("body").asString()).path("data").toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode vectorNamed(String name) throws IOException {
		for (JsonNode vector : vectors().path("cases")) {
			if (vector.path("name").asString().equals(name)) {
				return vector;
			}
		}
		throw new IllegalStateException("No vector " + name);
	}

	private static JsonNode vectors() throws IOException {
		try (InputStream in = PolarWebhookEventsTests.class.getResourceAsStream("/webhook-vectors/deliveries.json")) {
			return PolarJson.mapper().readTree(in);
		}
	}

}
