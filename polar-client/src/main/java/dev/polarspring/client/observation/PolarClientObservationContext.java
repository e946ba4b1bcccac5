package dev.polarspring.client.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.polarspring.client.core.ApiOperation;

/**
 * What an observation of one Polar API call knows: the operation, the last HTTP status
 * Polar answered (if any), how many attempts were made, and the failure, if the call
 * failed.
 */
public class PolarClientObservationContext extends Observation.Context {

	private final ApiOperation operation;

	private @Nullable Integer statusCode;

	private int attempts;

	/**
	 * Creates a context for a call of an operation.
	 * @param operation the operation being called
	 */
	public PolarClientObservationContext(ApiOperation operation) {
		this.operation = operation;
	}

	/**
	 * Returns the operation being called.
	 * @return the operation
	 */
	public ApiOperation getOperation() {
		return this.operation;
	}

	/**
	 * Returns the HTTP status of the last answer.
	 * @return the status, or {@code null} when no attempt got an answer
	 */
	public @Nullable Integer getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Records the HTTP status of an answer.
	 * @param statusCode the status
	 */
	public void setStatusCode(@Nullable Integer statusCode) {
		this.statusCode = statusCode;
	}

	/**
	 * Returns how many attempts the call made so far.
	 * @return the number of attempts, 1 when nothing was retried
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Records that an attempt starts.
	 */
	public void attemptStarted() {
		this.attempts++;
	}

}
