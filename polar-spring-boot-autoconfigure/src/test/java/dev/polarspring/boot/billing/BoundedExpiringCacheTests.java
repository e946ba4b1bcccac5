package dev.polarspring.boot.billing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache;

import dev.polarspring.client.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The in-memory cache of entitlements: entries expire their time to live after being
 * written, and the oldest written go first when it is full.
 */
class BoundedExpiringCacheTests {

	private final SettableClock clock = new SettableClock();

	private final BoundedExpiringCache cache = new BoundedExpiringCache("test", Duration.ofMinutes(5), 3, this.clock);

	@Test
	void anEntryLivesItsTimeToLiveFromItsLastWrite() {
		this.cache.put("a", "1");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.cache.get("a", String.class)).isEqualTo("1");
		this.cache.put("a", "2");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.cache.get("a", String.class)).isEqualTo("2");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.cache.get("a")).isNull();
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void theOldestWrittenGoFirstWhenFull() {
		this.cache.put("a", "1");
		this.cache.put("b", "2");
		this.cache.put("c", "3");
		this.cache.put("a", "1 again");
		this.cache.put("d", "4");
		assertThat(this.cache.get("b")).isNull();
		assertThat(this.cache.get("a", String.class)).isEqualTo("1 again");
		assertThat(this.cache.size()).isEqualTo(3);
	}

	@Test
	void loadsMissingValuesOnceAndWrapsLoaderFailures() {
		assertThat(this.cache.get("a", () -> "loaded")).isEqualTo("loaded");
		assertThat(this.cache.get("a", () -> "again")).isEqualTo("loaded");
		assertThatExceptionOfType(Cache.ValueRetrievalException.class).isThrownBy(() -> this.cache.get("b", () -> {
			throw new IllegalStateException("boom");
		}));
	}

	@Test
	void evictsClearsAndStoresNoNull() {
		this.cache.put("a", "1");
		this.cache.put("b", null);
		this.cache.evict("a");
		assertThat(this.cache.get("a")).isNull();
		assertThat(this.cache.get("b")).isNull();
		this.cache.put("c", "3");
		this.cache.clear();
		assertThat(this.cache.size()).isZero();
		assertThat(this.cache.getName()).isEqualTo("test");
	}

}
