package dev.polarspring.autoconfigure.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;

/**
 * Settings of the JDBC deduplication store ({@code polar.webhook.deduplication.jdbc.*}):
 * whether and with which script its table is created. By default the table is created in
 * embedded databases only; for PostgreSQL run {@code schema-postgresql.sql} with your
 * migrations, or set {@code initialize-schema=always} (the script only creates what is
 * missing).
 */
@ConfigurationProperties("polar.webhook.deduplication.jdbc")
public class PolarWebhookJdbcProperties extends DatabaseInitializationProperties {

	private static final String DEFAULT_SCHEMA_LOCATION = "classpath:dev/polarspring/boot/webhook/schema-@@platform@@.sql";

	@Override
	public String getDefaultSchemaLocation() {
		return DEFAULT_SCHEMA_LOCATION;
	}

}
