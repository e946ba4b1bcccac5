package dev.polarspring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when Polar answered with a success status but the body could not be decoded into
 * the expected type. Usually means the API version sent ({@code Polar-Version}) does not
 * match the one this client was generated for.
 */
public class PolarDecodingException extends PolarException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what could not be decoded, naming the operation
	 * @param operationId the operation whose answer could not be decoded
	 * @param cause the decoding failure, if any
	 */
	public PolarDecodingException(String message, String operationId, @Nullable Throwable cause) {
		super(message, operationId, cause);
	}

}
