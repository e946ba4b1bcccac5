package dev.polarspring.client.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClientException;

import dev.polarspring.client.Sleeper;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.observation.PolarClientObservationContext;

/**
 * One call, sent attempt after attempt until it succeeds or the {@link RetryPolicy} says
 * to stop: each failed attempt is logged, and the wait before the next one is slept
 * through the {@link Sleeper}. The observation context, when there is one, counts the
 * attempts and holds the status of the last.
 *
 * @param <T> the answer's type
 */
final class RetryingCall<T> {

	// The executor's logger, so that one logging level covers the whole call.
	private static final Logger logger = LoggerFactory.getLogger(ApiExecutor.class);

	private final PreparedRequest request;

	private final ResponseDecoder<T> decoder;

	private final RetryPolicy retryPolicy;

	private final TransportExceptionTranslator exceptionTranslator;

	private final Clock clock;

	private final Sleeper sleeper;

	private final @Nullable PolarClientObservationContext observationContext;

	private int lastStatus;

	RetryingCall(PreparedRequest request, ResponseDecoder<T> decoder, RetryPolicy retryPolicy,
			TransportExceptionTranslator exceptionTranslator, Clock clock, Sleeper sleeper,
			@Nullable PolarClientObservationContext observationContext) {
		this.request = request;
		this.decoder = decoder;
		this.retryPolicy = retryPolicy;
		this.exceptionTranslator = exceptionTranslator;
		this.clock = clock;
		this.sleeper = sleeper;
		this.observationContext = observationContext;
	}

	/**
	 * Sends the call until it succeeds or may not be retried.
	 * @return the decoded answer of the successful attempt; {@code null} where
	 * {@link ResponseDecoder} answers none
	 * @throws PolarApiException the error status of the last attempt
	 * @throws PolarIoException the transport failure of the last attempt, or an
	 * interruption while waiting to retry
	 */
	@Nullable T run() {
		for (int attempt = 1;; attempt++) {
			long start = System.nanoTime();
			if (this.observationContext != null) {
				this.observationContext.attemptStarted();
				this.observationContext.setStatusCode(null);
			}
			Duration wait;
			try {
				@Nullable T result = this.request.send(this.decoder, this::statusReceived);
				logAttempt(attempt, start, this.lastStatus);
				return result;
			}
			catch (PolarApiException ex) {
				logAttempt(attempt, start, ex.getStatusCode());
				wait = this.retryPolicy.afterStatus(ex.getStatusCode(), RetryAfter.parse(ex.getHeaders(), this.clock),
						attempt);
				if (wait == null) {
					throw ex;
				}
				logRetry(attempt, wait, "HTTP " + ex.getStatusCode());
			}
			catch (RestClientException ex) {
				TransportFailure failure = TransportFailure.of(ex);
				PolarIoException translated = this.exceptionTranslator.translate(operation().id(), failure, ex,
						this.request.readTimeout());
				if (logger.isDebugEnabled()) {
					logger.debug("{} {} failed after {} ms [{}, attempt {}]: {}", operation().method(),
							operation().pathTemplate(), elapsedMillis(start), operation().id(), attempt,
							translated.getMessage());
				}
				wait = this.retryPolicy.afterTransportFailure(failure, attempt);
				if (wait == null) {
					throw translated;
				}
				logRetry(attempt, wait, failure.name().toLowerCase(Locale.ROOT).replace('_', ' '));
			}
			pause(wait);
		}
	}

	private ApiOperation operation() {
		return this.request.operation();
	}

	private void statusReceived(int status) {
		this.lastStatus = status;
		if (this.observationContext != null) {
			this.observationContext.setStatusCode(status);
		}
	}

	private void pause(Duration wait) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PolarIoException(operation().id() + " was interrupted while waiting to retry", operation().id(),
					ex);
		}
	}

	private void logAttempt(int attempt, long start, int status) {
		if (logger.isDebugEnabled()) {
			logger.debug("{} {} answered {} in {} ms [{}, attempt {}]", operation().method(),
					operation().pathTemplate(), status, elapsedMillis(start), operation().id(), attempt);
		}
	}

	private void logRetry(int failedAttempt, Duration wait, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying {} after {} in {} ms (attempt {} of {})", operation().id(), reason, wait.toMillis(),
					failedAttempt + 1, this.retryPolicy.maxAttempts());
		}
	}

	private static long elapsedMillis(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
