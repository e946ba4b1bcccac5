package dev.polarspring.boot.webhook.inbox;

/**
 * Where a stored delivery stands.
 */
public enum WebhookInboxStatus {

	/**
	 * Waiting for a worker: just received, or failed and due again after its backoff.
	 */
	PENDING,

	/**
	 * Claimed by a worker of one instance, which is dispatching it. A claim that is not
	 * renewed within the claim timeout (the instance stopped) is taken over.
	 */
	PROCESSING,

	/**
	 * Dispatched: every method and listener returned. Removed after the retention time.
	 */
	PROCESSED,

	/**
	 * Failed on every attempt: kept, never removed, until it is replayed.
	 */
	FAILED

}
