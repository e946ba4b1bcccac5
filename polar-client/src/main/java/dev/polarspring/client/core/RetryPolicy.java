package dev.polarspring.client.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.RetrySettings;

/**
 * Decides whether a failed attempt is retried, and after how long.
 *
 * <p>
 * HTTP 429 and requests that never reached Polar are retried for every method: nothing
 * was processed. 500, 502, 503, 504, read timeouts and connections broken mid-exchange
 * are retried for idempotent methods only, unless the settings opt POST and PATCH in,
 * because Polar has no idempotency keys and a repeated POST can create a second object.
 */
final class RetryPolicy {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
			HttpMethod.DELETE, HttpMethod.OPTIONS);

	private static final Set<Integer> RETRIED_SERVER_ERRORS = Set.of(500, 502, 503, 504);

	private final RetrySettings settings;

	private final HttpMethod method;

	RetryPolicy(RetrySettings settings, HttpMethod method) {
		this.settings = settings;
		this.method = method;
	}

	/**
	 * Returns the policy of one call: the client's settings, with the attempts and the
	 * choice about POST and PATCH the call's options set.
	 * @param settings the client's retry settings
	 * @param options the call's options, merged over the client's defaults
	 * @param method the call's HTTP method
	 * @return the policy
	 */
	static RetryPolicy forCall(RetrySettings settings, RequestOptions options, HttpMethod method) {
		RetrySettings callSettings = settings;
		if (options.maxAttempts() != null) {
			callSettings = callSettings.withMaxAttempts(options.maxAttempts());
		}
		if (options.retryNonIdempotent() != null) {
			callSettings = callSettings.withRetryNonIdempotent(options.retryNonIdempotent());
		}
		return new RetryPolicy(callSettings, method);
	}

	int maxAttempts() {
		return this.settings.maxAttempts();
	}

	/**
	 * Returns the wait before the next attempt after an error status.
	 * @param status the status Polar answered
	 * @param retryAfter the wait Polar asked for, if any
	 * @param failedAttempt the attempt that failed, 1 for the first
	 * @return the wait, or {@code null} not to retry
	 */
	@Nullable Duration afterStatus(int status, @Nullable Duration retryAfter, int failedAttempt) {
		if (failedAttempt >= this.settings.maxAttempts()) {
			return null;
		}
		boolean retried = (status == 429) || (RETRIED_SERVER_ERRORS.contains(status) && mayRepeat());
		if (!retried) {
			return null;
		}
		if (retryAfter != null) {
			return (retryAfter.compareTo(this.settings.maxRetryAfter()) > 0) ? this.settings.maxRetryAfter()
					: retryAfter;
		}
		return backoff(failedAttempt);
	}

	/**
	 * Returns the wait before the next attempt after a transport failure.
	 * @param failure what kind of failure it was
	 * @param failedAttempt the attempt that failed, 1 for the first
	 * @return the wait, or {@code null} not to retry
	 */
	@Nullable Duration afterTransportFailure(TransportFailure failure, int failedAttempt) {
		if (failedAttempt >= this.settings.maxAttempts()) {
			return null;
		}
		return (failure.notSent() || mayRepeat()) ? backoff(failedAttempt) : null;
	}

	private boolean mayRepeat() {
		return IDEMPOTENT.contains(this.method) || this.settings.retryNonIdempotent();
	}

	private Duration backoff(int failedAttempt) {
		return this.settings.backoff(failedAttempt, ThreadLocalRandom.current().nextDouble());
	}

}
