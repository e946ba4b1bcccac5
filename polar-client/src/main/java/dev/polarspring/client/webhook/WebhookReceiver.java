package dev.polarspring.client.webhook;

import java.util.Map;
import java.util.Objects;

/**
 * Receives a webhook delivery: proves it comes from Polar, then reads it into its typed
 * event.
 *
 * <p>
 * The body is verified as raw bytes before anything parses it, and parsed exactly once.
 * An event type this version does not know arrives as {@link UnknownWebhookEvent} holding
 * the raw JSON, so a new Polar event never fails a delivery.
 *
 * <pre>{@code
 * WebhookReceiver receiver = new WebhookReceiver(WebhookVerifier.builder().secret(secret).build());
 * PolarWebhookEvent event = receiver.receive(body, request::getHeader);
 * if (event instanceof OrderPaidEvent paid) {
 *     fulfil(paid.data());
 * }
 * }</pre>
 *
 * <p>
 * Thread-safe; build one per endpoint and share it.
 */
public final class WebhookReceiver {

	private final WebhookVerifier verifier;

	/**
	 * Creates a receiver that verifies with the given verifier.
	 * @param verifier the verifier holding the endpoint's secrets
	 */
	public WebhookReceiver(WebhookVerifier verifier) {
		this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
	}

	/**
	 * Verifies and reads a delivery whose headers are in a map; names match in any case.
	 * @param body the raw request body, exactly as received
	 * @param headers the request headers
	 * @return the typed event, or {@link UnknownWebhookEvent} for a type this version
	 * does not know
	 * @throws WebhookVerificationException when the delivery cannot be proven to come
	 * from Polar (answer 403)
	 * @throws MalformedWebhookPayloadException when a genuine delivery is not a readable
	 * event (answer 400)
	 */
	public PolarWebhookEvent receive(byte[] body, Map<String, String> headers) {
		return receive(body, WebhookHeaders.of(headers));
	}

	/**
	 * Verifies and reads a delivery whose headers are read through a lookup, such as
	 * {@code request::getHeader}.
	 * @param body the raw request body, exactly as received
	 * @param headers looks up a header by name, in any case
	 * @return the typed event, or {@link UnknownWebhookEvent} for a type this version
	 * does not know
	 * @throws WebhookVerificationException when the delivery cannot be proven to come
	 * from Polar (answer 403)
	 * @throws MalformedWebhookPayloadException when a genuine delivery is not a readable
	 * event (answer 400)
	 */
	public PolarWebhookEvent receive(byte[] body, WebhookHeaders headers) {
		WebhookDelivery delivery = this.verifier.verify(body, headers);
		return PolarWebhookEvents.decode(body, delivery);
	}

	@Override
	public String toString() {
		return "WebhookReceiver[" + this.verifier + "]";
	}

}
