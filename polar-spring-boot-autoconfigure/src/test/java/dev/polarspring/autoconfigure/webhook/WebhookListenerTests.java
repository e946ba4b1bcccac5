package dev.polarspring.autoconfigure.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.polarspring.client.webhook.OrderPaidEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listeners as applications write them: {@code @Async} ones, which answer Polar at once,
 * and {@code @TransactionalEventListener} ones, which run once the delivery's transaction
 * commits.
 */
@SpringBootTest(classes = WebhookListenerTests.ListenersApplication.class,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET,
				"spring.datasource.url=jdbc:h2:mem:webhook-listeners;DB_CLOSE_DELAY=-1" })
@AutoConfigureMockMvc
class WebhookListenerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Listeners listeners;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		this.listeners.reset();
		this.jdbc.update("DELETE FROM paid_order");
	}

	@Test
	void anAsyncListenerRunsOnAnotherThreadAfterTheAnswer() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		assertThat(post(body, headers)).isEqualTo(202);
		OrderPaidEvent event = this.listeners.async().get(10, TimeUnit.SECONDS);
		assertThat(event.delivery().id()).isEqualTo(headers.get("webhook-id"));
		assertThat(this.listeners.asyncThread()).isNotEqualTo(Thread.currentThread().getName());
	}

	@Test
	void aTransactionalListenerRunsAfterTheDeliveryCommits() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		assertThat(post(body, headers)).isEqualTo(202);
		assertThat(this.listeners.steps()).containsExactly("in transaction: true", "after commit");
		assertThat(this.jdbc.queryForList("SELECT delivery_id FROM paid_order", String.class))
			.containsExactly(headers.get("webhook-id"));
	}

	@Test
	void aFailingListenerRollsTheDeliveryBackAndSkipsTheTransactionalOnes() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		this.listeners.failAfterInsert(true);
		assertThat(post(body, headers)).isEqualTo(500);
		assertThat(this.listeners.steps()).containsExactly("in transaction: true");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_order", Integer.class)).isZero();
		this.listeners.failAfterInsert(false);
		this.listeners.steps().clear();
		assertThat(post(body, headers)).isEqualTo(202);
		assertThat(this.listeners.steps()).containsExactly("in transaction: true", "after commit");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_order", Integer.class)).isOne();
	}

	private int post(byte[] body, Map<String, String> headers) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/polar/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		headers.forEach(request::header);
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableAsync
	static class ListenersApplication {

		@Bean
		Listeners listeners(JdbcTemplate jdbc) {
			jdbc.execute("CREATE TABLE IF NOT EXISTS paid_order (delivery_id VARCHAR(255) PRIMARY KEY)");
			return new Listeners(jdbc);
		}

	}

	/**
	 * Listeners on a proxied bean (because of {@code @Async}): tests reach its state
	 * through methods, which the proxy forwards.
	 */
	static class Listeners {

		private final List<String> steps = new CopyOnWriteArrayList<>();

		private volatile CompletableFuture<OrderPaidEvent> async = new CompletableFuture<>();

		private volatile String asyncThread = "";

		private volatile boolean failAfterInsert;

		private final JdbcTemplate jdbc;

		Listeners(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		public List<String> steps() {
			return this.steps;
		}

		public CompletableFuture<OrderPaidEvent> async() {
			return this.async;
		}

		public String asyncThread() {
			return this.asyncThread;
		}

		public void failAfterInsert(boolean fail) {
			this.failAfterInsert = fail;
		}

		public void reset() {
			this.steps.clear();
			this.async = new CompletableFuture<>();
			this.failAfterInsert = false;
		}

		@EventListener
		void record(OrderPaidEvent event) {
			this.steps.add("in transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
			this.jdbc.update("INSERT INTO paid_order (delivery_id) VALUES (?)", event.delivery().id());
			if (this.failAfterInsert) {
				throw new IllegalStateException("stock service unavailable");
			}
		}

		@TransactionalEventListener
		void afterCommit(OrderPaidEvent event) {
			this.steps.add("after commit");
		}

		@Async
		@EventListener
		void later(OrderPaidEvent event) {
			this.asyncThread = Thread.currentThread().getName();
			this.async.complete(event);
		}

	}

}
