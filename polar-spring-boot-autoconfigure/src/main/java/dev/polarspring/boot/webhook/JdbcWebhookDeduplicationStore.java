package dev.polarspring.boot.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * Remembers processed deliveries in a database table, so several instances of an
 * application sharing the database dispatch each delivery once
 * ({@code polar.webhook.deduplication.store=jdbc}).
 *
 * <p>
 * A claim is an {@code INSERT} on the table's primary key, {@code delivery_id}: when two
 * instances race on one id the database lets one insert succeed and the other fail on the
 * unique key, so exactly one dispatches. A processed row is kept for the time to live and
 * deleted by a later claim (at most once a minute). A row left in progress by an instance
 * that stopped while processing is taken over by an attempt made after the claim timeout;
 * each claim carries a random token so the attempt that lost it can neither complete nor
 * release the new one.
 *
 * <p>
 * The table ({@code schema-h2.sql} and {@code schema-postgresql.sql} beside this class,
 * created for embedded databases unless
 * {@code polar.webhook.deduplication.jdbc.initialize-schema} says otherwise): <pre>
 * CREATE TABLE polar_webhook_delivery (
 *     delivery_id VARCHAR(255) NOT NULL PRIMARY KEY,
 *     status      VARCHAR(16)  NOT NULL,  -- IN_PROGRESS or DONE
 *     claim_token BIGINT       NOT NULL,
 *     updated_at  BIGINT       NOT NULL   -- epoch milliseconds
 * );
 * </pre>
 *
 * <p>
 * Each statement runs on its own, outside any transaction of the caller's: a claim has to
 * be visible to the other instances as soon as it is made.
 */
public final class JdbcWebhookDeduplicationStore implements WebhookDeduplicationStore {

	/**
	 * The table the store reads and writes.
	 */
	public static final String TABLE = "polar_webhook_delivery";

	private static final String IN_PROGRESS = "IN_PROGRESS";

	private static final String DONE = "DONE";

	private static final long PURGE_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

	// A row can vanish or change between the failed insert and the read; a few rounds
	// settle it.
	private static final int MAX_ROUNDS = 5;

	private final JdbcTemplate jdbc;

	private final long ttlMillis;

	private final long claimTimeoutMillis;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final AtomicLong lastPurge = new AtomicLong();

	/**
	 * Creates a store on the given template.
	 * @param jdbc the template of the database holding {@value #TABLE}
	 * @param ttl how long a processed delivery is remembered
	 * @param claimTimeout how long a delivery in progress holds its id before another
	 * attempt may take it over
	 * @param clock the clock the stored times come from
	 */
	public JdbcWebhookDeduplicationStore(JdbcTemplate jdbc, Duration ttl, Duration claimTimeout, Clock clock) {
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		Assert.isTrue(!claimTimeout.isNegative() && !claimTimeout.isZero(), "claimTimeout must be positive");
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
		this.ttlMillis = ttl.toMillis();
		this.claimTimeoutMillis = claimTimeout.toMillis();
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public WebhookClaim claim(String deliveryId) {
		long now = this.clock.millis();
		purgeExpired(now);
		for (int round = 0; round < MAX_ROUNDS; round++) {
			long token = newToken();
			try {
				this.jdbc.update(
						"INSERT INTO " + TABLE + " (delivery_id, status, claim_token, updated_at) VALUES (?, ?, ?, ?)",
						deliveryId, IN_PROGRESS, token, now);
				return WebhookClaim.claimed(deliveryId, token);
			}
			catch (DuplicateKeyException ex) {
				// Someone holds or held this id: read what they left.
			}
			List<Row> rows = this.jdbc.query(
					"SELECT status, claim_token, updated_at FROM " + TABLE + " WHERE delivery_id = ?", (resultSet,
							rowNumber) -> new Row(resultSet.getString(1), resultSet.getLong(2), resultSet.getLong(3)),
					deliveryId);
			if (rows.isEmpty()) {
				continue;
			}
			Row row = rows.get(0);
			boolean inProgress = IN_PROGRESS.equals(row.status());
			if (inProgress && now - row.updatedAt() < this.claimTimeoutMillis) {
				return WebhookClaim.inProgress(deliveryId);
			}
			if (!inProgress && now - row.updatedAt() < this.ttlMillis) {
				return WebhookClaim.done(deliveryId);
			}
			// A stale claim or a forgotten delivery: take the row over unless someone
			// else just did.
			int updated = this.jdbc.update("UPDATE " + TABLE
					+ " SET status = ?, claim_token = ?, updated_at = ? WHERE delivery_id = ? AND claim_token = ?"
					+ " AND status = ?", IN_PROGRESS, token, now, deliveryId, row.token(), row.status());
			if (updated == 1) {
				return WebhookClaim.claimed(deliveryId, token);
			}
		}
		// Still contended after several rounds: another attempt is busy with this id.
		return WebhookClaim.inProgress(deliveryId);
	}

	@Override
	public void complete(WebhookClaim claim) {
		this.jdbc.update(
				"UPDATE " + TABLE + " SET status = ?, updated_at = ? WHERE delivery_id = ? AND claim_token = ?", DONE,
				this.clock.millis(), claim.deliveryId(), claim.token());
	}

	@Override
	public void release(WebhookClaim claim) {
		this.jdbc.update("DELETE FROM " + TABLE + " WHERE delivery_id = ? AND claim_token = ? AND status = ?",
				claim.deliveryId(), claim.token(), IN_PROGRESS);
	}

	private void purgeExpired(long now) {
		long last = this.lastPurge.get();
		if (now - last < PURGE_INTERVAL_MILLIS || !this.lastPurge.compareAndSet(last, now)) {
			return;
		}
		this.jdbc.update("DELETE FROM " + TABLE + " WHERE status = ? AND updated_at < ?", DONE, now - this.ttlMillis);
	}

	private long newToken() {
		long token;
		do {
			token = this.random.nextLong();
		}
		while (token == 0);
		return token;
	}

	@Override
	public String toString() {
		return "JdbcWebhookDeduplicationStore[table=" + TABLE + ", ttl=" + Duration.ofMillis(this.ttlMillis)
				+ ", claimTimeout=" + Duration.ofMillis(this.claimTimeoutMillis) + "]";
	}

	private record Row(String status, long token, long updatedAt) {
	}

}
