package dev.polarspring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.polarspring.client.webhook.WebhookSigner;
import dev.polarspring.client.webhook.WebhookVector;

/**
 * Signed deliveries for endpoint tests: real payloads from the shared vectors, signed now
 * with a test secret under a fresh {@code webhook-id}.
 */
final class TestDeliveries {

	static final String SECRET = "whsec_dGVzdC1zZWNyZXQtZm9yLXBvbGFyLXNwcmluZy1ib290";

	private TestDeliveries() {
	}

	/**
	 * Returns the body of the valid vector of an event type.
	 * @param type an event type such as {@code order.paid}
	 * @return its body bytes
	 */
	static byte[] body(String type) {
		return WebhookVector.load()
			.stream()
			.filter((vector) -> (type + ": valid").equals(vector.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No valid vector of type " + type))
			.bodyBytes();
	}

	static byte[] unknownType() {
		return "{\"type\":\"invoice.teleported\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":{\"id\":\"x\"}}"
			.getBytes(StandardCharsets.UTF_8);
	}

	static String newId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	static Map<String, String> signed(byte[] body) {
		return signed(SECRET, newId(), body);
	}

	static Map<String, String> signed(String secret, String id, byte[] body) {
		return new LinkedHashMap<>(WebhookSigner.of(secret).headers(id, Instant.now(), body));
	}

}
