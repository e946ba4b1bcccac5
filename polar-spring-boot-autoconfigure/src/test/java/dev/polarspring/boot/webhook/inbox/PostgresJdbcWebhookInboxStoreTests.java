package dev.polarspring.boot.webhook.inbox;

import com.zaxxer.hikari.HikariDataSource;
import dev.polarspring.boot.webhook.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC inbox on a real PostgreSQL, which claims with {@code FOR UPDATE SKIP LOCKED}.
 */
class PostgresJdbcWebhookInboxStoreTests extends WebhookInboxStoreContractTests {

	private final HikariDataSource database = createDatabase();

	private final JdbcWebhookInboxStore store = new JdbcWebhookInboxStore(this.database);

	private final JdbcWebhookInboxStore otherInstance = new JdbcWebhookInboxStore(this.database);

	@Override
	protected WebhookInboxStore store() {
		return this.store;
	}

	@Override
	protected WebhookInboxStore otherInstance() {
		return this.otherInstance;
	}

	@AfterEach
	void shutdown() {
		this.database.close();
	}

	@Test
	void claimsSkippingLockedRowsOnPostgres() {
		assertThat(this.store.locking()).isEqualTo(JdbcWebhookInboxStore.ClaimLocking.SKIP_LOCKED);
	}

	static HikariDataSource createDatabase() {
		HikariDataSource database = TestPostgres.newDataSource(10);
		new ResourceDatabasePopulator(new ClassPathResource("dev/polarspring/boot/webhook/inbox/schema-postgresql.sql"))
			.execute(database);
		return database;
	}

}
