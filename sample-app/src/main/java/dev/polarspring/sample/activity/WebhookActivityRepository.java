package dev.polarspring.sample.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_activity} table (see {@code schema.sql}): one row per
 * {@code webhook-id}, so a delivery processed twice (at least once is the promise) shows
 * once.
 */
@Repository
public class WebhookActivityRepository {

	private static final String UPSERT = """
			MERGE INTO webhook_activity (webhook_id, event_type, external_customer_id, checkout_id, outcome,
				occurred_at, processed_at)
			KEY (webhook_id)
			VALUES (:webhookId, :type, :externalCustomerId, :checkoutId, :outcome, :occurredAt, :processedAt)
			""";

	private final JdbcClient jdbc;

	WebhookActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a processed webhook, replacing what an earlier run of the same delivery kept.
	 * @param activity the processed webhook
	 */
	public void save(WebhookActivity activity) {
		this.jdbc.sql(UPSERT)
			.param("webhookId", activity.webhookId())
			.param("type", activity.type())
			.param("externalCustomerId", activity.externalCustomerId())
			.param("checkoutId", activity.checkoutId())
			.param("outcome", activity.outcome())
			.param("occurredAt", Timestamp.from(activity.occurredAt()))
			.param("processedAt", Timestamp.from(activity.processedAt()))
			.update();
	}

	/**
	 * Returns the latest webhooks about a customer.
	 * @param externalCustomerId the store's id of the customer
	 * @param limit how many at most
	 * @return the webhooks, latest first
	 */
	public List<WebhookActivity> latest(String externalCustomerId, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM webhook_activity WHERE external_customer_id = :externalCustomerId
				ORDER BY processed_at DESC, occurred_at DESC FETCH FIRST :limit ROWS ONLY
				""").param("externalCustomerId", externalCustomerId).param("limit", limit).query(this::activity).list();
	}

	/**
	 * Returns whether a webhook of a type about a checkout was processed.
	 * @param externalCustomerId the store's id of the customer
	 * @param type the event type, such as {@code order.paid}
	 * @param checkoutId the checkout's id
	 * @return whether the store has processed one
	 */
	public boolean processed(String externalCustomerId, String type, String checkoutId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM webhook_activity
				WHERE external_customer_id = :externalCustomerId AND event_type = :type AND checkout_id = :checkoutId
				""")
			.param("externalCustomerId", externalCustomerId)
			.param("type", type)
			.param("checkoutId", checkoutId)
			.query(Long.class)
			.single() > 0;
	}

	private WebhookActivity activity(ResultSet row, int number) throws SQLException {
		return new WebhookActivity(row.getString("webhook_id"), row.getString("event_type"),
				row.getString("external_customer_id"), row.getString("checkout_id"), row.getString("outcome"),
				row.getTimestamp("occurred_at").toInstant(), row.getTimestamp("processed_at").toInstant());
	}

}
