package dev.polarspring.boot.billing;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.util.Assert;

/**
 * A Spring {@link Cache} in this application's memory whose entries expire a fixed time
 * after they were written, holding at most a number of entries (the oldest written are
 * dropped first). It is the entitlements' cache when the application has no
 * {@code CacheManager}; one without a dependency of its own, where a real application
 * with several instances declares a shared cache (Redis) or Caffeine through Spring
 * Boot's cache support.
 *
 * <p>
 * Thread-safe; operations take a short lock and do no I/O. {@code null} values are not
 * stored.
 */
public final class BoundedExpiringCache extends AbstractValueAdaptingCache {

	// Insertion order is the order of expiry: a write moves its key to the end.
	private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>();

	private final String name;

	private final long ttlMillis;

	private final int maxEntries;

	private final Clock clock;

	/**
	 * Creates a cache.
	 * @param name the cache's name
	 * @param ttl how long an entry is kept after it was written
	 * @param maxEntries the most entries kept
	 * @param clock the clock expiry is measured with
	 */
	public BoundedExpiringCache(String name, Duration ttl, int maxEntries, Clock clock) {
		super(false);
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		this.name = name;
		this.ttlMillis = ttl.toMillis();
		this.maxEntries = maxEntries;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Object getNativeCache() {
		return this.entries;
	}

	@Override
	protected @Nullable Object lookup(Object key) {
		long now = this.clock.millis();
		synchronized (this.entries) {
			forgetExpired(now);
			Entry entry = this.entries.get(key);
			return (entry != null) ? entry.value() : null;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		Object value = lookup(key);
		if (value != null) {
			return (T) value;
		}
		T loaded;
		try {
			loaded = valueLoader.call();
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		if (loaded != null) {
			put(key, loaded);
		}
		return loaded;
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		if (value == null) {
			evict(key);
			return;
		}
		long expiresAt = this.clock.millis() + this.ttlMillis;
		synchronized (this.entries) {
			this.entries.remove(key);
			this.entries.put(key, new Entry(value, expiresAt));
			Iterator<Object> oldest = this.entries.keySet().iterator();
			while (this.entries.size() > this.maxEntries && oldest.hasNext()) {
				oldest.next();
				oldest.remove();
			}
		}
	}

	@Override
	public void evict(Object key) {
		synchronized (this.entries) {
			this.entries.remove(key);
		}
	}

	@Override
	public void clear() {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

	/**
	 * Returns how many entries are held, expired ones not yet dropped included.
	 * @return the number of entries
	 */
	public int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private void forgetExpired(long now) {
		Iterator<Map.Entry<Object, Entry>> iterator = this.entries.entrySet().iterator();
		while (iterator.hasNext()) {
			if (iterator.next().getValue().expiresAt() > now) {
				// Entries after this one were written later, so they expire later.
				return;
			}
			iterator.remove();
		}
	}

	@Override
	public String toString() {
		return "BoundedExpiringCache[" + this.name + ", ttl=" + Duration.ofMillis(this.ttlMillis) + ", maxEntries="
				+ this.maxEntries + "]";
	}

	private record Entry(Object value, long expiresAt) {
	}

}
