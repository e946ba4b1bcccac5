package dev.polarspring.client.error;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when Polar answered with a status outside 2xx. Carries everything Polar sent
 * back: the status, the response headers, the raw body and, when the body has Polar's
 * usual shape ({@code {"error": "...", "detail": "..."}}), the error type and detail.
 * Each status family has its own subclass, so a caller can catch exactly the failures it
 * handles.
 */
public class PolarApiException extends PolarException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final transient HttpHeaders headers;

	private final String responseBody;

	private final @Nullable String error;

	private final @Nullable String detail;

	/**
	 * Creates an exception from Polar's answer.
	 * @param operationId the operation Polar rejected
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param responseBody the raw response body, empty when there was none
	 * @param error Polar's error type, such as {@code ResourceNotFound}, if the body had
	 * one
	 * @param detail Polar's human-readable detail, if the body had one
	 */
	public PolarApiException(String operationId, int statusCode, HttpHeaders headers, String responseBody,
			@Nullable String error, @Nullable String detail) {
		this(describe(operationId, statusCode, error, detail), operationId, statusCode, headers, responseBody, error,
				detail);
	}

	/**
	 * Creates an exception with a message of the subclass's making.
	 * @param message the exception message
	 * @param operationId the operation Polar rejected
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param responseBody the raw response body, empty when there was none
	 * @param error Polar's error type, if the body had one
	 * @param detail Polar's human-readable detail, if the body had one
	 */
	protected PolarApiException(String message, String operationId, int statusCode, HttpHeaders headers,
			String responseBody, @Nullable String error, @Nullable String detail) {
		super(message, operationId, null);
		this.statusCode = statusCode;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.responseBody = responseBody;
		this.error = error;
		this.detail = detail;
	}

	/**
	 * Builds the standard message: the status, the operation, Polar's error type and
	 * detail.
	 * @param operationId the operation Polar rejected
	 * @param statusCode the HTTP status
	 * @param error Polar's error type, if any
	 * @param detail Polar's detail, if any
	 * @return the message
	 */
	protected static String describe(String operationId, int statusCode, @Nullable String error,
			@Nullable String detail) {
		StringBuilder message = new StringBuilder("Polar answered HTTP ").append(statusCode)
			.append(" to ")
			.append(operationId);
		if (error != null) {
			message.append(" (").append(error).append(')');
		}
		if (detail != null && !detail.isEmpty()) {
			message.append(": ").append(detail);
		}
		return message.toString();
	}

	/**
	 * Returns the HTTP status Polar answered with.
	 * @return the status code, such as {@code 404}
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Returns the response headers.
	 * @return the read-only response headers
	 */
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	/**
	 * Returns the raw response body.
	 * @return the body as text, empty when Polar sent none
	 */
	public String getResponseBody() {
		return this.responseBody;
	}

	/**
	 * Returns Polar's error type from the body's {@code error} field.
	 * @return the error type, such as {@code ResourceNotFound} or {@code NotPermitted},
	 * or {@code null} when the body did not name one
	 */
	public @Nullable String getError() {
		return this.error;
	}

	/**
	 * Returns Polar's explanation from the body's {@code detail} field.
	 * @return the detail text, or {@code null} when the body had none; for a 422 see
	 * {@link UnprocessableEntityException#getValidationErrors()} instead
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

}
