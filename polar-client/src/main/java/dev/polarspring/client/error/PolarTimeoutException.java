package dev.polarspring.client.error;

/**
 * Thrown when connecting to Polar or waiting for its answer took longer than the
 * configured connect or read timeout (or the timeout of the call's
 * {@code RequestOptions}).
 */
public class PolarTimeoutException extends PolarIoException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message which operation timed out and after how long
	 * @param operationId the operation that timed out
	 * @param cause the transport's timeout exception
	 */
	public PolarTimeoutException(String message, String operationId, Throwable cause) {
		super(message, operationId, cause);
	}

}
