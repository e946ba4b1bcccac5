package dev.polarspring.client.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the {@code Retry-After} header, which is either a number of seconds or an HTTP
 * date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Returns the wait a response asks for.
	 * @param headers the response headers
	 * @param clock the clock an HTTP date is measured against
	 * @return the wait, never negative, or {@code null} when the header is absent or
	 * unreadable
	 */
	static @Nullable Duration parse(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		try {
			// Fractional seconds are not in RFC 9110, but costs nothing to accept.
			double seconds = Double.parseDouble(value);
			return (seconds > 0) ? Duration.ofMillis((long) (seconds * 1000)) : Duration.ZERO;
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(clock.instant(), date.toInstant());
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
