package dev.polarspring.client.webhook;

/**
 * Thrown when a webhook delivery cannot be proven to come from Polar: a header is
 * missing, the timestamp is unreadable or outside the tolerance, or no signature matches.
 *
 * <p>
 * The message names the rule that failed and what to check; it never contains a secret or
 * a signature. Answer such a delivery with 403 and do not act on its body.
 */
public final class WebhookVerificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * Creates an exception for the given reason.
	 * @param reason the rule that failed
	 * @param message what failed and what to check
	 */
	public WebhookVerificationException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Returns the rule that failed.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The rule a delivery broke.
	 */
	public enum Reason {

		/**
		 * One of {@code webhook-id}, {@code webhook-timestamp} or
		 * {@code webhook-signature} is absent or empty.
		 */
		MISSING_HEADER,

		/**
		 * {@code webhook-timestamp} is not a number of seconds since the epoch.
		 */
		BAD_TIMESTAMP,

		/**
		 * {@code webhook-timestamp} is further in the past than the tolerance allows.
		 */
		TOO_OLD,

		/**
		 * {@code webhook-timestamp} is further in the future than the tolerance allows.
		 */
		TOO_NEW,

		/**
		 * No {@code v1} signature in {@code webhook-signature} matches the delivery
		 * signed with any configured secret.
		 */
		NO_MATCHING_SIGNATURE

	}

}
