package dev.polarspring.boot.metering;

import java.util.Locale;

/**
 * What became of usage events, as {@link UsageMetrics} counts them. Once the buffer is
 * empty, every recorded event was sent, a duplicate, rejected or unsent.
 */
public enum UsageOutcome {

	/** Taken into the buffer by {@link PolarUsage#record}. */
	RECORDED,

	/** Not taken: the buffer was full ({@link UsageBufferFullException}). */
	REFUSED,

	/** Inserted by Polar. */
	SENT,

	/**
	 * Already known to Polar by its {@code external_id}: a retry of a batch Polar had
	 * taken, or an idempotency key used twice.
	 */
	DUPLICATE,

	/** Refused by Polar's validation ({@link UsageRejectedEvent}); not sent again. */
	REJECTED,

	/** Still buffered when the shutdown timeout ran out; logged with its count. */
	UNSENT;

	/**
	 * Returns the value of the {@code outcome} tag.
	 * @return such as {@code sent}
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
