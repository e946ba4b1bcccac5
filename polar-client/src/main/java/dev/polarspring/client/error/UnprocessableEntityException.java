package dev.polarspring.client.error;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Thrown when Polar answered HTTP 422 Unprocessable Entity: the request did not pass
 * validation. {@link #getValidationErrors()} says which values were wrong and why.
 */
public class UnprocessableEntityException extends PolarApiException {

	private static final long serialVersionUID = 1L;

	private final List<ValidationError> validationErrors;

	/**
	 * Creates an exception from Polar's answer.
	 * @param operationId the operation Polar rejected
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param responseBody the raw response body, empty when there was none
	 * @param error Polar's error type, if the body had one
	 * @param detail Polar's detail when it was text rather than a list of validation
	 * errors
	 * @param validationErrors the validation errors listed in the body, empty when there
	 * were none
	 */
	public UnprocessableEntityException(String operationId, int statusCode, HttpHeaders headers, String responseBody,
			@Nullable String error, @Nullable String detail, List<ValidationError> validationErrors) {
		super(describe(operationId, statusCode, error, (detail != null) ? detail : summarize(validationErrors)),
				operationId, statusCode, headers, responseBody, error, detail);
		this.validationErrors = List.copyOf(validationErrors);
	}

	private static @Nullable String summarize(List<ValidationError> errors) {
		if (errors.isEmpty()) {
			return null;
		}
		return errors.stream().map((error) -> error.location() + ": " + error.msg()).collect(Collectors.joining("; "));
	}

	/**
	 * Returns the validation errors Polar listed.
	 * @return the errors in Polar's order, empty when the body listed none
	 */
	public List<ValidationError> getValidationErrors() {
		return this.validationErrors;
	}

}
