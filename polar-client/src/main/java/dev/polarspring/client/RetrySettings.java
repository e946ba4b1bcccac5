package dev.polarspring.client;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the client retries failed calls: on HTTP 429, 500, 502, 503, 504 and connection
 * failures, waiting with exponential backoff and jitter between attempts, or as long as
 * Polar's {@code Retry-After} asks (up to {@link #maxRetryAfter()}).
 *
 * <p>
 * GET, PUT and DELETE are retried freely. POST and PATCH are retried only when the
 * request cannot have reached Polar (connection refused, HTTP 429), unless
 * {@link #retryNonIdempotent()} is set: Polar has no idempotency keys, so a repeated POST
 * can create a second checkout or customer.
 *
 * @param maxAttempts how many times a call is sent at most, the first attempt included; 1
 * disables retries
 * @param initialDelay the wait before the second attempt
 * @param maxDelay the longest wait between two attempts computed by backoff
 * @param multiplier how much the wait grows from one attempt to the next
 * @param jitter the fraction, between 0 and 1, of each wait that is randomly removed so
 * that clients failing together do not retry together
 * @param maxRetryAfter the longest {@code Retry-After} wait honoured; longer requests are
 * cut to this
 * @param retryNonIdempotent whether POST and PATCH are retried after failures that may
 * have reached Polar (5xx answers, connections reset or timed out after the request was
 * sent)
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
		Duration maxRetryAfter, boolean retryNonIdempotent) {

	private static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(8),
			2.0, 0.25, Duration.ofSeconds(60), false);

	/**
	 * Creates retry settings, checking that they make sense.
	 * @param maxAttempts how many times a call is sent at most, at least 1
	 * @param initialDelay the wait before the second attempt
	 * @param maxDelay the longest backoff wait
	 * @param multiplier the growth of the wait per attempt
	 * @param jitter the random fraction removed from each wait
	 * @param maxRetryAfter the longest {@code Retry-After} honoured
	 * @param retryNonIdempotent whether POST and PATCH may be retried after they may have
	 * reached Polar
	 */
	public RetrySettings {
		Assert.isTrue(maxAttempts >= 1,
				() -> "maxAttempts must be at least 1 (1 disables retries), was " + maxAttempts);
		Assert.notNull(initialDelay, "initialDelay must not be null");
		Assert.notNull(maxDelay, "maxDelay must not be null");
		Assert.notNull(maxRetryAfter, "maxRetryAfter must not be null");
		Assert.isTrue(!initialDelay.isNegative(), () -> "initialDelay must not be negative, was " + initialDelay);
		Assert.isTrue(!maxDelay.isNegative(), () -> "maxDelay must not be negative, was " + maxDelay);
		Assert.isTrue(!maxRetryAfter.isNegative(), () -> "maxRetryAfter must not be negative, was " + maxRetryAfter);
		Assert.isTrue(multiplier >= 1.0, () -> "multiplier must be at least 1.0, was " + multiplier);
		Assert.isTrue(jitter >= 0.0 && jitter <= 1.0, () -> "jitter must be between 0 and 1, was " + jitter);
	}

	/**
	 * Returns the defaults: 3 attempts, 500 ms initial delay doubling up to 8 s, 25%
	 * jitter, {@code Retry-After} honoured up to 60 s, POST and PATCH not retried once
	 * they may have reached Polar.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns settings that never retry.
	 * @return the defaults with {@code maxAttempts} 1
	 */
	public static RetrySettings disabled() {
		return DEFAULTS.withMaxAttempts(1);
	}

	/**
	 * Returns a copy with another number of attempts.
	 * @param maxAttempts how many times a call is sent at most, the first attempt
	 * included; 1 disables retries
	 * @return the new settings
	 */
	public RetrySettings withMaxAttempts(int maxAttempts) {
		return new RetrySettings(maxAttempts, this.initialDelay, this.maxDelay, this.multiplier, this.jitter,
				this.maxRetryAfter, this.retryNonIdempotent);
	}

	/**
	 * Returns a copy with another initial delay.
	 * @param initialDelay the wait before the second attempt
	 * @return the new settings
	 */
	public RetrySettings withInitialDelay(Duration initialDelay) {
		return new RetrySettings(this.maxAttempts, initialDelay, this.maxDelay, this.multiplier, this.jitter,
				this.maxRetryAfter, this.retryNonIdempotent);
	}

	/**
	 * Returns a copy with another maximum backoff delay.
	 * @param maxDelay the longest wait between two attempts computed by backoff
	 * @return the new settings
	 */
	public RetrySettings withMaxDelay(Duration maxDelay) {
		return new RetrySettings(this.maxAttempts, this.initialDelay, maxDelay, this.multiplier, this.jitter,
				this.maxRetryAfter, this.retryNonIdempotent);
	}

	/**
	 * Returns a copy with another backoff multiplier.
	 * @param multiplier how much the wait grows from one attempt to the next, at least
	 * 1.0
	 * @return the new settings
	 */
	public RetrySettings withMultiplier(double multiplier) {
		return new RetrySettings(this.maxAttempts, this.initialDelay, this.maxDelay, multiplier, this.jitter,
				this.maxRetryAfter, this.retryNonIdempotent);
	}

	/**
	 * Returns a copy with another jitter.
	 * @param jitter the fraction, between 0 and 1, of each wait that is randomly removed;
	 * 0 makes waits exact
	 * @return the new settings
	 */
	public RetrySettings withJitter(double jitter) {
		return new RetrySettings(this.maxAttempts, this.initialDelay, this.maxDelay, this.multiplier, jitter,
				this.maxRetryAfter, this.retryNonIdempotent);
	}

	/**
	 * Returns a copy with another cap on {@code Retry-After}.
	 * @param maxRetryAfter the longest {@code Retry-After} wait honoured
	 * @return the new settings
	 */
	public RetrySettings withMaxRetryAfter(Duration maxRetryAfter) {
		return new RetrySettings(this.maxAttempts, this.initialDelay, this.maxDelay, this.multiplier, this.jitter,
				maxRetryAfter, this.retryNonIdempotent);
	}

	/**
	 * Returns a copy that does or does not retry POST and PATCH after failures that may
	 * have reached Polar.
	 * @param retryNonIdempotent whether to retry them; only safe where a duplicate is
	 * harmless
	 * @return the new settings
	 */
	public RetrySettings withRetryNonIdempotent(boolean retryNonIdempotent) {
		return new RetrySettings(this.maxAttempts, this.initialDelay, this.maxDelay, this.multiplier, this.jitter,
				this.maxRetryAfter, retryNonIdempotent);
	}

	/**
	 * Computes the backoff wait after a failed attempt.
	 * @param failedAttempt the attempt that failed, 1 for the first: its wait is the one
	 * before the second attempt
	 * @param random a value between 0 (inclusive) and 1 (exclusive) that picks the jitter
	 * @return {@code initialDelay * multiplier^(failedAttempt-1)}, capped at
	 * {@code maxDelay}, less the random jitter fraction
	 */
	public Duration backoff(int failedAttempt, double random) {
		double exponential = this.initialDelay.toNanos() * Math.pow(this.multiplier, Math.max(0, failedAttempt - 1));
		double capped = Math.min(exponential, this.maxDelay.toNanos());
		return Duration.ofNanos((long) (capped * (1.0 - this.jitter * random)));
	}

}
