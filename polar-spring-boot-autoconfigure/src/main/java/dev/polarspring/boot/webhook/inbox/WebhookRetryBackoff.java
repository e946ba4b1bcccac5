package dev.polarspring.boot.webhook.inbox;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a delivery whose dispatch failed is tried again: after {@code initialDelay}, then
 * twice as long after each further failure, never longer than {@code maxDelay}, each
 * delay varied at random by up to 20% either way (never over {@code maxDelay}) so
 * deliveries that failed together are not retried together. After {@code maxAttempts}
 * attempts the delivery is failed.
 *
 * <p>
 * With the defaults (32 attempts, 10 seconds, 1 hour) a delivery is retried for about a
 * day: 10 s, 20 s, 40 s, ... up to 43 minutes, then hourly.
 *
 * @param maxAttempts how many times a delivery is dispatched at most, the first time
 * included
 * @param initialDelay the delay before the first retry
 * @param maxDelay the longest delay between two attempts
 */
public record WebhookRetryBackoff(int maxAttempts, Duration initialDelay, Duration maxDelay) {

	private static final double JITTER = 0.2;

	/**
	 * Checks the components.
	 * @param maxAttempts how many times a delivery is dispatched at most
	 * @param initialDelay the delay before the first retry
	 * @param maxDelay the longest delay between two attempts
	 */
	public WebhookRetryBackoff {
		Objects.requireNonNull(initialDelay, "initialDelay must not be null");
		Objects.requireNonNull(maxDelay, "maxDelay must not be null");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException("initialDelay must be positive and maxDelay at least initialDelay");
		}
	}

	/**
	 * Whether a delivery that failed on this attempt is failed for good.
	 * @param attempt the attempt that failed, 1 for the first
	 * @return whether it was the last attempt
	 */
	public boolean isLastAttempt(int attempt) {
		return attempt >= this.maxAttempts;
	}

	/**
	 * Returns how long to wait before the attempt after a failed one.
	 * @param attempt the attempt that failed, 1 for the first
	 * @param random the source of the jitter
	 * @return the delay
	 */
	public Duration delayAfter(int attempt, RandomGenerator random) {
		double base = this.initialDelay.toMillis() * Math.pow(2, Math.min(Math.max(attempt - 1, 0), 62));
		double jittered = base * (1 - JITTER + 2 * JITTER * random.nextDouble());
		return Duration.ofMillis((long) Math.min(jittered, this.maxDelay.toMillis()));
	}

}
