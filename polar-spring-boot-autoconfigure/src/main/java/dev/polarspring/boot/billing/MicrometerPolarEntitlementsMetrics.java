package dev.polarspring.boot.billing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts entitlement lookups and invalidations with Micrometer.
 *
 * <p>
 * {@value #LOOKUPS} counts lookups by {@code result}: {@code hit} (from the cache),
 * {@code miss} (read from Polar), {@code stale} (an invalidated state served while Polar
 * could not be reached) and {@code failed}. {@value #INVALIDATIONS} counts the webhooks
 * about a customer by {@code type} and {@code outcome}: {@code evicted} or
 * {@code ignored_older} (the cached state was read after the event). Reads from Polar are
 * also observed as {@code polar.client.requests}.
 */
public final class MicrometerPolarEntitlementsMetrics implements PolarEntitlementsMetrics {

	/** Name of the lookups counter. */
	public static final String LOOKUPS = "polar.entitlements.lookups";

	/** Name of the invalidations counter. */
	public static final String INVALIDATIONS = "polar.entitlements.invalidations";

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry where the counters are registered
	 */
	public MicrometerPolarEntitlementsMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void lookup(Lookup result) {
		Counter.builder(LOOKUPS)
			.description("Lookups of a customer's Polar entitlements, by result")
			.tag("result", result.tag())
			.register(this.registry)
			.increment();
	}

	@Override
	public void invalidation(String eventType, Invalidation result) {
		Counter.builder(INVALIDATIONS)
			.description("Webhooks about a customer's cached Polar entitlements, by event type and outcome")
			.tag("type", eventType)
			.tag("outcome", result.tag())
			.register(this.registry)
			.increment();
	}

}
