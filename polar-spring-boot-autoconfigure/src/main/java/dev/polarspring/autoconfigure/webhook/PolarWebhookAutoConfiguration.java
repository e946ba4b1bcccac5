package dev.polarspring.autoconfigure.webhook;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import dev.polarspring.boot.PolarConfigurationException;
import dev.polarspring.boot.webhook.InMemoryWebhookDeduplicationStore;
import dev.polarspring.boot.webhook.JdbcWebhookDeduplicationStore;
import dev.polarspring.boot.webhook.MicrometerWebhookDeliveryMetrics;
import dev.polarspring.boot.webhook.PolarWebhook;
import dev.polarspring.boot.webhook.PolarWebhookHandlerMapping;
import dev.polarspring.boot.webhook.TransactionalWebhookDispatchScope;
import dev.polarspring.boot.webhook.WebhookDeduplicationStore;
import dev.polarspring.boot.webhook.WebhookDeliveryMetrics;
import dev.polarspring.boot.webhook.WebhookDeliveryProcessor;
import dev.polarspring.boot.webhook.WebhookDispatchScope;
import dev.polarspring.boot.webhook.WebhookDispatcher;
import dev.polarspring.boot.webhook.WebhookEndpointSettings;
import dev.polarspring.boot.webhook.WebhookHandlerInvoker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.PropertiesBasedDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of Polar webhook endpoints in a servlet web application.
 *
 * <p>
 * Registers the {@linkplain PolarWebhookHandlerMapping mapping} that serves the default
 * endpoint ({@code polar.webhook.secret} at {@code polar.webhook.path}), the endpoints
 * under {@code polar.webhook.endpoints} and every {@link PolarWebhook @PolarWebhook}
 * method; the {@link WebhookDeduplicationStore} (in memory, or JDBC with
 * {@code polar.webhook.deduplication.store=jdbc}; a bean of your own wins) with inline
 * processing, the default; the {@code polar.webhook.deliveries} timer when Micrometer is
 * present; and one transaction per delivery when the application has a single transaction
 * manager, whose connection is taken at the first statement
 * ({@link TransactionalWebhookDispatchScope}). Durable processing
 * ({@code polar.webhook.processing=durable}) is configured by
 * {@link PolarWebhookInboxAutoConfiguration}.
 *
 * <p>
 * A {@link Clock} bean, when the application has exactly one, is the clock deliveries'
 * timestamps and the deduplication expiry are measured with.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(PolarWebhookProperties.class)
public final class PolarWebhookAutoConfiguration {

	@Bean
	PolarWebhookHandlerMapping polarWebhookHandlerMapping(PolarWebhookProperties properties,
			ObjectProvider<WebhookDeliveryProcessor> processor, WebhookHandlerInvoker invoker,
			ObjectProvider<WebhookDeliveryMetrics> metrics, ObjectProvider<Clock> clock) {
		WebhookDeliveryProcessor deliveries = processor.getIfAvailable(() -> {
			throw new PolarConfigurationException(
					"polar.webhook.processing=durable needs spring-jdbc and a single DataSource for its inbox",
					"add spring-boot-starter-jdbc and configure spring.datasource, or set "
							+ "polar.webhook.processing=inline");
		});
		return new PolarWebhookHandlerMapping(properties.toEndpointSettings(), clock.getIfUnique(Clock::systemUTC),
				invoker, deliveries, metrics.getIfAvailable(() -> WebhookDeliveryMetrics.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookHandlerInvoker polarWebhookHandlerInvoker(ApplicationEventPublisher publisher,
			ObjectProvider<WebhookDispatchScope> scope) {
		return new WebhookHandlerInvoker(publisher, scope.getIfAvailable(() -> WebhookDispatchScope.DIRECT));
	}

	@Bean
	@ConditionalOnMissingBean(WebhookDeliveryProcessor.class)
	@ConditionalOnProperty(name = "polar.webhook.processing", havingValue = "inline", matchIfMissing = true)
	WebhookDispatcher polarWebhookDispatcher(PolarWebhookProperties properties,
			ObjectProvider<WebhookDeduplicationStore> store, WebhookHandlerInvoker invoker) {
		WebhookDeduplicationStore deduplication = store.getIfAvailable(() -> {
			throw new PolarConfigurationException(
					"polar.webhook.deduplication.store=" + properties.getDeduplication().getStore().name().toLowerCase()
							+ " needs spring-jdbc and a single DataSource",
					"add spring-boot-starter-jdbc and configure spring.datasource, or set "
							+ "polar.webhook.deduplication.store=memory");
		});
		return new WebhookDispatcher(deduplication, invoker);
	}

	@Bean
	@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
	@ConditionalOnProperty(name = "polar.webhook.processing", havingValue = "inline", matchIfMissing = true)
	@ConditionalOnProperty(name = "polar.webhook.deduplication.store", havingValue = "memory", matchIfMissing = true)
	InMemoryWebhookDeduplicationStore polarWebhookDeduplicationStore(PolarWebhookProperties properties,
			ObjectProvider<Clock> clock) {
		PolarWebhookProperties.Deduplication deduplication = properties.getDeduplication();
		return new InMemoryWebhookDeduplicationStore(deduplication.getTtl(), deduplication.getMaxEntries(),
				clock.getIfUnique(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTemplate.class, PropertiesBasedDataSourceScriptDatabaseInitializer.class })
	@ConditionalOnProperty(name = "polar.webhook.processing", havingValue = "inline", matchIfMissing = true)
	@ConditionalOnProperty(name = "polar.webhook.deduplication.store", havingValue = "jdbc")
	@ConditionalOnSingleCandidate(DataSource.class)
	@EnableConfigurationProperties(PolarWebhookJdbcProperties.class)
	@Import(DatabaseInitializationDependencyConfigurer.class)
	static class JdbcDeduplicationConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "polarWebhookDeduplicationSchemaInitializer")
		PropertiesBasedDataSourceScriptDatabaseInitializer<PolarWebhookJdbcProperties> polarWebhookDeduplicationSchemaInitializer(
				DataSource dataSource, PolarWebhookJdbcProperties properties) {
			return new PropertiesBasedDataSourceScriptDatabaseInitializer<>(dataSource, properties);
		}

		@Bean
		@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
		@DependsOnDatabaseInitialization
		JdbcWebhookDeduplicationStore polarWebhookDeduplicationStore(DataSource dataSource,
				PolarWebhookProperties properties, ObjectProvider<Clock> clock) {
			PolarWebhookProperties.Deduplication deduplication = properties.getDeduplication();
			return new JdbcWebhookDeduplicationStore(new JdbcTemplate(dataSource), deduplication.getTtl(),
					deduplication.getClaimTimeout(), clock.getIfUnique(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TransactionTemplate.class)
	@ConditionalOnBooleanProperty(name = "polar.webhook.dispatch-in-transaction", matchIfMissing = true)
	static class TransactionalDispatchConfiguration {

		@Bean
		WebhookDispatchScope polarWebhookDispatchScope(ObjectProvider<PlatformTransactionManager> transactionManager) {
			PlatformTransactionManager manager = transactionManager.getIfUnique();
			if (manager == null) {
				return WebhookDispatchScope.DIRECT;
			}
			return new TransactionalWebhookDispatchScope(manager);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		WebhookDeliveryMetrics polarWebhookDeliveryMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meterRegistry = registry.getIfUnique();
			return (meterRegistry != null) ? new MicrometerWebhookDeliveryMetrics(meterRegistry)
					: WebhookDeliveryMetrics.NONE;
		}

	}

}
