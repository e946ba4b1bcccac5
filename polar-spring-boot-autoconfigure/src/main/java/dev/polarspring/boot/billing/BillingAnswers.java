package dev.polarspring.boot.billing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;

import org.springframework.http.HttpHeaders;

import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.error.UnprocessableEntityException;

/**
 * How the billing endpoints answer: a {@code 303} to Polar, or a short plain-text message
 * a person can read. Never a stack trace, never anything from the configuration, and
 * never cached, since every answer is for one user.
 */
final class BillingAnswers {

	static final String POLAR_UNAVAILABLE = "Polar, our payment provider, cannot be reached right now. "
			+ "Please try again in a moment.";

	static final String POLAR_REFUSED = "Polar, our payment provider, refused the request. Please try again later.";

	private BillingAnswers() {
	}

	static void redirect(HttpServletResponse response, String url) {
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader(HttpHeaders.LOCATION, url);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	static void text(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentType("text/plain;charset=UTF-8");
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static void methodNotAllowed(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.ALLOW, "GET");
		text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Only GET is answered here.");
	}

	static void crossSite(HttpServletResponse response) throws IOException {
		text(response, HttpServletResponse.SC_FORBIDDEN,
				"This billing link only works from this site's own pages. Please open it from there.");
	}

	/**
	 * Polar's validation errors, which name what Polar refused and never a secret.
	 */
	static String validationErrors(UnprocessableEntityException ex) {
		if (ex.getValidationErrors().isEmpty()) {
			return "the request is invalid";
		}
		return ex.getValidationErrors()
			.stream()
			.map((error) -> error.msg() + " (" + error.location() + ")")
			.collect(Collectors.joining("; "));
	}

	/**
	 * Answers a failure of Polar: {@code 503} when it cannot be reached (with
	 * {@code Retry-After} when Polar gave one), {@code 502} when it refused, which is a
	 * problem of configuration (the token, an id) and logged as an error.
	 */
	static void polarFailure(HttpServletResponse response, PolarException ex, String action, Logger logger)
			throws IOException {
		if (PolarFailures.isUnavailable(ex)) {
			logger.warn("Could not {}: Polar cannot be reached ({})", action, ex.getMessage());
			if (ex instanceof RateLimitException rateLimited) {
				rateLimited.getRetryAfter()
					.ifPresent((delay) -> response.setHeader(HttpHeaders.RETRY_AFTER,
							Long.toString(Math.max(1, delay.toSeconds()))));
			}
			text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, POLAR_UNAVAILABLE);
			return;
		}
		String status = (ex instanceof PolarApiException api) ? " with " + api.getStatusCode() : "";
		logger.error("Could not {}: Polar refused{}: {}", action, status, ex.getMessage());
		text(response, HttpServletResponse.SC_BAD_GATEWAY, POLAR_REFUSED);
	}

}
