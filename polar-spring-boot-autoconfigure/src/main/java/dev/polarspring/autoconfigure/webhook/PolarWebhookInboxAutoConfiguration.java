package dev.polarspring.autoconfigure.webhook;

import java.time.Clock;

import javax.sql.DataSource;

import dev.polarspring.boot.webhook.WebhookHandlerInvoker;
import dev.polarspring.boot.webhook.inbox.JdbcWebhookInboxStore;
import dev.polarspring.boot.webhook.inbox.MicrometerWebhookInboxMetrics;
import dev.polarspring.boot.webhook.inbox.WebhookInboxIntake;
import dev.polarspring.boot.webhook.inbox.WebhookInboxMetrics;
import dev.polarspring.boot.webhook.inbox.WebhookInboxSettings;
import dev.polarspring.boot.webhook.inbox.WebhookInboxStore;
import dev.polarspring.boot.webhook.inbox.WebhookInboxWorker;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.PropertiesBasedDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of durable webhook processing
 * ({@code polar.webhook.processing=durable}): the inbox table in the application's
 * {@link DataSource} (created in embedded databases, or as
 * {@code polar.webhook.inbox.initialize-schema} says), the {@link WebhookInboxStore} on
 * it (a bean of your own wins), the intake the endpoints store deliveries through, the
 * {@link WebhookInboxWorker} that dispatches them, and the inbox meters when Micrometer
 * is present.
 *
 * <p>
 * The workers run on an executor built with Spring Boot's
 * {@link SimpleAsyncTaskExecutorBuilder}, so {@code spring.threads.virtual.enabled=true}
 * puts them on virtual threads and the application's task decorator applies; it is not
 * registered as a bean, so it does not replace the application's own task executor.
 * Without a single {@code DataSource} nothing here applies, and the webhook endpoints
 * fail at startup naming {@code polar.webhook.processing}.
 */
@AutoConfiguration(before = PolarWebhookAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, JdbcTemplate.class,
		PropertiesBasedDataSourceScriptDatabaseInitializer.class })
@ConditionalOnProperty(name = "polar.webhook.processing", havingValue = "durable")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(PolarWebhookInboxProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class PolarWebhookInboxAutoConfiguration {

	/**
	 * Prefix of the names of the inbox workers' threads.
	 */
	static final String THREAD_NAME_PREFIX = "polar-webhook-inbox-";

	@Bean
	@ConditionalOnMissingBean(name = "polarWebhookInboxSchemaInitializer")
	PropertiesBasedDataSourceScriptDatabaseInitializer<PolarWebhookInboxProperties> polarWebhookInboxSchemaInitializer(
			DataSource dataSource, PolarWebhookInboxProperties properties) {
		return new PropertiesBasedDataSourceScriptDatabaseInitializer<>(dataSource, properties);
	}

	@Bean
	@ConditionalOnMissingBean(WebhookInboxStore.class)
	@DependsOnDatabaseInitialization
	JdbcWebhookInboxStore polarWebhookInboxStore(DataSource dataSource) {
		return new JdbcWebhookInboxStore(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookInboxWorker polarWebhookInboxWorker(WebhookInboxStore store, WebhookHandlerInvoker invoker,
			PolarWebhookInboxProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<SimpleAsyncTaskExecutorBuilder> executorBuilder, ObjectProvider<WebhookInboxMetrics> metrics,
			Environment environment) {
		WebhookInboxSettings settings = properties.toSettings();
		SimpleAsyncTaskExecutor executor = executorBuilder.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new)
			.virtualThreads(Threading.VIRTUAL.isActive(environment))
			.threadNamePrefix(THREAD_NAME_PREFIX)
			// The poller and every worker loop run at once, for as long as the worker
			// runs.
			.concurrencyLimit(settings.workers() + 1)
			.build();
		return new WebhookInboxWorker(store, invoker, settings, clock.getIfUnique(Clock::systemUTC), executor,
				metrics.getIfAvailable(() -> WebhookInboxMetrics.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookInboxIntake polarWebhookInboxIntake(WebhookInboxStore store, WebhookInboxWorker worker,
			ObjectProvider<Clock> clock) {
		return new WebhookInboxIntake(store, clock.getIfUnique(Clock::systemUTC), worker::wakeUp);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	// Repeated here for applications whose component scan finds this class on its own.
	@ConditionalOnProperty(name = "polar.webhook.processing", havingValue = "durable")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebhookInboxMetrics polarWebhookInboxMetrics(ObjectProvider<MeterRegistry> registry, WebhookInboxStore store,
				ObjectProvider<Clock> clock) {
			MeterRegistry meterRegistry = registry.getIfUnique();
			return (meterRegistry != null)
					? new MicrometerWebhookInboxMetrics(meterRegistry, store, clock.getIfUnique(Clock::systemUTC))
					: WebhookInboxMetrics.NONE;
		}

	}

}
