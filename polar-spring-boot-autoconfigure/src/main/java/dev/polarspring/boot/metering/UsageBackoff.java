package dev.polarspring.boot.metering;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The delay before the sender tries a failed ingest again: Polar's {@code Retry-After}
 * when it sent one, else exponential backoff with jitter, both capped at the maximum
 * delay.
 */
final class UsageBackoff {

	private final long initialNanos;

	private final long maxNanos;

	private final double multiplier;

	UsageBackoff(Duration initialDelay, Duration maxDelay, double multiplier) {
		this.initialNanos = initialDelay.toNanos();
		this.maxNanos = maxDelay.toNanos();
		this.multiplier = multiplier;
	}

	/**
	 * The delay after a number of failures in a row.
	 * @param failures failures in a row, the last one included; at least 1
	 * @param retryAfter what Polar asked for, or {@code null}
	 * @return the delay
	 */
	Duration delay(int failures, @Nullable Duration retryAfter) {
		if (retryAfter != null) {
			return Duration.ofNanos(Math.min(Math.max(retryAfter.toNanos(), 0), this.maxNanos));
		}
		double exponential = this.initialNanos * Math.pow(this.multiplier, Math.max(failures - 1, 0));
		long ceiling = (long) Math.min(exponential, this.maxNanos);
		// Equal jitter: between half the delay and all of it, so instances that failed
		// together do not retry together.
		long half = ceiling / 2;
		return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
	}

}
