package dev.polarspring.boot.webhook.inbox;

/**
 * How an inbox worker settled one dispatch: the {@code outcome} tag of the
 * {@code polar.webhook.inbox.dispatches} counter.
 */
public enum WebhookInboxOutcome {

	/**
	 * Every method and listener returned: processed.
	 */
	PROCESSED("processed"),

	/**
	 * A method or listener threw: pending again, retried after a backoff.
	 */
	RETRIED("retried"),

	/**
	 * The last attempt threw, or the stored body could not be read: failed, kept until
	 * replayed.
	 */
	FAILED("failed"),

	/**
	 * The instance stopped before the dispatch finished: given back for another worker.
	 */
	RELEASED("released");

	private final String tag;

	WebhookInboxOutcome(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the {@code outcome} tag value.
	 * @return the tag, such as {@code processed}
	 */
	public String tag() {
		return this.tag;
	}

}
