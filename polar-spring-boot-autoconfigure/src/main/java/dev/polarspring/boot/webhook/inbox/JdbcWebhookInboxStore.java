package dev.polarspring.boot.webhook.inbox;

import java.security.SecureRandom;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the inbox in a database table, {@value #TABLE}, shared by every instance of the
 * application that uses the database.
 *
 * <p>
 * The {@code webhook-id} is the primary key: storing a delivery is an {@code INSERT}, and
 * a redelivery of a stored id fails on the key and is not stored again. Claims are made
 * in one short transaction of their own. On PostgreSQL, MySQL 8 and MariaDB 10.6 and
 * later they select the due rows {@code FOR UPDATE SKIP LOCKED} ({@link ClaimLocking
 * #SKIP_LOCKED}): instances claiming at the same time each lock different rows and never
 * wait for each other. Elsewhere (H2, older versions, other databases) each due row is
 * taken with an {@code UPDATE} conditional on the claim token read with it
 * ({@link ClaimLocking#COMPARE_AND_SET}): of two instances racing for a row one update
 * succeeds and the other changes nothing. Every claim carries a new random token, and
 * every settlement is conditional on it, so an instance whose claim was taken over can no
 * longer settle it.
 *
 * <p>
 * The table ({@code schema-h2.sql}, {@code schema-postgresql.sql},
 * {@code schema-mysql.sql} and {@code schema-mariadb.sql} beside this class, created for
 * embedded databases unless {@code polar.webhook.inbox.initialize-schema} says
 * otherwise): <pre>
 * CREATE TABLE polar_webhook_inbox (
 *     delivery_id        VARCHAR(255)  NOT NULL PRIMARY KEY,  -- webhook-id
 *     endpoint           VARCHAR(255)  NOT NULL,  -- the path it was posted to
 *     event_type         VARCHAR(255)  NOT NULL,
 *     body               BYTEA         NOT NULL,  -- the verified body (BLOB on H2 and MySQL)
 *     signed_at          BIGINT        NOT NULL,  -- webhook-timestamp
 *     received_at        BIGINT        NOT NULL,
 *     status             VARCHAR(16)   NOT NULL,  -- PENDING, PROCESSING, PROCESSED or FAILED
 *     attempts           INT           NOT NULL,
 *     available_at       BIGINT        NOT NULL,  -- next attempt when pending, lease expiry when processing,
 *                                                  -- Long.MAX_VALUE once processed or failed
 *     claim_token        BIGINT        NOT NULL,
 *     last_attempt_at    BIGINT,
 *     processed_at       BIGINT,
 *     last_error_type    VARCHAR(255),
 *     last_error_message VARCHAR(1000)
 * );
 * CREATE INDEX polar_webhook_inbox_due_idx ON polar_webhook_inbox (available_at);
 * CREATE INDEX polar_webhook_inbox_processed_idx ON polar_webhook_inbox (status, processed_at);
 * </pre> Times are epoch milliseconds. A claim reads the due rows in the order of the
 * {@code available_at} index and stops at its limit: settled rows are parked past every
 * due time, so the thousands of processed rows the retention keeps cost it nothing, and a
 * backlog costs it no sort.
 *
 * <p>
 * Statements other than claims run in the caller's transaction when there is one on the
 * same {@code DataSource}: {@link #markProcessed} commits with the listeners' work.
 */
public final class JdbcWebhookInboxStore implements WebhookInboxStore {

	/**
	 * The table the store reads and writes.
	 */
	public static final String TABLE = "polar_webhook_inbox";

	private static final String COLUMNS = "delivery_id, endpoint, event_type, body, signed_at, received_at, attempts";

	/**
	 * The {@code available_at} of processed and failed deliveries: past every due time,
	 * so the claim query's range over the {@code available_at} index never reaches them,
	 * however many the inbox keeps, and reads the due rows in index order, oldest first,
	 * stopping at the limit.
	 */
	static final long SETTLED = Long.MAX_VALUE;

	// Only pending and processing rows can be due (settled ones are parked at SETTLED):
	// no status predicate, which would let the database pick a status index and sort
	// every due row for each claim.
	private static final String DUE = "available_at <= ?";

	private static final String UNSETTLED = "status IN ('PENDING', 'PROCESSING')";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate claimTransaction;

	private final SecureRandom random = new SecureRandom();

	private volatile @Nullable ClaimLocking locking;

	/**
	 * Creates a store that picks how to claim from the database it runs on.
	 * @param dataSource the database holding {@value #TABLE}
	 */
	public JdbcWebhookInboxStore(DataSource dataSource) {
		this(dataSource, null);
	}

	/**
	 * Creates a store.
	 * @param dataSource the database holding {@value #TABLE}
	 * @param locking how to claim, or {@code null} to pick it from the database's product
	 * name and version on first use
	 */
	public JdbcWebhookInboxStore(DataSource dataSource, @Nullable ClaimLocking locking) {
		Objects.requireNonNull(dataSource, "dataSource must not be null");
		this.jdbc = new JdbcTemplate(dataSource);
		// Claims commit on their own, at once: other instances must see them.
		this.claimTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.locking = locking;
	}

	@Override
	public boolean add(WebhookInboxDelivery delivery, Instant now) {
		try {
			this.jdbc.update(
					"INSERT INTO " + TABLE + " (" + COLUMNS + ", status, available_at, claim_token)"
							+ " VALUES (?, ?, ?, ?, ?, ?, 0, 'PENDING', ?, 0)",
					delivery.id(), delivery.endpoint(), delivery.type(), delivery.body(),
					delivery.signedAt().toEpochMilli(), delivery.receivedAt().toEpochMilli(), now.toEpochMilli());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public List<ClaimedWebhookDelivery> claim(int limit, Instant now, Instant leaseUntil) {
		if (limit < 1) {
			return List.of();
		}
		List<ClaimedWebhookDelivery> claims = (locking() == ClaimLocking.SKIP_LOCKED)
				? this.claimTransaction.execute((status) -> claimSkippingLocked(limit, now, leaseUntil))
				: claimComparingTokens(limit, now, leaseUntil);
		return (claims != null) ? claims : List.of();
	}

	private List<ClaimedWebhookDelivery> claimSkippingLocked(int limit, Instant now, Instant leaseUntil) {
		List<ClaimedWebhookDelivery> due = this.jdbc.query(
				"SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + DUE
						+ " ORDER BY available_at LIMIT ? FOR UPDATE SKIP LOCKED",
				this::claimed, now.toEpochMilli(), limit);
		List<Object[]> updates = new ArrayList<>(due.size());
		for (ClaimedWebhookDelivery claim : due) {
			updates.add(new Object[] { claim.attempt(), claim.token(), leaseUntil.toEpochMilli(), now.toEpochMilli(),
					claim.id() });
		}
		if (!updates.isEmpty()) {
			this.jdbc.batchUpdate("UPDATE " + TABLE + " SET status = 'PROCESSING', attempts = ?, claim_token = ?,"
					+ " available_at = ?, last_attempt_at = ? WHERE delivery_id = ?", updates);
		}
		return due;
	}

	private List<ClaimedWebhookDelivery> claimComparingTokens(int limit, Instant now, Instant leaseUntil) {
		List<Candidate> candidates = this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"SELECT delivery_id, claim_token FROM " + TABLE + " WHERE " + DUE + " ORDER BY available_at");
			statement.setLong(1, now.toEpochMilli());
			statement.setMaxRows(limit);
			return statement;
		}, (resultSet, row) -> new Candidate(resultSet.getString(1), resultSet.getLong(2)));
		List<ClaimedWebhookDelivery> claims = new ArrayList<>(candidates.size());
		for (Candidate candidate : candidates) {
			long token = newToken();
			int updated = this.jdbc.update("UPDATE " + TABLE + " SET status = 'PROCESSING', attempts = attempts + 1,"
					+ " claim_token = ?, available_at = ?, last_attempt_at = ? WHERE delivery_id = ? AND claim_token = ?"
					+ " AND " + UNSETTLED + " AND " + DUE, token, leaseUntil.toEpochMilli(), now.toEpochMilli(),
					candidate.id(), candidate.token(), now.toEpochMilli());
			if (updated == 1) {
				// Read back what this claim holds; attempts now counts this one.
				this.jdbc
					.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE delivery_id = ? AND claim_token = ?",
							(resultSet, row) -> new ClaimedWebhookDelivery(delivery(resultSet), resultSet.getInt(7),
									token),
							candidate.id(), token)
					.forEach(claims::add);
			}
		}
		return claims;
	}

	@Override
	public int renew(Collection<ClaimedWebhookDelivery> claims, Instant leaseUntil) {
		if (claims.isEmpty()) {
			return 0;
		}
		List<Object[]> arguments = new ArrayList<>(claims.size());
		for (ClaimedWebhookDelivery claim : claims) {
			arguments.add(new Object[] { leaseUntil.toEpochMilli(), claim.id(), claim.token() });
		}
		int renewed = 0;
		for (int count : this.jdbc.batchUpdate(
				"UPDATE " + TABLE
						+ " SET available_at = ? WHERE delivery_id = ? AND claim_token = ? AND status = 'PROCESSING'",
				arguments)) {
			// Some drivers report a successful batch statement without its count.
			renewed += (count == PreparedStatement.SUCCESS_NO_INFO) ? 1 : count;
		}
		return renewed;
	}

	@Override
	public boolean markProcessed(ClaimedWebhookDelivery claim, Instant now) {
		return settle(claim, "status = 'PROCESSED', processed_at = ?, available_at = ?", now.toEpochMilli(), SETTLED);
	}

	@Override
	public boolean markRetry(ClaimedWebhookDelivery claim, WebhookDispatchFailure failure, Instant now,
			Instant retryAt) {
		return settle(claim, "status = 'PENDING', available_at = ?, last_error_type = ?, last_error_message = ?",
				retryAt.toEpochMilli(), failure.type(), failure.message());
	}

	@Override
	public boolean markFailed(ClaimedWebhookDelivery claim, WebhookDispatchFailure failure, Instant now) {
		return settle(claim, "status = 'FAILED', available_at = ?, last_error_type = ?, last_error_message = ?",
				SETTLED, failure.type(), failure.message());
	}

	@Override
	public boolean release(ClaimedWebhookDelivery claim, Instant now) {
		return settle(claim, "status = 'PENDING', attempts = attempts - 1, available_at = ?", now.toEpochMilli());
	}

	private boolean settle(ClaimedWebhookDelivery claim, String assignments, @Nullable Object... values) {
		Object[] arguments = new Object[values.length + 2];
		System.arraycopy(values, 0, arguments, 0, values.length);
		arguments[values.length] = claim.id();
		arguments[values.length + 1] = claim.token();
		return this.jdbc.update("UPDATE " + TABLE + " SET " + assignments
				+ " WHERE delivery_id = ? AND claim_token = ? AND status = 'PROCESSING'", arguments) == 1;
	}

	@Override
	public WebhookInboxStatistics statistics() {
		Map<WebhookInboxStatus, Long> counts = new EnumMap<>(WebhookInboxStatus.class);
		Instant[] oldest = new Instant[1];
		this.jdbc.query("SELECT status, COUNT(*), MIN(received_at) FROM " + TABLE + " GROUP BY status",
				(ResultSet resultSet) -> {
					WebhookInboxStatus status = WebhookInboxStatus.valueOf(resultSet.getString(1));
					counts.put(status, resultSet.getLong(2));
					if (status == WebhookInboxStatus.PENDING || status == WebhookInboxStatus.PROCESSING) {
						Instant received = Instant.ofEpochMilli(resultSet.getLong(3));
						if (oldest[0] == null || received.isBefore(oldest[0])) {
							oldest[0] = received;
						}
					}
				});
		return new WebhookInboxStatistics(counts, oldest[0]);
	}

	@Override
	public List<FailedWebhookDelivery> failed(int limit) {
		return this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement("SELECT delivery_id, endpoint, event_type,"
					+ " attempts, last_error_type, last_error_message, received_at, last_attempt_at FROM " + TABLE
					+ " WHERE status = 'FAILED' ORDER BY received_at");
			statement.setMaxRows(limit);
			return statement;
		}, (resultSet, row) -> new FailedWebhookDelivery(resultSet.getString(1), resultSet.getString(2),
				resultSet.getString(3), resultSet.getInt(4), resultSet.getString(5), resultSet.getString(6),
				Instant.ofEpochMilli(resultSet.getLong(7)), instant(resultSet, 8)));
	}

	@Override
	public boolean replay(String id, Instant now) {
		return this.jdbc.update("UPDATE " + TABLE + " SET status = 'PENDING', attempts = 0, available_at = ?"
				+ " WHERE delivery_id = ? AND status = 'FAILED'", now.toEpochMilli(), id) == 1;
	}

	@Override
	public int replayFailed(Instant now) {
		return this.jdbc.update(
				"UPDATE " + TABLE + " SET status = 'PENDING', attempts = 0, available_at = ? WHERE status = 'FAILED'",
				now.toEpochMilli());
	}

	@Override
	public int deleteProcessedBefore(Instant before) {
		return this.jdbc.update("DELETE FROM " + TABLE + " WHERE status = 'PROCESSED' AND processed_at < ?",
				before.toEpochMilli());
	}

	/**
	 * Returns how this store claims deliveries, detecting it on first use.
	 * @return the locking
	 */
	public ClaimLocking locking() {
		ClaimLocking locking = this.locking;
		if (locking == null) {
			locking = this.jdbc
				.execute((ConnectionCallback<ClaimLocking>) (connection) -> ClaimLocking.of(connection.getMetaData()));
			this.locking = locking;
		}
		return Objects.requireNonNull(locking);
	}

	private ClaimedWebhookDelivery claimed(ResultSet resultSet, int row) throws SQLException {
		return new ClaimedWebhookDelivery(delivery(resultSet), resultSet.getInt(7) + 1, newToken());
	}

	private static WebhookInboxDelivery delivery(ResultSet resultSet) throws SQLException {
		return new WebhookInboxDelivery(resultSet.getString(1), resultSet.getString(2), resultSet.getString(3),
				resultSet.getBytes(4), Instant.ofEpochMilli(resultSet.getLong(5)),
				Instant.ofEpochMilli(resultSet.getLong(6)));
	}

	private static @Nullable Instant instant(ResultSet resultSet, int column) throws SQLException {
		long millis = resultSet.getLong(column);
		return resultSet.wasNull() ? null : Instant.ofEpochMilli(millis);
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
		return "JdbcWebhookInboxStore[table=" + TABLE + ", locking=" + this.locking + "]";
	}

	private record Candidate(String id, long token) {
	}

	/**
	 * How claims keep two instances from taking the same delivery.
	 */
	public enum ClaimLocking {

		/**
		 * {@code SELECT ... FOR UPDATE SKIP LOCKED} in a transaction, then an update of
		 * the rows selected: PostgreSQL, MySQL 8, MariaDB 10.6 and later.
		 */
		SKIP_LOCKED,

		/**
		 * An {@code UPDATE} per due row, conditional on the claim token read with it: any
		 * database.
		 */
		COMPARE_AND_SET;

		/**
		 * Picks the locking a database supports.
		 * @param metaData the database's metadata
		 * @return {@link #SKIP_LOCKED} where the database supports it,
		 * {@link #COMPARE_AND_SET} otherwise
		 * @throws SQLException when the metadata cannot be read
		 */
		public static ClaimLocking of(DatabaseMetaData metaData) throws SQLException {
			String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
			String version = metaData.getDatabaseProductVersion().toLowerCase(Locale.ROOT);
			int major = metaData.getDatabaseMajorVersion();
			int minor = metaData.getDatabaseMinorVersion();
			boolean skipsLocked;
			if (product.contains("postgresql")) {
				skipsLocked = major >= 10;
			}
			else if (product.contains("mariadb") || version.contains("mariadb")) {
				skipsLocked = major > 10 || (major == 10 && minor >= 6);
			}
			else if (product.contains("mysql")) {
				skipsLocked = major >= 8;
			}
			else {
				skipsLocked = false;
			}
			return skipsLocked ? SKIP_LOCKED : COMPARE_AND_SET;
		}

	}

}
