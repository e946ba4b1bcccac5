package dev.polarspring.boot.webhook;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

class JdbcWebhookDeduplicationStoreTests extends JdbcWebhookDeduplicationStoreContractTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScript("classpath:dev/polarspring/boot/webhook/schema-h2.sql")
		.build();

	@Override
	protected DataSource dataSource() {
		return this.database;
	}

	@AfterEach
	void shutdown() {
		this.database.shutdown();
	}

}
