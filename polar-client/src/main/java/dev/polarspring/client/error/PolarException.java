package dev.polarspring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception the Polar client throws. Unchecked: a caller handles the
 * families it cares about and lets the rest propagate.
 */
public class PolarException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String operationId;

	/**
	 * Creates an exception.
	 * @param message what went wrong and, where possible, what to do about it
	 * @param operationId the Polar operation, such as {@code products:list}, or
	 * {@code null} when the failure is not tied to one
	 * @param cause the underlying failure, if any
	 */
	public PolarException(String message, @Nullable String operationId, @Nullable Throwable cause) {
		super(message, cause);
		this.operationId = operationId;
	}

	/**
	 * Returns the Polar operation that failed.
	 * @return the operation id from the API specification, such as {@code products:list},
	 * or {@code null} when the failure is not tied to one operation
	 */
	public @Nullable String getOperationId() {
		return this.operationId;
	}

}
