package dev.polarspring.boot.metering;

/**
 * What {@link PolarUsage#record} does when the buffer is full, which happens when Polar
 * takes events more slowly than the application records them (an outage, the rate limit).
 */
public enum FullBufferPolicy {

	/**
	 * Wait for room, up to the wait timeout, then fail with
	 * {@link UsageBufferFullException}.
	 */
	WAIT,

	/**
	 * Fail at once with {@link UsageBufferFullException}: recording never waits.
	 */
	FAIL

}
