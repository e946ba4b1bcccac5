package dev.polarspring.boot.webhook;

/**
 * Remembers which webhook deliveries were processed, by {@code webhook-id}, so a delivery
 * Polar sends again (a retry, or a redelivery from the dashboard) is not dispatched
 * twice.
 *
 * <p>
 * The endpoint {@linkplain #claim claims} a delivery before dispatching it, then either
 * {@linkplain #complete completes} the claim once every listener returned, or
 * {@linkplain #release releases} it when one threw, so Polar's retry is dispatched again.
 * A claim is the only way to dispatch: two attempts racing on one id (two instances
 * behind a load balancer, or a retry that overtakes a slow attempt) dispatch once.
 *
 * <p>
 * Implementations: {@link InMemoryWebhookDeduplicationStore} (the default, one instance)
 * and {@link JdbcWebhookDeduplicationStore}
 * ({@code polar.webhook.deduplication.store=jdbc}, several instances sharing a database).
 * Declare a bean of this type to use another store.
 */
public interface WebhookDeduplicationStore {

	/**
	 * Longest {@code webhook-id} a store is given: the endpoint refuses a delivery with a
	 * longer one as malformed (400). Polar's ids are a few dozen characters; the JDBC
	 * store's column holds 255.
	 */
	int MAX_DELIVERY_ID_LENGTH = 255;

	/**
	 * Claims a delivery for processing, unless it was processed or is being processed.
	 * @param deliveryId the {@code webhook-id}
	 * @return a {@linkplain WebhookClaim.Status#CLAIMED claimed} claim to complete or
	 * release, or one telling the delivery is {@linkplain WebhookClaim.Status#DONE done}
	 * or {@linkplain WebhookClaim.Status#IN_PROGRESS in progress}
	 */
	WebhookClaim claim(String deliveryId);

	/**
	 * Records that a claimed delivery was processed; it is not dispatched again until the
	 * store forgets it.
	 * @param claim a claim this store returned as claimed
	 */
	void complete(WebhookClaim claim);

	/**
	 * Forgets a claimed delivery whose processing failed, so the next attempt dispatches
	 * it.
	 * @param claim a claim this store returned as claimed
	 */
	void release(WebhookClaim claim);

}
