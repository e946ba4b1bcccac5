package dev.polarspring.boot.metering;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the {@link UsageSender} batches, buffers, retries and stops. Immutable; start from
 * {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * MeteringSettings settings = MeteringSettings.defaults().withBatchSize(100).withFlushInterval(Duration.ofMillis(200));
 * }</pre>
 *
 * @param batchSize most events in one ingest request, 1 to {@value #MAX_BATCH_SIZE}
 * @param flushInterval how long an event may wait for its batch to fill before it is sent
 * in a smaller one
 * @param bufferCapacity most events waiting to be sent; at least the batch size
 * @param whenFull what recording does when the buffer is full
 * @param waitTimeout how long recording waits for room with {@link FullBufferPolicy#WAIT}
 * @param shutdownTimeout how long stopping may take to send what is buffered
 * @param requestTimeout how long one ingest request may take (while stopping, no longer
 * than the time left)
 * @param retryInitialDelay the delay before the first retry of a failed request
 * @param retryMaxDelay the longest delay between retries, {@code Retry-After} included
 * @param retryMultiplier the growth of the delay after each failed retry, at least 1
 * @param organizationId the {@code organization_id} of every event, only for personal
 * access tokens (an organization token must leave it {@code null})
 */
public record MeteringSettings(int batchSize, Duration flushInterval, int bufferCapacity, FullBufferPolicy whenFull,
		Duration waitTimeout, Duration shutdownTimeout, Duration requestTimeout, Duration retryInitialDelay,
		Duration retryMaxDelay, double retryMultiplier, @Nullable String organizationId) {

	/**
	 * Most events one ingest request carries. Polar's API sets no limit of its own; this
	 * one keeps a request's body within what proxies and Polar's servers take (1,000
	 * events with the largest metadata Polar allows are about 25 MB; typical ones well
	 * under 1 MB).
	 */
	public static final int MAX_BATCH_SIZE = 1000;

	/**
	 * Checks the settings.
	 * @param batchSize most events in one ingest request
	 * @param flushInterval how long an event may wait for its batch to fill
	 * @param bufferCapacity most events waiting to be sent
	 * @param whenFull what recording does when the buffer is full
	 * @param waitTimeout how long recording waits for room
	 * @param shutdownTimeout how long stopping may take
	 * @param requestTimeout how long one ingest request may take
	 * @param retryInitialDelay the delay before the first retry
	 * @param retryMaxDelay the longest delay between retries
	 * @param retryMultiplier the growth of the delay
	 * @param organizationId the organization of every event, or {@code null}
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public MeteringSettings {
		if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
			throw new IllegalArgumentException(
					"batchSize must be between 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
		}
		if (bufferCapacity < batchSize) {
			throw new IllegalArgumentException(
					"bufferCapacity (" + bufferCapacity + ") must be at least the batch size (" + batchSize + ")");
		}
		requirePositive(flushInterval, "flushInterval");
		requirePositive(shutdownTimeout, "shutdownTimeout");
		requirePositive(requestTimeout, "requestTimeout");
		requirePositive(retryInitialDelay, "retryInitialDelay");
		requirePositive(retryMaxDelay, "retryMaxDelay");
		if (waitTimeout == null || waitTimeout.isNegative()) {
			throw new IllegalArgumentException("waitTimeout must not be negative, was " + waitTimeout);
		}
		if (whenFull == null) {
			throw new IllegalArgumentException("whenFull must not be null");
		}
		if (!(retryMultiplier >= 1.0)) {
			throw new IllegalArgumentException("retryMultiplier must be at least 1.0, was " + retryMultiplier);
		}
	}

	/**
	 * The defaults: batches of 500 sent at least every second, room for 10,000 events,
	 * recording fails at once when full, 10 seconds to flush on shutdown, retries after 1
	 * s growing twofold up to 1 minute.
	 * @return the default settings
	 */
	public static MeteringSettings defaults() {
		return new MeteringSettings(500, Duration.ofSeconds(1), 10_000, FullBufferPolicy.FAIL, Duration.ofSeconds(1),
				Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0,
				null);
	}

	/**
	 * Returns a copy with another batch size.
	 * @param batchSize most events in one ingest request
	 * @return the copy
	 */
	public MeteringSettings withBatchSize(int batchSize) {
		return new MeteringSettings(batchSize, this.flushInterval, this.bufferCapacity, this.whenFull, this.waitTimeout,
				this.shutdownTimeout, this.requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, this.organizationId);
	}

	/**
	 * Returns a copy with another flush interval.
	 * @param flushInterval how long an event may wait for its batch to fill
	 * @return the copy
	 */
	public MeteringSettings withFlushInterval(Duration flushInterval) {
		return new MeteringSettings(this.batchSize, flushInterval, this.bufferCapacity, this.whenFull, this.waitTimeout,
				this.shutdownTimeout, this.requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, this.organizationId);
	}

	/**
	 * Returns a copy with another buffer capacity.
	 * @param bufferCapacity most events waiting to be sent
	 * @return the copy
	 */
	public MeteringSettings withBufferCapacity(int bufferCapacity) {
		return new MeteringSettings(this.batchSize, this.flushInterval, bufferCapacity, this.whenFull, this.waitTimeout,
				this.shutdownTimeout, this.requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, this.organizationId);
	}

	/**
	 * Returns a copy with another full-buffer policy.
	 * @param whenFull what recording does when the buffer is full
	 * @param waitTimeout how long it waits with {@link FullBufferPolicy#WAIT}
	 * @return the copy
	 */
	public MeteringSettings withWhenFull(FullBufferPolicy whenFull, Duration waitTimeout) {
		return new MeteringSettings(this.batchSize, this.flushInterval, this.bufferCapacity, whenFull, waitTimeout,
				this.shutdownTimeout, this.requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, this.organizationId);
	}

	/**
	 * Returns a copy with another shutdown timeout.
	 * @param shutdownTimeout how long stopping may take to send what is buffered
	 * @return the copy
	 */
	public MeteringSettings withShutdownTimeout(Duration shutdownTimeout) {
		return new MeteringSettings(this.batchSize, this.flushInterval, this.bufferCapacity, this.whenFull,
				this.waitTimeout, shutdownTimeout, this.requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, this.organizationId);
	}

	/**
	 * Returns a copy with another request timeout.
	 * @param requestTimeout how long one ingest request may take
	 * @return the copy
	 */
	public MeteringSettings withRequestTimeout(Duration requestTimeout) {
		return new MeteringSettings(this.batchSize, this.flushInterval, this.bufferCapacity, this.whenFull,
				this.waitTimeout, this.shutdownTimeout, requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, this.organizationId);
	}

	/**
	 * Returns a copy with another retry backoff.
	 * @param initialDelay the delay before the first retry
	 * @param maxDelay the longest delay, {@code Retry-After} included
	 * @param multiplier the growth of the delay after each failed retry
	 * @return the copy
	 */
	public MeteringSettings withRetry(Duration initialDelay, Duration maxDelay, double multiplier) {
		return new MeteringSettings(this.batchSize, this.flushInterval, this.bufferCapacity, this.whenFull,
				this.waitTimeout, this.shutdownTimeout, this.requestTimeout, initialDelay, maxDelay, multiplier,
				this.organizationId);
	}

	/**
	 * Returns a copy that names an organization in every event, for personal access
	 * tokens.
	 * @param organizationId the organization id, or {@code null} for none
	 * @return the copy
	 */
	public MeteringSettings withOrganizationId(@Nullable String organizationId) {
		return new MeteringSettings(this.batchSize, this.flushInterval, this.bufferCapacity, this.whenFull,
				this.waitTimeout, this.shutdownTimeout, this.requestTimeout, this.retryInitialDelay, this.retryMaxDelay,
				this.retryMultiplier, organizationId);
	}

	private static void requirePositive(@Nullable Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

}
