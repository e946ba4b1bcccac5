package dev.polarspring.boot.webhook.inbox;

import java.util.Objects;

/**
 * A stored delivery this instance has claimed from the inbox: it dispatches it, then
 * settles the claim.
 *
 * @param delivery the stored delivery
 * @param attempt which attempt this is, 1 for the first
 * @param token identifies this claim to the store, so a claim taken over after the claim
 * timeout can no longer be settled by the instance that lost it
 */
public record ClaimedWebhookDelivery(WebhookInboxDelivery delivery, int attempt, long token) {

	/**
	 * Checks the components.
	 * @param delivery the stored delivery
	 * @param attempt which attempt this is
	 * @param token identifies this claim to the store
	 */
	public ClaimedWebhookDelivery {
		Objects.requireNonNull(delivery, "delivery must not be null");
	}

	/**
	 * Returns the {@code webhook-id}.
	 * @return the delivery's id
	 */
	public String id() {
		return this.delivery.id();
	}

}
