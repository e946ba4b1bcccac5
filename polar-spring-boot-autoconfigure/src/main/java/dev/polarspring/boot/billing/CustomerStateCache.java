package dev.polarspring.boot.billing;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;

/**
 * The Spring {@link Cache} entitlements live in, with two kinds of keys:
 * {@code state:<external id>} holds a {@link CachedCustomerState} and
 * {@code customer:<Polar customer id>} the external id of a customer whose state was
 * read, for webhooks that carry only Polar's id (refunds).
 *
 * <p>
 * A cache that fails (Redis down, a value it cannot deserialize) is logged and treated as
 * empty: entitlements are then read from Polar each time rather than not at all.
 */
final class CustomerStateCache {

	private static final Logger logger = LoggerFactory.getLogger(CustomerStateCache.class);

	private final Cache cache;

	CustomerStateCache(Cache cache) {
		this.cache = cache;
	}

	@Nullable CachedCustomerState get(String externalCustomerId) {
		Object value = read(stateKey(externalCustomerId));
		return (value instanceof CachedCustomerState entry) ? entry : null;
	}

	void put(String externalCustomerId, CachedCustomerState entry) {
		write(stateKey(externalCustomerId), entry);
		PolarCustomerState state = entry.state();
		if (entry.isCurrent() && state != null && state.customerId() != null) {
			write(customerKey(state.customerId()), externalCustomerId);
		}
	}

	@Nullable String externalIdOf(String customerId) {
		Object value = read(customerKey(customerId));
		return (value instanceof String externalId) ? externalId : null;
	}

	String name() {
		return this.cache.getName();
	}

	private @Nullable Object read(String key) {
		try {
			Cache.ValueWrapper wrapper = this.cache.get(key);
			return (wrapper != null) ? wrapper.get() : null;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read {} from cache '{}'; reading from Polar instead: {}", key, this.cache.getName(),
					ex.toString());
			return null;
		}
	}

	private void write(String key, Object value) {
		try {
			this.cache.put(key, value);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write {} to cache '{}': {}", key, this.cache.getName(), ex.toString());
		}
	}

	private static String stateKey(String externalCustomerId) {
		return "state:" + externalCustomerId;
	}

	private static String customerKey(String customerId) {
		return "customer:" + customerId;
	}

}
