package dev.polarspring.boot.webhook.inbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC inbox on H2, which claims with compare-and-set updates.
 */
class JdbcWebhookInboxStoreTests extends WebhookInboxStoreContractTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScript("classpath:dev/polarspring/boot/webhook/inbox/schema-h2.sql")
		.build();

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
		this.database.shutdown();
	}

	@Test
	void claimsByComparingTokensOnH2() {
		assertThat(this.store.locking()).isEqualTo(JdbcWebhookInboxStore.ClaimLocking.COMPARE_AND_SET);
	}

}
