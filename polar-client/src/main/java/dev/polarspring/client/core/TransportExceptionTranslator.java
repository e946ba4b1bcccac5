package dev.polarspring.client.core;

import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;

import org.springframework.web.client.RestClientException;

import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.error.PolarTimeoutException;

/**
 * Turns a transport failure into the {@link PolarIoException} the caller sees: a
 * {@link PolarTimeoutException} for read and connect timeouts, naming the operation and
 * the timeout that ran out. Spring's own message is not reused: it names the full URL,
 * whose path parameters can be secrets.
 */
final class TransportExceptionTranslator {

	private final String baseUrl;

	private final Duration connectTimeout;

	TransportExceptionTranslator(String baseUrl, Duration connectTimeout) {
		this.baseUrl = baseUrl;
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Translates a failure.
	 * @param operationId the operation whose attempt failed
	 * @param failure what kind of failure it was
	 * @param ex the exception the transport threw
	 * @param readTimeout the read timeout of the attempt
	 * @return the exception to throw, with the transport's cause
	 */
	PolarIoException translate(String operationId, TransportFailure failure, RestClientException ex,
			Duration readTimeout) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (failure.timedOut()) {
			return new PolarTimeoutException(
					operationId + " timed out: Polar did not answer within " + readTimeout
							+ " (raise the read timeout, or RequestOptions.timeout(...) for this call)",
					operationId, cause);
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new PolarTimeoutException(
					operationId + " timed out connecting to " + this.baseUrl + " within " + this.connectTimeout,
					operationId, cause);
		}
		String detail = (cause != ex) ? describe(cause) : cause.getClass().getSimpleName();
		return new PolarIoException(operationId + " failed talking to " + this.baseUrl + ": " + detail, operationId,
				cause);
	}

	private static String describe(Throwable cause) {
		String message = cause.getMessage();
		return (message != null && !message.isBlank()) ? cause.getClass().getSimpleName() + ": " + message
				: cause.getClass().getSimpleName();
	}

}
