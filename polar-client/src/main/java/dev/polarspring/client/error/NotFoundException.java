package dev.polarspring.client.error;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when Polar answered HTTP 404 Not Found: the object does not exist, or is not
 * visible to the token's organization. An unknown {@code Polar-Version} also answers 404.
 */
public class NotFoundException extends PolarApiException {

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
	public NotFoundException(String operationId, int statusCode, HttpHeaders headers, String responseBody,
			@Nullable String error, @Nullable String detail) {
		super(operationId, statusCode, headers, responseBody, error, detail);
	}

}
