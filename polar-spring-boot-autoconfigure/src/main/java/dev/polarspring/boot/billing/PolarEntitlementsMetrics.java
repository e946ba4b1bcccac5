package dev.polarspring.boot.billing;

import java.util.Locale;

/**
 * Records how entitlement lookups were answered and what webhooks did to the cache.
 */
public interface PolarEntitlementsMetrics {

	/**
	 * Records nothing, for applications without Micrometer.
	 */
	PolarEntitlementsMetrics NONE = new PolarEntitlementsMetrics() {

		@Override
		public void lookup(Lookup result) {
		}

		@Override
		public void invalidation(String eventType, Invalidation result) {
		}

	};

	/**
	 * Records one lookup of a customer's state.
	 * @param result how it was answered
	 */
	void lookup(Lookup result);

	/**
	 * Records what a webhook did to a cached state.
	 * @param eventType the event type, such as {@code subscription.updated}, or
	 * {@code manual} for {@link PolarEntitlements#evict(String)}
	 * @param result what it did
	 */
	void invalidation(String eventType, Invalidation result);

	/**
	 * How a lookup was answered.
	 */
	enum Lookup {

		/** From the cache. */
		HIT,

		/** From Polar, and cached. */
		MISS,

		/**
		 * From the cache although a webhook said it changed, because Polar could not be
		 * reached and the state was within its time to live.
		 */
		STALE,

		/**
		 * Not at all: Polar could not be reached or refused, and nothing could be served.
		 */
		FAILED;

		/**
		 * Returns the tag value.
		 * @return such as {@code hit}
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * What a webhook did to a cached state.
	 */
	enum Invalidation {

		/** Invalidated it: the next lookup reads from Polar. */
		EVICTED,

		/**
		 * Nothing: the cached state was read after the event happened, so it shows the
		 * change already.
		 */
		IGNORED_OLDER;

		/**
		 * Returns the tag value.
		 * @return such as {@code evicted}
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
