package dev.polarspring.boot.webhook;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Runs each dispatch in one transaction of the application's transaction manager, taking
 * a pooled connection only once a handler or listener uses the database.
 *
 * <p>
 * A plain {@link DataSourceTransactionManager} takes a connection from the pool when the
 * transaction begins and holds it until it ends, so every delivery whose listeners are
 * running would hold one, even listeners that never touch the database (an email, a call
 * to another API): with Hikari's default pool of 10, at most 10 deliveries could run at
 * once and the rest would wait, then fail, for a connection. This scope therefore begins
 * the transaction on a {@link LazyConnectionDataSourceProxy} of the same
 * {@link DataSource}: the physical connection is fetched at the first statement, with the
 * transaction's settings, and returned when the transaction ends; a dispatch that runs no
 * statement commits without ever taking one.
 *
 * <p>
 * It is the same transaction for the application's code: the connection is bound to the
 * thread under the application's own {@code DataSource} (the proxy is an
 * {@link InfrastructureProxy} of it), so {@code JdbcTemplate}, {@code JdbcClient}, Spring
 * Data JDBC and {@code @Transactional} methods of the application's transaction manager
 * all join it, a failure anywhere rolls everything back, and
 * {@code @TransactionalEventListener} methods run after it commits. This applies to the
 * stock {@link DataSourceTransactionManager} and {@link JdbcTransactionManager} (Spring
 * Boot's default), whose settings are copied; any other transaction manager (JPA, a
 * subclass) is used as it is.
 */
public final class TransactionalWebhookDispatchScope implements WebhookDispatchScope {

	private static final boolean JDBC_PRESENT = ClassUtils.isPresent(
			"org.springframework.jdbc.datasource.DataSourceTransactionManager",
			TransactionalWebhookDispatchScope.class.getClassLoader());

	private final TransactionTemplate transaction;

	private final boolean lazy;

	/**
	 * Creates a scope running each dispatch in a transaction of the given manager.
	 * @param transactionManager the application's transaction manager
	 */
	public TransactionalWebhookDispatchScope(PlatformTransactionManager transactionManager) {
		PlatformTransactionManager lazyManager = JDBC_PRESENT
				? LazyConnectionTransactionManagers.lazilyConnecting(transactionManager) : transactionManager;
		this.lazy = lazyManager != transactionManager;
		this.transaction = new TransactionTemplate(lazyManager);
	}

	@Override
	public void run(Runnable dispatch) {
		this.transaction.executeWithoutResult((status) -> dispatch.run());
	}

	/**
	 * Whether transactions take their connection at the first statement rather than when
	 * they begin.
	 * @return whether the connection is bound lazily
	 */
	public boolean isLazy() {
		return this.lazy;
	}

	@Override
	public String toString() {
		return "TransactionalWebhookDispatchScope[lazy=" + this.lazy + "]";
	}

}
