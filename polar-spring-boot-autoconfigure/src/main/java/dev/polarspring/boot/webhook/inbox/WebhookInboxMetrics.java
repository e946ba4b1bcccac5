package dev.polarspring.boot.webhook.inbox;

/**
 * Counts how inbox workers settle dispatches.
 */
@FunctionalInterface
public interface WebhookInboxMetrics {

	/**
	 * Counts nothing, for applications without Micrometer.
	 */
	WebhookInboxMetrics NONE = (type, outcome) -> {
	};

	/**
	 * Counts one settled dispatch.
	 * @param type the event type, such as {@code order.paid}
	 * @param outcome how it was settled
	 */
	void dispatched(String type, WebhookInboxOutcome outcome);

}
