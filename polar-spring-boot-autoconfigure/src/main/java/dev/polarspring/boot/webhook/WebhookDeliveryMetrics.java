package dev.polarspring.boot.webhook;

/**
 * Records how each webhook delivery was answered and how long it took.
 */
@FunctionalInterface
public interface WebhookDeliveryMetrics {

	/**
	 * Records nothing, for applications without Micrometer.
	 */
	WebhookDeliveryMetrics NONE = (endpoint, type, outcome, nanos) -> {
	};

	/**
	 * Records one delivery.
	 * @param endpoint the endpoint's path
	 * @param type the event type, {@code none} when the delivery was refused before it
	 * was read
	 * @param outcome how it was answered
	 * @param nanos how long it took, in nanoseconds
	 */
	void record(String endpoint, String type, WebhookOutcome outcome, long nanos);

}
