package dev.polarspring.sample.entitlement;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code entitlement} table (see {@code schema.sql}).
 */
@Repository
public class EntitlementRepository {

	// Webhooks are delivered at least once and in any order: a row is only overwritten by
	// an event
	// at least as new as the one it came from, so a late retry of an old event changes
	// nothing.
	private static final String UPSERT = """
			MERGE INTO entitlement t
			USING (VALUES (:sourceId, :kind, :customerId, :externalCustomerId, :name, :detail, :active, :updatedAt))
				AS s(source_id, kind, customer_id, external_customer_id, name, detail, active, updated_at)
			ON t.source_id = s.source_id
			WHEN MATCHED AND t.updated_at <= s.updated_at THEN UPDATE SET
				kind = s.kind, customer_id = s.customer_id, external_customer_id = s.external_customer_id,
				name = s.name, detail = s.detail, active = s.active, updated_at = s.updated_at
			WHEN NOT MATCHED THEN INSERT (source_id, kind, customer_id, external_customer_id, name, detail, active, updated_at)
				VALUES (s.source_id, s.kind, s.customer_id, s.external_customer_id, s.name, s.detail, s.active, s.updated_at)
			""";

	private final JdbcClient jdbc;

	EntitlementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the entitlement, or updates the one with its source id unless that one is
	 * newer.
	 * @param entitlement the entitlement
	 */
	public void save(Entitlement entitlement) {
		try {
			upsert(entitlement);
		}
		catch (DuplicateKeyException ex) {
			// Two deliveries for one object raced to insert it; the second one updates
			// instead.
			upsert(entitlement);
		}
	}

	private void upsert(Entitlement entitlement) {
		this.jdbc.sql(UPSERT)
			.param("sourceId", entitlement.sourceId())
			.param("kind", entitlement.kind().name())
			.param("customerId", entitlement.customerId())
			.param("externalCustomerId", entitlement.externalCustomerId())
			.param("name", entitlement.name())
			.param("detail", entitlement.detail())
			.param("active", entitlement.active())
			.param("updatedAt", Timestamp.from(entitlement.updatedAt()))
			.update();
	}

	/**
	 * Returns what a customer owns or owned.
	 * @param externalCustomerId the store's id of the customer
	 * @return the entitlements, active ones first, then by name
	 */
	public List<Entitlement> findByExternalCustomerId(String externalCustomerId) {
		return this.jdbc.sql("""
				SELECT source_id, kind, customer_id, external_customer_id, name, detail, active, updated_at
				FROM entitlement WHERE external_customer_id = :externalCustomerId
				ORDER BY active DESC, kind, name
				""")
			.param("externalCustomerId", externalCustomerId)
			.query((row, number) -> new Entitlement(row.getString("source_id"),
					Entitlement.Kind.valueOf(row.getString("kind")), row.getString("customer_id"),
					row.getString("external_customer_id"), row.getString("name"), row.getString("detail"),
					row.getBoolean("active"), row.getTimestamp("updated_at").toInstant()))
			.list();
	}

}
