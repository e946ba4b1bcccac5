package dev.polarspring.boot.metering;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Usage metrics in Micrometer.
 *
 * <ul>
 * <li>{@value #EVENTS} (counter), tagged {@code outcome}: {@code recorded},
 * {@code refused}, {@code sent}, {@code duplicate}, {@code rejected}, {@code unsent}.
 * <li>{@value #RETRIES} (counter), tagged {@code reason}: ingest requests tried again.
 * <li>{@value #INGEST} (timer), tagged {@code outcome}: each ingest request.
 * <li>{@value #BUFFERED} (gauge): events waiting to be sent, registered by the
 * auto-configuration.
 * </ul>
 */
public final class MicrometerUsageMetrics implements UsageMetrics {

	/** Name of the events counter. */
	public static final String EVENTS = "polar.metering.events";

	/** Name of the retries counter. */
	public static final String RETRIES = "polar.metering.retries";

	/** Name of the ingest request timer. */
	public static final String INGEST = "polar.metering.ingest";

	/** Name of the buffer gauge. */
	public static final String BUFFERED = "polar.metering.buffered";

	private final MeterRegistry registry;

	// Looked up once: events(RECORDED) runs on every record(...).
	private final Map<UsageOutcome, Counter> events = new EnumMap<>(UsageOutcome.class);

	/**
	 * Creates the metrics.
	 * @param registry where the meters are registered
	 */
	public MicrometerUsageMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (UsageOutcome outcome : UsageOutcome.values()) {
			this.events.put(outcome,
					Counter.builder(EVENTS)
						.description("Polar usage events, by what became of them")
						.tag("outcome", outcome.tag())
						.register(registry));
		}
	}

	@Override
	public void events(UsageOutcome outcome, long count) {
		// Never null: the constructor registered a counter for every outcome.
		Objects.requireNonNull(this.events.get(outcome)).increment(count);
	}

	@Override
	public void retried(String reason) {
		Counter.builder(RETRIES)
			.description("Polar event ingest requests tried again, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	@Override
	public void ingested(String outcome, long nanos) {
		Timer.builder(INGEST)
			.description("Polar event ingest requests, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
