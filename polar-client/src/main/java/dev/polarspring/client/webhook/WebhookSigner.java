package dev.polarspring.client.webhook;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Signs webhook deliveries the way Polar does, so tests can send deliveries a
 * {@link WebhookVerifier} accepts.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.of("whsec_test");
 * Map<String, String> headers = signer.headers("msg_1", Instant.now(), body);
 * }</pre>
 */
public final class WebhookSigner {

	private final SigningKey key;

	private WebhookSigner(SigningKey key) {
		this.key = key;
	}

	/**
	 * Creates a signer that signs as Polar does: with the UTF-8 bytes of the whole
	 * secret.
	 * @param secret the webhook secret
	 * @return the signer
	 */
	public static WebhookSigner of(String secret) {
		Objects.requireNonNull(secret, "secret must not be null");
		return new WebhookSigner(SigningKey.polar(secret));
	}

	/**
	 * Creates a signer that signs as the Standard Webhooks reference libraries do: with
	 * the base64 decoding of what follows {@code whsec_}.
	 * @param secret a secret of the form {@code whsec_<base64>}
	 * @return the signer
	 * @throws IllegalArgumentException when the secret is not of that form
	 */
	public static WebhookSigner standardWebhooks(String secret) {
		Objects.requireNonNull(secret, "secret must not be null");
		SigningKey key = SigningKey.standardWebhooks(secret);
		if (key == null) {
			throw new IllegalArgumentException(
					"A Standard Webhooks secret is 'whsec_' followed by base64; this one is not");
		}
		return new WebhookSigner(key);
	}

	/**
	 * Computes the {@code webhook-signature} header value for a delivery.
	 * @param id the {@code webhook-id}
	 * @param timestamp the delivery time; whole seconds are signed
	 * @param body the raw body
	 * @return {@code v1,} followed by the base64 signature
	 */
	public String signature(String id, Instant timestamp, byte[] body) {
		byte[] mac = this.key.sign(id, Long.toString(timestamp.getEpochSecond()), body);
		return "v1," + Base64.getEncoder().encodeToString(mac);
	}

	/**
	 * Computes the three headers of a signed delivery.
	 * @param id the {@code webhook-id}
	 * @param timestamp the delivery time; whole seconds are signed
	 * @param body the raw body
	 * @return {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}
	 */
	public Map<String, String> headers(String id, Instant timestamp, byte[] body) {
		return Map.of(WebhookVerifier.ID_HEADER, id, WebhookVerifier.TIMESTAMP_HEADER,
				Long.toString(timestamp.getEpochSecond()), WebhookVerifier.SIGNATURE_HEADER,
				signature(id, timestamp, body));
	}

	@Override
	public String toString() {
		return "WebhookSigner[HmacSHA256]";
	}

}
