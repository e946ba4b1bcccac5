package dev.polarspring.boot.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.util.Assert;

/**
 * Remembers processed deliveries in this application's memory: the default store, right
 * for a single instance.
 *
 * <p>
 * Bounded and expiring: a processed {@code webhook-id} is kept for the time to live, and
 * when more than the maximum are kept the oldest are forgotten first. Deliveries in
 * progress are never forgotten (there are at most as many as requests being served), and
 * need no timeout: the endpoint always completes or releases its claim, and a stopped
 * instance loses its memory anyway.
 *
 * <p>
 * Thread-safe. Operations take a short lock; they do no I/O.
 */
public final class InMemoryWebhookDeduplicationStore implements WebhookDeduplicationStore {

	// Insertion order is the order of expiry: completing a delivery moves it to the end.
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	private final long ttlMillis;

	private final int maxEntries;

	private final Clock clock;

	private long lastToken;

	/**
	 * Creates a store.
	 * @param ttl how long a processed delivery is remembered
	 * @param maxEntries most processed deliveries remembered
	 * @param clock the clock expiry is measured with
	 */
	public InMemoryWebhookDeduplicationStore(Duration ttl, int maxEntries, Clock clock) {
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		this.ttlMillis = ttl.toMillis();
		this.maxEntries = maxEntries;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public WebhookClaim claim(String deliveryId) {
		long now = this.clock.millis();
		synchronized (this.entries) {
			forgetExpired(now);
			Entry entry = this.entries.get(deliveryId);
			if (entry != null && entry.inProgress()) {
				return WebhookClaim.inProgress(deliveryId);
			}
			if (entry != null && entry.expiresAt() > now) {
				return WebhookClaim.done(deliveryId);
			}
			long token = ++this.lastToken;
			this.entries.remove(deliveryId);
			this.entries.put(deliveryId, new Entry(token, Long.MAX_VALUE));
			forgetOverflow();
			return WebhookClaim.claimed(deliveryId, token);
		}
	}

	@Override
	public void complete(WebhookClaim claim) {
		long expiresAt = this.clock.millis() + this.ttlMillis;
		synchronized (this.entries) {
			Entry entry = this.entries.get(claim.deliveryId());
			if (entry != null && entry.token() == claim.token()) {
				this.entries.remove(claim.deliveryId());
				this.entries.put(claim.deliveryId(), new Entry(0, expiresAt));
				forgetOverflow();
			}
		}
	}

	@Override
	public void release(WebhookClaim claim) {
		synchronized (this.entries) {
			Entry entry = this.entries.get(claim.deliveryId());
			if (entry != null && entry.inProgress() && entry.token() == claim.token()) {
				this.entries.remove(claim.deliveryId());
			}
		}
	}

	/**
	 * Returns how many deliveries are remembered, processed or in progress.
	 * @return the number of entries
	 */
	public int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private void forgetExpired(long now) {
		Iterator<Entry> iterator = this.entries.values().iterator();
		while (iterator.hasNext()) {
			Entry entry = iterator.next();
			if (entry.inProgress()) {
				continue;
			}
			if (entry.expiresAt() > now) {
				// Entries after this one completed later, so they expire later.
				return;
			}
			iterator.remove();
		}
	}

	private void forgetOverflow() {
		Iterator<Map.Entry<String, Entry>> iterator = this.entries.entrySet().iterator();
		while (this.entries.size() > this.maxEntries && iterator.hasNext()) {
			if (!iterator.next().getValue().inProgress()) {
				iterator.remove();
			}
		}
	}

	@Override
	public String toString() {
		return "InMemoryWebhookDeduplicationStore[ttl=" + Duration.ofMillis(this.ttlMillis) + ", maxEntries="
				+ this.maxEntries + "]";
	}

	/**
	 * A remembered delivery: in progress while {@code token} is not 0, processed until
	 * {@code expiresAt} otherwise.
	 */
	private record Entry(long token, long expiresAt) {

		boolean inProgress() {
			return this.token != 0;
		}

	}

}
