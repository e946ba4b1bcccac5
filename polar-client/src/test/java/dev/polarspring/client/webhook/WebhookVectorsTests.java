package dev.polarspring.client.webhook;

import java.util.List;

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

}
