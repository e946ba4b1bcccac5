package dev.polarspring.client.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when Polar answered HTTP 429 Too Many Requests after the retries allowed for the
 * call were spent. Polar allows 500 requests a minute in production and 100 in the
 * sandbox; {@link #getRetryAfter()} says how long Polar asked to wait.
 */
public class RateLimitException extends PolarApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates an exception from Polar's answer.
	 * @param operationId the operation Polar rejected
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param responseBody the raw response body, empty when there was none
	 * @param error Polar's error type, if the body had one
	 * @param detail Polar's human-readable detail, if the body had one
	 * @param retryAfter the wait Polar asked for in its {@code Retry-After} header, if it
	 * sent one
	 */
	public RateLimitException(String operationId, int statusCode, HttpHeaders headers, String responseBody,
			@Nullable String error, @Nullable String detail, @Nullable Duration retryAfter) {
		super(operationId, statusCode, headers, responseBody, error, detail);
		this.retryAfter = retryAfter;
	}

	/**
	 * Returns how long Polar asked to wait before the next request.
	 * @return the {@code Retry-After} wait (seconds or an HTTP date, turned into a
	 * duration), or empty when Polar sent none
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
