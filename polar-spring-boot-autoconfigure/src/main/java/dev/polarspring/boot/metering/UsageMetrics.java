package dev.polarspring.boot.metering;

/**
 * Counts what the metering does: events by {@linkplain UsageOutcome outcome}, retried
 * requests, and each ingest request's duration. Every method has a default that records
 * nothing.
 */
public interface UsageMetrics {

	/**
	 * Records nothing, for applications without Micrometer.
	 */
	UsageMetrics NONE = new UsageMetrics() {
	};

	/**
	 * Counts events. Called on the recording thread for {@link UsageOutcome#RECORDED} and
	 * {@link UsageOutcome#REFUSED}, so it must be cheap.
	 * @param outcome what became of them
	 * @param count how many
	 */
	default void events(UsageOutcome outcome, long count) {
	}

	/**
	 * Counts an ingest request that failed and will be tried again.
	 * @param reason why, such as {@code rate_limited}, {@code server_error},
	 * {@code timeout}, {@code io_error}, {@code client_error} or {@code error}
	 */
	default void retried(String reason) {
	}

	/**
	 * Times one ingest request.
	 * @param outcome {@code success}, {@code invalid}, {@code too_large}, or the reason
	 * of a failure as for {@link #retried(String)}
	 * @param nanos how long it took
	 */
	default void ingested(String outcome, long nanos) {
	}

}
