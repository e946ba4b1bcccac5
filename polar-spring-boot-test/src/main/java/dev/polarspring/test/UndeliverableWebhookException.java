package dev.polarspring.test;

/**
 * Thrown when the application under test cannot receive webhooks at all, so that the
 * payment or redelivery that would send them fails, saying how to get deliveries, instead
 * of sending nothing in silence.
 */
final class UndeliverableWebhookException extends IllegalStateException {

	UndeliverableWebhookException(String message) {
		super(message);
	}

}
