package dev.polarspring.client.error;

/**
 * Thrown before anything is sent when an operation needs a token that is not configured.
 * The message names the property or method that supplies it.
 */
public class MissingTokenException extends PolarException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message which token is missing and how to provide it
	 * @param operationId the operation that needed the token
	 */
	public MissingTokenException(String message, String operationId) {
		super(message, operationId, null);
	}

}
