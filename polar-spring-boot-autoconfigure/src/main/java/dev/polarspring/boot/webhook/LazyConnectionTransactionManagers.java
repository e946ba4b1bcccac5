package dev.polarspring.boot.webhook;

import javax.sql.DataSource;

import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the lazily connecting copy of a JDBC transaction manager that
 * {@link TransactionalWebhookDispatchScope} uses; kept apart so the scope loads where
 * spring-jdbc is absent.
 */
final class LazyConnectionTransactionManagers {

	private LazyConnectionTransactionManagers() {
	}

	/**
	 * Returns a copy of a stock JDBC transaction manager that takes its connection at the
	 * first statement, or the manager itself when it is of another kind.
	 * @param manager the application's transaction manager
	 * @return the manager to begin dispatch transactions with
	 */
	static PlatformTransactionManager lazilyConnecting(PlatformTransactionManager manager) {
		Class<?> type = manager.getClass();
		if (type != DataSourceTransactionManager.class && type != JdbcTransactionManager.class) {
			return manager;
		}
		DataSourceTransactionManager original = (DataSourceTransactionManager) manager;
		DataSource target = original.getDataSource();
		if (target == null) {
			return manager;
		}
		DataSource lazyDataSource = new LazyBoundDataSource(target);
		DataSourceTransactionManager copy;
		if (original instanceof JdbcTransactionManager jdbc) {
			JdbcTransactionManager jdbcCopy = new JdbcTransactionManager(lazyDataSource);
			jdbcCopy.setExceptionTranslator(jdbc.getExceptionTranslator());
			copy = jdbcCopy;
		}
		else {
			copy = new DataSourceTransactionManager(lazyDataSource);
		}
		copy.setEnforceReadOnly(original.isEnforceReadOnly());
		copy.setTransactionSynchronization(original.getTransactionSynchronization());
		copy.setDefaultTimeout(original.getDefaultTimeout());
		copy.setNestedTransactionAllowed(original.isNestedTransactionAllowed());
		copy.setValidateExistingTransaction(original.isValidateExistingTransaction());
		copy.setGlobalRollbackOnParticipationFailure(original.isGlobalRollbackOnParticipationFailure());
		copy.setFailEarlyOnGlobalRollbackOnly(original.isFailEarlyOnGlobalRollbackOnly());
		copy.setRollbackOnCommitFailure(original.isRollbackOnCommitFailure());
		copy.setTransactionExecutionListeners(original.getTransactionExecutionListeners());
		return copy;
	}

	/**
	 * A lazy proxy that transaction synchronization treats as the data source it wraps,
	 * so the connection it binds is the one the application's code finds.
	 */
	private static final class LazyBoundDataSource extends LazyConnectionDataSourceProxy
			implements InfrastructureProxy {

		private final DataSource target;

		LazyBoundDataSource(DataSource target) {
			super(target);
			this.target = target;
		}

		@Override
		public Object getWrappedObject() {
			return this.target;
		}

	}

}
