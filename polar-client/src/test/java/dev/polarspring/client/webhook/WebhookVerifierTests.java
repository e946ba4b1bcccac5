package dev.polarspring.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.polarspring.client.SettableClock;
import dev.polarspring.client.webhook.WebhookVerificationException.Reason;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatObject;

class WebhookVerifierTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");

	private static final byte[] BODY = "{\"type\":\"order.paid\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

	private final WebhookVerifier verifier = verifierAt(NOW, SECRET);

	@Test
	void acceptsADeliverySignedWithTheUtf8BytesOfTheWholeSecret() {
		WebhookDelivery delivery = this.verifier.verify(BODY, WebhookSigner.of(SECRET).headers("msg_1", NOW, BODY));
		assertThat(delivery).isEqualTo(new WebhookDelivery("msg_1", NOW));
	}

	@Test
	void signsWithTheWholeSecretStringAsKey() {
		// Independent computation of Polar's derivation: key = UTF-8 bytes of
		// "whsec_...".
		String expected = "v1," + Base64.getEncoder()
			.encodeToString(hmac(SECRET.getBytes(StandardCharsets.UTF_8),
					"msg_1." + NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8)));
		assertThat(WebhookSigner.of(SECRET).signature("msg_1", NOW, BODY)).isEqualTo(expected);
	}

	@Test
	void acceptsADeliverySignedWithTheStandardWebhooksDecodingOfTheSecret() {
		Map<String, String> headers = WebhookSigner.standardWebhooks(SECRET).headers("msg_1", NOW, BODY);
		assertThat(this.verifier.verify(BODY, headers).id()).isEqualTo("msg_1");
	}

	@Test
	void derivesNoStandardWebhooksKeyFromASecretWithoutThePrefix() {
		String secret = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		Map<String, String> headers = WebhookSigner.standardWebhooks("whsec_" + secret).headers("msg_1", NOW, BODY);
		assertThatVerification(verifierAt(NOW, secret), BODY, headers).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
		assertThat(verifierAt(NOW, secret).verify(BODY, WebhookSigner.of(secret).headers("msg_1", NOW, BODY)))
			.isNotNull();
	}

	@Test
	void standardWebhooksSignerRefusesASecretItCannotDecode() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSigner.standardWebhooks("plain-secret"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSigner.standardWebhooks("whsec_***"));
	}

	@Test
	void acceptsEveryRotatedSecret() {
		WebhookVerifier rotating = WebhookVerifier.builder()
			.secrets(List.of("whsec_old", "whsec_new"))
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.build();
		assertThat(rotating.verify(BODY, WebhookSigner.of("whsec_old").headers("a", NOW, BODY)).id()).isEqualTo("a");
		assertThat(rotating.verify(BODY, WebhookSigner.of("whsec_new").headers("b", NOW, BODY)).id()).isEqualTo("b");
		assertThatVerification(rotating, BODY, WebhookSigner.of("whsec_other").headers("c", NOW, BODY))
			.isEqualTo(Reason.NO_MATCHING_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "webhook-id", "webhook-timestamp", "webhook-signature" })
	void rejectsADeliveryWithoutAHeader(String name) {
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		headers.remove(name);
		assertThatVerification(this.verifier, BODY, headers).isEqualTo(Reason.MISSING_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "webhook-id", "webhook-timestamp", "webhook-signature" })
	void rejectsADeliveryWithAnEmptyHeader(String name) {
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		headers.put(name, "");
		assertThatVerification(this.verifier, BODY, headers).isEqualTo(Reason.MISSING_HEADER);
	}

	@Test
	void matchesHeaderNamesInAnyCase() {
		Map<String, String> headers = new HashMap<>();
		signed("msg_1", NOW, BODY).forEach((name, value) -> headers.put(name.toUpperCase(), value));
		assertThat(this.verifier.verify(BODY, headers).id()).isEqualTo("msg_1");
		headers.clear();
		signed("msg_1", NOW, BODY).forEach((name, value) -> headers.put(name.substring(0, 1).toUpperCase()
				+ name.substring(1, 8) + name.substring(8, 9).toUpperCase() + name.substring(9), value));
		assertThat(headers).containsKey("Webhook-Id");
		assertThat(this.verifier.verify(BODY, headers).id()).isEqualTo("msg_1");
	}

	@Test
	void readsHeadersThroughALookup() {
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		List<String> asked = new ArrayList<>();
		WebhookHeaders lookup = (name) -> {
			asked.add(name);
			return headers.get(name);
		};
		assertThat(this.verifier.verify(BODY, lookup).id()).isEqualTo("msg_1");
		assertThat(asked).containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-1", "+1790000000", "1790000000.5", " 1790000000", "1e9", "1234567890123456789" })
	void rejectsATimestampThatIsNotWholeSeconds(String timestamp) {
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		headers.put("webhook-timestamp", timestamp);
		assertThatVerification(this.verifier, BODY, headers).isEqualTo(Reason.BAD_TIMESTAMP);
	}

	@Test
	void acceptsATimestampExactlyAtTheToleranceBothWays() {
		assertThat(this.verifier.verify(BODY, signed("old", NOW.minusSeconds(300), BODY)).timestamp())
			.isEqualTo(NOW.minusSeconds(300));
		assertThat(this.verifier.verify(BODY, signed("new", NOW.plusSeconds(300), BODY)).timestamp())
			.isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void rejectsATimestampBeyondTheTolerance() {
		assertThatVerification(this.verifier, BODY, signed("old", NOW.minusSeconds(301), BODY))
			.isEqualTo(Reason.TOO_OLD);
		assertThatVerification(this.verifier, BODY, signed("new", NOW.plusSeconds(301), BODY))
			.isEqualTo(Reason.TOO_NEW);
	}

	@Test
	void honoursAConfiguredTolerance() {
		WebhookVerifier strict = WebhookVerifier.builder()
			.secret(SECRET)
			.tolerance(Duration.ofSeconds(10))
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.build();
		assertThat(strict.verify(BODY, signed("ok", NOW.minusSeconds(10), BODY))).isNotNull();
		assertThatVerification(strict, BODY, signed("old", NOW.minusSeconds(11), BODY)).isEqualTo(Reason.TOO_OLD);
		assertThatVerification(strict, BODY, signed("new", NOW.plusSeconds(11), BODY)).isEqualTo(Reason.TOO_NEW);
	}

	@Test
	void checksTheTimestampAgainstTheClockAtEachCall() {
		SettableClock moving = new SettableClock(NOW);
		WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).clock(moving).build();
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		assertThat(verifier.verify(BODY, headers)).isNotNull();
		moving.set(NOW.plusSeconds(301));
		assertThatVerification(verifier, BODY, headers).isEqualTo(Reason.TOO_OLD);
	}

	@Test
	void rejectsATamperedBody() {
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		byte[] tampered = BODY.clone();
		tampered[tampered.length - 2] = ' ';
		assertThatVerification(this.verifier, tampered, headers).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void rejectsASignatureOfAnotherIdOrTimestamp() {
		Map<String, String> otherId = signed("msg_1", NOW, BODY);
		otherId.put("webhook-id", "msg_2");
		assertThatVerification(this.verifier, BODY, otherId).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
		Map<String, String> otherTimestamp = signed("msg_1", NOW, BODY);
		otherTimestamp.put("webhook-timestamp", Long.toString(NOW.getEpochSecond() + 1));
		assertThatVerification(this.verifier, BODY, otherTimestamp).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void countsOnlyVersionOneSignatures() {
		String valid = WebhookSigner.of(SECRET).signature("msg_1", NOW, BODY);
		Map<String, String> headers = signed("msg_1", NOW, BODY);
		headers.put("webhook-signature", "v2," + valid.substring(3));
		assertThatVerification(this.verifier, BODY, headers).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
		headers.put("webhook-signature", valid.substring(3));
		assertThatVerification(this.verifier, BODY, headers).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
		headers.put("webhook-signature", "v1a," + valid.substring(3));
		assertThatVerification(this.verifier, BODY, headers).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
	}

	@Test
	void acceptsAMatchAmongSeveralSignatures() {
		String valid = WebhookSigner.of(SECRET).signature("msg_1", NOW, BODY);
		String other = WebhookSigner.of("whsec_other").signature("msg_1", NOW, BODY);
		for (String header : List.of(valid + " " + other, other + " " + valid, "v2,abc " + other + " " + valid + " v1,",
				"v1,!!!notbase64 " + valid, "v1, " + valid)) {
			Map<String, String> headers = signed("msg_1", NOW, BODY);
			headers.put("webhook-signature", header);
			assertThat(this.verifier.verify(BODY, headers).id()).as(header).isEqualTo("msg_1");
		}
	}

	@Test
	void rejectsUndecodableAndTruncatedSignatures() {
		String valid = WebhookSigner.of(SECRET).signature("msg_1", NOW, BODY);
		for (String header : List.of("v1,!!!notbase64", "v1,", "v1", valid.substring(0, valid.length() - 4),
				valid + "AAAA", " ", "v1,c2lnbmF0dXJl")) {
			Map<String, String> headers = signed("msg_1", NOW, BODY);
			headers.put("webhook-signature", header);
			assertThatVerification(this.verifier, BODY, headers).as(header).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
		}
	}

	@Test
	void neverPutsTheSecretOrTheExpectedSignatureInAMessage() {
		String expected = WebhookSigner.of(SECRET).signature("msg_1", NOW, BODY).substring(3);
		String standardExpected = WebhookSigner.standardWebhooks(SECRET).signature("msg_1", NOW, BODY).substring(3);
		List<Map<String, String>> failing = new ArrayList<>();
		Map<String, String> tampered = signed("msg_1", NOW, BODY);
		tampered.put("webhook-signature", "v1,AAAA");
		failing.add(tampered);
		Map<String, String> missing = signed("msg_1", NOW, BODY);
		missing.remove("webhook-id");
		failing.add(missing);
		failing.add(signed("msg_1", NOW.minusSeconds(1000), BODY));
		failing.add(signed("msg_1", NOW.plusSeconds(1000), BODY));
		Map<String, String> badTimestamp = signed("msg_1", NOW, BODY);
		badTimestamp.put("webhook-timestamp", "soon");
		failing.add(badTimestamp);
		for (Map<String, String> headers : failing) {
			assertThatExceptionOfType(WebhookVerificationException.class)
				.isThrownBy(() -> this.verifier.verify(BODY, headers))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET)
					.doesNotContain(SECRET.substring(6))
					.doesNotContain(expected)
					.doesNotContain(standardExpected));
		}
		assertThat(this.verifier).hasToString("WebhookVerifier[keys=2, tolerance=300s]");
		assertThat(WebhookVerifier.builder().secret(SECRET).toString()).doesNotContain(SECRET.substring(6));
		assertThat(WebhookSigner.of(SECRET).toString()).doesNotContain(SECRET.substring(6));
	}

	@Test
	void refusesToBuildWithoutAUsableSecret() {
		assertThatIllegalStateException().isThrownBy(() -> WebhookVerifier.builder().build())
			.withMessageContaining("secret(...)");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookVerifier.builder().secret(" "));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookVerifier.builder().tolerance(Duration.ofSeconds(-1)));
	}

	@Test
	void verifiesFromManyThreadsAtOnce() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				String id = "msg_" + i;
				byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
				// Every other delivery is tampered, so a shared Mac would mix up states
				// and fail both kinds.
				boolean genuine = i % 2 == 0;
				Map<String, String> headers = signed(id, NOW, genuine ? body : BODY);
				results.add(executor.submit(() -> {
					try {
						return this.verifier.verify(body, headers).id().equals(id);
					}
					catch (WebhookVerificationException ex) {
						return false;
					}
				}));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).as("delivery %d", i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			executor.shutdown();
			assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static WebhookVerifier verifierAt(Instant now, String secret) {
		return WebhookVerifier.builder().secret(secret).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
	}

	private static Map<String, String> signed(String id, Instant timestamp, byte[] body) {
		return new HashMap<>(WebhookSigner.of(SECRET).headers(id, timestamp, body));
	}

	private static ObjectAssert<Reason> assertThatVerification(WebhookVerifier verifier, byte[] body,
			Map<String, String> headers) {
		try {
			WebhookDelivery delivery = verifier.verify(body, headers);
			throw new AssertionError("Expected the delivery to be rejected, but it was accepted as " + delivery);
		}
		catch (WebhookVerificationException ex) {
			return assertThatObject(ex.reason());
		}
	}

	private static byte[] hmac(byte[] key, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
