package dev.polarspring.boot.webhook;

import java.util.Objects;

/**
 * What a {@link WebhookDeduplicationStore} answered for a delivery.
 *
 * @param deliveryId the {@code webhook-id}
 * @param status whether this attempt may dispatch the delivery
 * @param token identifies this claim to the store that made it, so a claim taken over
 * after a timeout cannot be completed or released by the attempt that lost it; 0 unless
 * claimed
 */
public record WebhookClaim(String deliveryId, Status status, long token) {

	/**
	 * Checks the components.
	 * @param deliveryId the {@code webhook-id}
	 * @param status whether this attempt may dispatch the delivery
	 * @param token identifies this claim to the store that made it
	 */
	public WebhookClaim {
		Objects.requireNonNull(deliveryId, "deliveryId must not be null");
		Objects.requireNonNull(status, "status must not be null");
	}

	/**
	 * A claim this attempt holds: dispatch, then complete or release it.
	 * @param deliveryId the {@code webhook-id}
	 * @param token identifies the claim to the store
	 * @return the claim
	 */
	public static WebhookClaim claimed(String deliveryId, long token) {
		return new WebhookClaim(deliveryId, Status.CLAIMED, token);
	}

	/**
	 * The answer for a delivery already processed.
	 * @param deliveryId the {@code webhook-id}
	 * @return the answer
	 */
	public static WebhookClaim done(String deliveryId) {
		return new WebhookClaim(deliveryId, Status.DONE, 0);
	}

	/**
	 * The answer for a delivery another attempt is processing.
	 * @param deliveryId the {@code webhook-id}
	 * @return the answer
	 */
	public static WebhookClaim inProgress(String deliveryId) {
		return new WebhookClaim(deliveryId, Status.IN_PROGRESS, 0);
	}

	/**
	 * Where a delivery stands.
	 */
	public enum Status {

		/**
		 * This attempt holds the delivery and dispatches it.
		 */
		CLAIMED,

		/**
		 * Another attempt is processing the delivery; answered 409 so Polar tries again
		 * later.
		 */
		IN_PROGRESS,

		/**
		 * The delivery was processed; answered 202 without dispatching again.
		 */
		DONE

	}

}
