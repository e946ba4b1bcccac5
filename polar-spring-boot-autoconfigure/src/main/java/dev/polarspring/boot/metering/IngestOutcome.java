package dev.polarspring.boot.metering;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How one ingest request ended, as the sender acts on it.
 */
sealed interface IngestOutcome {

	/**
	 * The tag of the request's timer.
	 * @return such as {@code success}
	 */
	String tag();

	/**
	 * Polar took the batch.
	 *
	 * @param inserted events inserted
	 * @param duplicates events Polar already had
	 */
	record Accepted(long inserted, long duplicates) implements IngestOutcome {

		@Override
		public String tag() {
			return "success";
		}

	}

	/**
	 * Polar refused the batch, 422: nothing of it was stored.
	 *
	 * @param reasons Polar's reasons by the index of the event in the batch, when every
	 * error named an event; empty when some did not
	 * @param summary all of Polar's errors in a line
	 */
	record Invalid(Map<Integer, String> reasons, String summary) implements IngestOutcome {

		@Override
		public String tag() {
			return "invalid";
		}

	}

	/**
	 * The batch was too large for Polar or a proxy on the way (413).
	 */
	record TooLarge() implements IngestOutcome {

		@Override
		public String tag() {
			return "too_large";
		}

	}

	/**
	 * The request failed in a way that sending it again may cure.
	 *
	 * @param reason {@code rate_limited}, {@code server_error}, {@code timeout},
	 * {@code io_error}, {@code client_error} or {@code error}
	 * @param description what went wrong, for the log; never a token
	 * @param retryAfter what Polar asked for with a 429, or {@code null}
	 * @param expected whether the failure is a passing one (429, 5xx, I/O) rather than
	 * one that needs a person (a token Polar refuses)
	 */
	record Failed(String reason, String description, @Nullable Duration retryAfter,
			boolean expected) implements IngestOutcome {

		@Override
		public String tag() {
			return this.reason;
		}

	}

}
