package dev.polarspring.client.webhook;

import java.util.List;

import dev.polarspring.client.core.PolarJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every case of the shared webhook vectors, with the verifier's clock set to the case's
 * {@code now}.
 */
class WebhookVectorsTests {

	static List<WebhookVector> vectors() {
		return WebhookVector.load();
	}

	@Test
	void coversEveryOutcome() {
		assertThat(vectors()).hasSize(59)
			.extracting(WebhookVector::expect)
			.contains("accepted", "accepted-unknown", "rejected-signature", "rejected-payload", "accepted-either-key");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void verifierReachesTheExpectedOutcome(WebhookVector vector) {
		WebhookVerifier verifier = WebhookVerifier.builder().secret(vector.secret()).clock(vector.clock()).build();
		if (vector.signatureValid()) {
			WebhookDelivery delivery = verifier.verify(vector.bodyBytes(), vector.headers());
			assertThat(delivery.id()).isEqualTo(WebhookHeaders.of(vector.headers()).get("webhook-id"));
		}
		else {
			assertThatExceptionOfType(WebhookVerificationException.class)
				.isThrownBy(() -> verifier.verify(vector.bodyBytes(), vector.headers()));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void receiverReachesTheExpectedOutcome(WebhookVector vector) {
		WebhookReceiver receiver = new WebhookReceiver(
				WebhookVerifier.builder().secret(vector.secret()).clock(vector.clock()).build());
		switch (vector.expect()) {
			case "accepted", "accepted-either-key" -> {
				PolarWebhookEvent event = receiver.receive(vector.bodyBytes(), vector.headers());
				assertThat(event).isNotInstanceOf(UnknownWebhookEvent.class);
				assertThat(event.type()).isEqualTo(typeOf(vector));
				assertThat(event.delivery().id()).isEqualTo(WebhookHeaders.of(vector.headers()).get("webhook-id"));
			}
			case "accepted-unknown" -> {
				PolarWebhookEvent event = receiver.receive(vector.bodyBytes(), vector.headers());
				assertThat(event).isInstanceOf(UnknownWebhookEvent.class);
				assertThat(event.type()).isEqualTo(typeOf(vector));
			}
			case "rejected-signature" -> assertThatExceptionOfType(WebhookVerificationException.class)
				.isThrownBy(() -> receiver.receive(vector.bodyBytes(), vector.headers()));
			case "rejected-payload" -> assertThatExceptionOfType(MalformedWebhookPayloadException.class)
				.isThrownBy(() -> receiver.receive(vector.bodyBytes(), vector.headers()));
			default -> throw new IllegalStateException("Unexpected outcome '" + vector.expect() + "' in " + vector);
		}
	}

	private static String typeOf(WebhookVector vector) {
		// Cases without a "type" field carry it only in the body.
		return (vector.type() != null) ? vector.type()
				: PolarJson.mapper().readTree(vector.bodyBytes()).get("type").asString();
	}

}
