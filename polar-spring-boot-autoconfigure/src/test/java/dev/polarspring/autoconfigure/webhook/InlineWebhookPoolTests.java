package dev.polarspring.autoconfigure.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.polarspring.boot.webhook.TestPostgres;
import dev.polarspring.boot.webhook.TransactionalWebhookDispatchScope;
import dev.polarspring.boot.webhook.WebhookDispatchScope;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inline processing with the JDBC deduplication store on PostgreSQL and a pool of two
 * connections: deliveries whose listeners take time but use the database only briefly run
 * many at once, not two at a time, each in its transaction, and none is left claimed once
 * answered.
 */
@SpringBootTest(classes = InlineWebhookPoolTests.PoolApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET, "polar.webhook.deduplication.store=jdbc",
				"polar.webhook.deduplication.jdbc.initialize-schema=always", "spring.datasource.username=postgres",
				"spring.datasource.password=postgres",
				"spring.datasource.hikari.maximum-pool-size=" + InlineWebhookPoolTests.POOL_SIZE })
@DirtiesContext
class InlineWebhookPoolTests {

	static final int POOL_SIZE = 2;

	private static final int DELIVERIES = 24;

	@LocalServerPort
	int port;

	@Autowired
	SlowListener listener;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebhookDispatchScope scope;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = TestPostgres.newDatabaseUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void runsMoreDeliveriesAtOnceThanThePoolHasConnections() throws Exception {
		assertThat(this.scope).isInstanceOf(TransactionalWebhookDispatchScope.class);
		assertThat(((TransactionalWebhookDispatchScope) this.scope).isLazy()).isTrue();
		byte[] body = TestDeliveries.body("order.paid");
		List<CompletableFuture<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < DELIVERIES; i++) {
			answers.add(WebhookHttp.postAsync(this.port, body, TestDeliveries.signed(body)));
		}
		for (CompletableFuture<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(202);
		}
		assertThat(this.listener.handled).hasValue(DELIVERIES);
		assertThat(this.listener.inTransaction).hasValue(DELIVERIES);
		assertThat(this.listener.mostAtOnce.get()).isGreaterThan(2 * POOL_SIZE);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM polar_webhook_delivery WHERE status = 'IN_PROGRESS'",
				Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM polar_webhook_delivery", Integer.class))
			.isEqualTo(DELIVERIES);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PoolApplication {

		@Bean
		SlowListener slowListener(JdbcTemplate jdbc) {
			return new SlowListener(jdbc);
		}

	}

	/**
	 * Calls another API for half a second, then reads the database once.
	 */
	static class SlowListener {

		private final JdbcTemplate jdbc;

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicInteger handled = new AtomicInteger();

		final AtomicInteger inTransaction = new AtomicInteger();

		SlowListener(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@EventListener
		void on(PolarWebhookEvent event) throws InterruptedException {
			int now = this.running.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				Thread.sleep(500);
				this.jdbc.queryForObject("SELECT 1", Integer.class);
				if (TransactionSynchronizationManager.isActualTransactionActive()) {
					this.inTransaction.incrementAndGet();
				}
				this.handled.incrementAndGet();
			}
			finally {
				this.running.decrementAndGet();
			}
		}

	}

}
