package dev.polarspring.autoconfigure.webhook;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.polarspring.autoconfigure.actuate.PolarWebhooksEndpointAutoConfiguration;
import dev.polarspring.boot.webhook.WebhookDeduplicationStore;
import dev.polarspring.boot.webhook.WebhookDeliveryProcessor;
import dev.polarspring.boot.webhook.WebhookDispatcher;
import dev.polarspring.boot.webhook.inbox.JdbcWebhookInboxStore;
import dev.polarspring.boot.webhook.inbox.MicrometerWebhookInboxMetrics;
import dev.polarspring.boot.webhook.inbox.PolarWebhooksEndpoint;
import dev.polarspring.boot.webhook.inbox.WebhookInboxIntake;
import dev.polarspring.boot.webhook.inbox.WebhookInboxMetrics;
import dev.polarspring.boot.webhook.inbox.WebhookInboxStore;
import dev.polarspring.boot.webhook.inbox.WebhookInboxWorker;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.task.TaskDecorator;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class PolarWebhookInboxAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				PolarWebhookAutoConfiguration.class, PolarWebhookInboxAutoConfiguration.class,
				PolarWebhooksEndpointAutoConfiguration.class))
		.withPropertyValues("polar.webhook.processing=durable");

	@Test
	void storesDeliveriesInTheInboxOfTheApplicationsDatabase() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JdbcWebhookInboxStore.class)
				.hasSingleBean(WebhookInboxWorker.class)
				.doesNotHaveBean(WebhookDispatcher.class)
				.doesNotHaveBean(WebhookDeduplicationStore.class);
			assertThat(context.getBean(WebhookDeliveryProcessor.class)).isInstanceOf(WebhookInboxIntake.class);
			assertThat(context.getBean(WebhookInboxWorker.class).isRunning()).isTrue();
			// The table is created in an embedded database.
			assertThat(inboxRows(context)).isZero();
		});
	}

	@Test
	void processesInlineByDefault() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					PolarWebhookAutoConfiguration.class, PolarWebhookInboxAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(WebhookDispatcher.class)
				.doesNotHaveBean(WebhookInboxStore.class)
				.doesNotHaveBean(WebhookInboxWorker.class));
	}

	@Test
	void leavesTheSchemaAloneWhenToldTo() {
		this.runner.withPropertyValues("polar.webhook.inbox.initialize-schema=never")
			.run((context) -> assertThatExceptionOfType(BadSqlGrammarException.class)
				.isThrownBy(() -> inboxRows(context)));
	}

	@Test
	void usesTheApplicationsOwnStore() {
		EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.addScript("classpath:dev/polarspring/boot/webhook/inbox/schema-h2.sql")
			.build();
		try {
			WebhookInboxStore own = new JdbcWebhookInboxStore(database);
			this.runner.withBean(WebhookInboxStore.class, () -> own)
				.run((context) -> assertThat(context).getBean(WebhookInboxStore.class).isSameAs(own));
		}
		finally {
			database.shutdown();
		}
	}

	@Test
	void countsWithMicrometerWhenTheApplicationHasARegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context.getBean(WebhookInboxMetrics.class)).isInstanceOf(MicrometerWebhookInboxMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(MicrometerWebhookInboxMetrics.PENDING).gauge().value()).isZero();
			assertThat(registry.get(MicrometerWebhookInboxMetrics.FAILED).gauge().value()).isZero();
			assertThat(registry.get(MicrometerWebhookInboxMetrics.OLDEST_PENDING_AGE).gauge().value()).isZero();
		});
	}

	@Test
	void offersTheActuatorEndpointOnceExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(PolarWebhooksEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=polarwebhooks")
			.run((context) -> assertThat(context).hasSingleBean(PolarWebhooksEndpoint.class));
	}

	@Test
	void runsTheWorkersOnBootsTaskExecutionWithTheApplicationsTaskDecorator() {
		AtomicInteger decorated = new AtomicInteger();
		this.runner.withBean(InboxListener.class).withBean(TaskDecorator.class, () -> (runnable) -> {
			decorated.incrementAndGet();
			return runnable;
		}).run((context) -> {
			assertThat(dispatchedOn(context).getName())
				.startsWith(PolarWebhookInboxAutoConfiguration.THREAD_NAME_PREFIX);
			assertThat(isVirtual(dispatchedOn(context))).isFalse();
			// The poller and the four worker loops.
			assertThat(decorated).hasValue(5);
		});
	}

	@Test
	void runsTheWorkersOnVirtualThreadsWhenEnabledAndTheJvmHasThem() {
		this.runner.withBean(InboxListener.class)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				Thread thread = dispatchedOn(context);
				assertThat(thread.getName()).startsWith(PolarWebhookInboxAutoConfiguration.THREAD_NAME_PREFIX);
				// Java 21 and later; Spring Boot ignores the property before.
				assertThat(isVirtual(thread)).isEqualTo(Runtime.version().feature() >= 21);
			});
	}

	private static Thread dispatchedOn(AssertableWebApplicationContext context) {
		InboxListener listener = context.getBean(InboxListener.class);
		if (listener.threads().isEmpty()) {
			byte[] body = TestDeliveries.body("order.paid");
			String id = TestDeliveries.newId();
			context.getBean(WebhookDeliveryProcessor.class)
				.process("/polar/webhooks", PolarWebhookEvents.decode(body, new WebhookDelivery(id, Instant.now())),
						body);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.completions(id) == 1);
		}
		return listener.threads().iterator().next();
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		Method isVirtual;
		try {
			isVirtual = Thread.class.getMethod("isVirtual");
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		return (boolean) isVirtual.invoke(thread);
	}

	private static int inboxRows(AssertableWebApplicationContext context) {
		Integer rows = new JdbcTemplate(context.getBean(DataSource.class))
			.queryForObject("SELECT COUNT(*) FROM " + JdbcWebhookInboxStore.TABLE, Integer.class);
		return (rows != null) ? rows : -1;
	}

}
