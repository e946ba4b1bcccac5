package dev.polarspring.boot.webhook;

import dev.polarspring.client.webhook.PolarWebhookEvent;

/**
 * What an endpoint does with a delivery once it is verified and read: dispatch it at once
 * ({@link WebhookDispatcher}, {@code polar.webhook.processing=inline}) or store it for
 * the inbox workers ({@code polar.webhook.processing=durable}).
 */
@FunctionalInterface
public interface WebhookDeliveryProcessor {

	/**
	 * Processes a verified delivery.
	 * @param endpoint the path the delivery was posted to
	 * @param event the event read from the body
	 * @param body the raw body, exactly as verified
	 * @return how the delivery is answered
	 */
	WebhookOutcome process(String endpoint, PolarWebhookEvent event, byte[] body);

	/**
	 * Describes how deliveries are processed, for the line each endpoint logs at startup.
	 * @return a short description, never holding a secret
	 */
	default String description() {
		return toString();
	}

}
