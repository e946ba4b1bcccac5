package dev.polarspring.client.webhook;

/**
 * Thrown when a webhook body cannot be decoded: it is not JSON, lacks {@code type} or
 * {@code timestamp}, or the {@code data} of a known event type does not fit its model.
 *
 * <p>
 * The message says what is wrong without repeating the body. A receiver answers such a
 * delivery with 400.
 */
public class MalformedWebhookPayloadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong with the payload
	 */
	public MalformedWebhookPayloadException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with the parse failure behind it.
	 * @param message what is wrong with the payload
	 * @param cause the parse failure
	 */
	public MalformedWebhookPayloadException(String message, Throwable cause) {
		super(message, cause);
	}

}
