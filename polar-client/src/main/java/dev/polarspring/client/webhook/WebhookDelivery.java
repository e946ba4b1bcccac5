package dev.polarspring.client.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * The delivery a webhook event came with, from the Standard Webhooks headers.
 *
 * @param id the {@code webhook-id} header: the same on every retry and redelivery of one
 * event, so it is the key to deduplicate on
 * @param timestamp the {@code webhook-timestamp} header: when Polar sent this attempt
 */
public record WebhookDelivery(String id, Instant timestamp) {

	/**
	 * Creates a delivery.
	 * @param id the {@code webhook-id} header
	 * @param timestamp the {@code webhook-timestamp} header
	 */
	public WebhookDelivery {
		Objects.requireNonNull(id, "id must not be null: pass the webhook-id header");
		Objects.requireNonNull(timestamp, "timestamp must not be null: pass the webhook-timestamp header");
	}

}
