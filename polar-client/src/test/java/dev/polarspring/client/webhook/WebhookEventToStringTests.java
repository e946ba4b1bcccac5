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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's {@code toString()} names it (type, {@code webhook-id}, the object's id) and
 * never prints the payload: events end up in log lines and exception messages, and
 * payloads hold customers' names, emails and addresses.
 */
class WebhookEventToStringTests {

	private static final WebhookDelivery DELIVERY = new WebhookDelivery("msg_2Lh4example",
			Instant.ofEpochSecond(1790001000));

	@TestFactory
	List<DynamicTest> everyKnownEventPrintsItsTypeDeliveryAndObjectIdOnly() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode vector : vectors().path("cases")) {
			String expect = vector.path("expect").asString();
			if (expect.startsWith("rejected") || expect.equals("accepted-unknown")) {
				continue;
			}
			String body = vector.path("body").asString();
			tests.add(DynamicTest.dynamicTest(vector.path("name").asString(), () -> {
				JsonNode payload = PolarJson.mapper().readTree(body);
				PolarWebhookEvent event = PolarWebhookEvents.decode(body.getBytes(StandardCharsets.UTF_8), DELIVERY);
				String expected = event.getClass().getSimpleName() + "[type=" + payload.path("type").asString()
						+ ", delivery=msg_2Lh4example, id=" + payload.path("data").path("id").asString() + "]";
				assertThat(event).hasToString(expected);
			}));
		}
		assertThat(tests).hasSizeGreaterThanOrEqualTo(41);
		return tests;
	}

	@Test
	void anOrderPaidEventLeavesOutTheCustomersPersonalData() throws IOException {
		String body = vectorBody("order.paid: valid");
		JsonNode customer = PolarJson.mapper().readTree(body).path("data").path("customer");
		String email = customer.path("email").asString();
		String customerId = customer.path("id").asString();
		assertThat(email).isNotEmpty();
		assertThat(customerId).isNotEmpty();
		PolarWebhookEvent event = PolarWebhookEvents.decode(body.getBytes(StandardCharsets.UTF_8), DELIVERY);
		assertThat(event.toString()).doesNotContain(email).doesNotContain(customerId).doesNotContain("customer");
	}

	@Test
	void anUnknownEventPrintsTheIdOfItsDataWhenThereIsOne() {
		PolarWebhookEvent withId = PolarWebhookEvents.decode(
				"{\"type\":\"invoice.teleported\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":{\"id\":\"inv_1\",\"email\":\"ada@example.com\"}}"
					.getBytes(StandardCharsets.UTF_8),
				DELIVERY);
		PolarWebhookEvent withoutData = PolarWebhookEvents
			.decode("{\"type\":\"invoice.teleported\",\"timestamp\":\"2026-09-01T00:00:00Z\"}"
				.getBytes(StandardCharsets.UTF_8), DELIVERY);
		assertThat(withId)
			.hasToString("UnknownWebhookEvent[type=invoice.teleported, delivery=msg_2Lh4example, id=inv_1]");
		assertThat(withoutData)
			.hasToString("UnknownWebhookEvent[type=invoice.teleported, delivery=msg_2Lh4example, id=null]");
	}

	private static String vectorBody(String name) throws IOException {
		for (JsonNode vector : vectors().path("cases")) {
			if (vector.path("name").asString().equals(name)) {
				return vector.path("body").asString();
			}
		}
		throw new IllegalStateException("No vector " + name);
	}

	private static JsonNode vectors() throws IOException {
		try (InputStream in = WebhookEventToStringTests.class.getResourceAsStream("/webhook-vectors/deliveries.json")) {
			return PolarJson.mapper().readTree(in);
		}
	}

}
