package dev.polarspring.client.error;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when Polar answered HTTP 401 Unauthorized: the token is missing, expired,
 * revoked, or belongs to the other environment (production and sandbox tokens are not
 * interchangeable).
 */
public class AuthenticationException extends PolarApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from Polar's answer.
	 * @param operationId the operation Polar rejected
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param responseBody the raw response body, empty when there was none
	 * @param error Polar's error type, if the body had one
	 * @param detail Polar's human-readable detail, if the body had one
	 */
	public AuthenticationException(String operationId, int statusCode, HttpHeaders headers, String responseBody,
			@Nullable String error, @Nullable String detail) {
		super(describe(operationId, statusCode, error, detail)
				+ "; check that the token is valid and issued for this server (production and sandbox tokens differ)",
				operationId, statusCode, headers, responseBody, error, detail);
	}

}
