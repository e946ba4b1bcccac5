package dev.polarspring.boot.billing;

import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.error.RateLimitException;

/**
 * Tells Polar being unavailable (a failure worth waiting out) from Polar refusing a
 * request (a failure to fix).
 */
final class PolarFailures {

	private PolarFailures() {
	}

	/**
	 * Returns whether a failure means Polar cannot answer now: no connection, a timeout,
	 * a 5xx or a 429, each after the client's retries.
	 */
	static boolean isUnavailable(PolarException ex) {
		return ex instanceof PolarIoException || ex instanceof InternalServerException
				|| ex instanceof RateLimitException;
	}

}
