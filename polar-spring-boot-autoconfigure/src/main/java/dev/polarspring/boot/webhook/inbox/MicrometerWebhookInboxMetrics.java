package dev.polarspring.boot.webhook.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox in Micrometer.
 *
 * <ul>
 * <li>{@value #DISPATCHES} (counter): dispatches settled by this instance's workers,
 * tagged with {@code type} (the event type) and {@code outcome} ({@code processed},
 * {@code retried}, {@code failed} or {@code released});</li>
 * <li>{@value #PENDING} (gauge): deliveries not processed yet, pending or being
 * dispatched, in the whole inbox;</li>
 * <li>{@value #FAILED} (gauge): failed deliveries waiting to be replayed;</li>
 * <li>{@value #OLDEST_PENDING_AGE} (gauge, seconds): how long ago the oldest delivery not
 * processed yet was received, 0 when there is none.</li>
 * </ul>
 * The gauges describe the table every instance shares; they are read from the database at
 * most once per refresh interval ({@value #DEFAULT_REFRESH_SECONDS} seconds unless
 * given), however often they are scraped.
 */
public final class MicrometerWebhookInboxMetrics implements WebhookInboxMetrics {

	/**
	 * Name of the counter of settled dispatches.
	 */
	public static final String DISPATCHES = "polar.webhook.inbox.dispatches";

	/**
	 * Name of the gauge of deliveries not processed yet.
	 */
	public static final String PENDING = "polar.webhook.inbox.pending";

	/**
	 * Name of the gauge of failed deliveries.
	 */
	public static final String FAILED = "polar.webhook.inbox.failed";

	/**
	 * Name of the gauge of the age of the oldest delivery not processed yet.
	 */
	public static final String OLDEST_PENDING_AGE = "polar.webhook.inbox.oldest.pending.age";

	/**
	 * How long, by default, the gauges show the statistics they read before reading them
	 * again.
	 */
	public static final long DEFAULT_REFRESH_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(MicrometerWebhookInboxMetrics.class);

	private final MeterRegistry registry;

	private final WebhookInboxStore store;

	private final Clock clock;

	private final long refreshNanos;

	private @Nullable WebhookInboxStatistics statistics;

	private long statisticsReadAt;

	/**
	 * Creates the metrics and registers the gauges.
	 * @param registry where the meters are registered
	 * @param store the inbox the gauges describe
	 * @param clock the clock the age of deliveries is measured with
	 */
	public MicrometerWebhookInboxMetrics(MeterRegistry registry, WebhookInboxStore store, Clock clock) {
		this(registry, store, clock, Duration.ofSeconds(DEFAULT_REFRESH_SECONDS));
	}

	/**
	 * Creates the metrics and registers the gauges.
	 * @param registry where the meters are registered
	 * @param store the inbox the gauges describe
	 * @param clock the clock the age of deliveries is measured with
	 * @param refreshInterval how long the gauges show the statistics they read before
	 * reading them again; zero reads them on every scrape
	 */
	public MicrometerWebhookInboxMetrics(MeterRegistry registry, WebhookInboxStore store, Clock clock,
			Duration refreshInterval) {
		if (refreshInterval.isNegative()) {
			throw new IllegalArgumentException("refreshInterval must not be negative");
		}
		this.registry = registry;
		this.store = store;
		this.clock = clock;
		this.refreshNanos = refreshInterval.toNanos();
		gauge(PENDING, "Polar webhook deliveries in the inbox not processed yet", "deliveries",
				(metrics) -> metrics.read(WebhookInboxStatistics::pending));
		gauge(FAILED, "Polar webhook deliveries in the inbox that failed on every attempt", "deliveries",
				(metrics) -> metrics.read((statistics) -> statistics.count(WebhookInboxStatus.FAILED)));
		gauge(OLDEST_PENDING_AGE, "Age of the oldest Polar webhook delivery in the inbox not processed yet", "seconds",
				(metrics) -> metrics.read(this::oldestPendingAge));
	}

	private void gauge(String name, String description, String unit,
			ToDoubleFunction<MicrometerWebhookInboxMetrics> value) {
		Gauge.builder(name, this, value).description(description).baseUnit(unit).register(this.registry);
	}

	@Override
	public void dispatched(String type, WebhookInboxOutcome outcome) {
		Counter.builder(DISPATCHES)
			.description("Polar webhook deliveries dispatched from the inbox, by event type and outcome")
			.tag("type", type)
			.tag("outcome", outcome.tag())
			.register(this.registry)
			.increment();
	}

	private double oldestPendingAge(WebhookInboxStatistics statistics) {
		Instant oldest = statistics.oldestPendingReceivedAt();
		if (oldest == null) {
			return 0;
		}
		return Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0);
	}

	private synchronized double read(ToDoubleFunction<WebhookInboxStatistics> value) {
		long now = System.nanoTime();
		if (this.statistics == null || now - this.statisticsReadAt >= this.refreshNanos) {
			try {
				this.statistics = this.store.statistics();
				this.statisticsReadAt = now;
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read the webhook inbox's statistics", ex);
				return Double.NaN;
			}
		}
		return value.applyAsDouble(this.statistics);
	}

}
