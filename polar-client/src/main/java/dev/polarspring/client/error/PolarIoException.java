package dev.polarspring.client.error;

/**
 * Thrown when a call did not complete at the transport level: the connection was refused
 * or reset, the host was unknown, or the wait was interrupted. Retries, where allowed,
 * have already been spent when this is thrown.
 */
public class PolarIoException extends PolarException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what failed, naming the operation
	 * @param operationId the operation that failed
	 * @param cause the transport failure
	 */
	public PolarIoException(String message, String operationId, Throwable cause) {
		super(message, operationId, cause);
	}

}
