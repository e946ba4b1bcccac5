package dev.polarspring.boot.webhook;

/**
 * How a webhook endpoint answered a delivery: the HTTP status, and the {@code outcome}
 * tag of the {@code polar.webhook.deliveries} timer.
 */
public enum WebhookOutcome {

	/**
	 * Verified, read and dispatched: 202.
	 */
	ACCEPTED(202, "accepted"),

	/**
	 * Verified, of a type this version does not know, dispatched as the unknown event:
	 * 202.
	 */
	UNKNOWN(202, "unknown"),

	/**
	 * Verified and stored in the inbox, to be dispatched by its workers
	 * ({@code polar.webhook.processing=durable}): 202.
	 */
	STORED(202, "stored"),

	/**
	 * Verified, and its {@code webhook-id} was processed already (or, in durable
	 * processing, is in the inbox already): 202, not dispatched again.
	 */
	DUPLICATE(202, "duplicate"),

	/**
	 * Verified, and another attempt is processing its {@code webhook-id}: 409, so Polar
	 * tries again later.
	 */
	IN_PROGRESS(409, "in_progress"),

	/**
	 * Not proven to come from Polar: 403, nothing read or dispatched.
	 */
	REJECTED_SIGNATURE(403, "rejected_signature"),

	/**
	 * Signed, but not a readable event: 400.
	 */
	REJECTED_PAYLOAD(400, "rejected_payload"),

	/**
	 * Body over {@code polar.webhook.max-body-size}: 413.
	 */
	TOO_LARGE(413, "too_large"),

	/**
	 * A handler method or listener threw: 500 with an empty body, so Polar retries.
	 */
	FAILED(500, "failed");

	private final int status;

	private final String tag;

	WebhookOutcome(int status, String tag) {
		this.status = status;
		this.tag = tag;
	}

	/**
	 * Returns the HTTP status the delivery is answered with.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the {@code outcome} tag value.
	 * @return the tag, such as {@code accepted}
	 */
	public String tag() {
		return this.tag;
	}

}
