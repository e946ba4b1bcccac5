package dev.polarspring.boot.webhook;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The JDBC deduplication store's contract on a real PostgreSQL.
 */
class PostgresJdbcWebhookDeduplicationStoreTests extends JdbcWebhookDeduplicationStoreContractTests {

	private final HikariDataSource database = createDatabase();

	@Override
	protected DataSource dataSource() {
		return this.database;
	}

	@AfterEach
	void shutdown() {
		this.database.close();
	}

	private static HikariDataSource createDatabase() {
		HikariDataSource database = TestPostgres.newDataSource(8);
		new ResourceDatabasePopulator(new ClassPathResource("dev/polarspring/boot/webhook/schema-postgresql.sql"))
			.execute(database);
		return database;
	}

}
