package dev.polarspring.client.error;

/**
 * Thrown before anything is sent when an operation needs a token that is not configured.
 * The message says which token is missing and what to do: by default which method
 * supplies it; where a framework configures the client, the setting it reads
 * ({@code PolarClientSettings.missingAccessTokenAction()}).
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
