package dev.polarspring.boot.webhook.inbox;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The portable claims (compare-and-set updates, what H2 and other databases use) under
 * PostgreSQL's real concurrency.
 */
class PostgresCompareAndSetWebhookInboxStoreTests extends WebhookInboxStoreContractTests {

	private final HikariDataSource database = PostgresJdbcWebhookInboxStoreTests.createDatabase();

	private final JdbcWebhookInboxStore store = new JdbcWebhookInboxStore(this.database,
			JdbcWebhookInboxStore.ClaimLocking.COMPARE_AND_SET);

	private final JdbcWebhookInboxStore otherInstance = new JdbcWebhookInboxStore(this.database,
			JdbcWebhookInboxStore.ClaimLocking.COMPARE_AND_SET);

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

}
