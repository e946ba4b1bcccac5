package dev.polarspring.autoconfigure.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.polarspring.boot.webhook.TestPostgres;
import dev.polarspring.client.webhook.OrderPaidEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Spring Modulith's event publication registry on the classpath, an
 * {@link ApplicationModuleListener @ApplicationModuleListener} receives Polar events
 * dispatched from the durable inbox: the worker's transaction per delivery records the
 * publication, the listener runs asynchronously once it committed, and the publication is
 * completed. On PostgreSQL: Modulith's H2 schema keeps a serialized event in 4,000
 * characters, fewer than most Polar events take.
 */
@SpringBootTest(classes = DurableWebhookModulithTests.ModulithApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET, "polar.webhook.processing=durable",
				"polar.webhook.inbox.poll-interval=100ms", "polar.webhook.inbox.initialize-schema=always",
				"spring.modulith.events.jdbc.schema-initialization.enabled=true" })
@DirtiesContext
class DurableWebhookModulithTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	ModuleListener listener;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = TestPostgres.newDatabaseUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@Test
	void anApplicationModuleListenerReceivesEventsFromTheInbox() throws Exception {
		String id = TestDeliveries.newId();
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(TestDeliveries.SECRET, id, body);
		assertThat(WebhookHttp.post(this.port, body, headers)).isEqualTo(202);
		await().atMost(WAIT).until(() -> !this.listener.received().isEmpty());
		OrderPaidEvent event = this.listener.received().get(0);
		assertThat(event.delivery().id()).isEqualTo(id);
		assertThat(event.data()).isNotNull();
		assertThat(this.listener.threads()).singleElement()
			.satisfies((thread) -> assertThat(thread).doesNotStartWith("polar-webhook-inbox-"));
		await().atMost(WAIT)
			.until(() -> this.completed.findAll()
				.stream()
				.anyMatch((publication) -> publication.getEvent() instanceof OrderPaidEvent paid
						&& paid.delivery().id().equals(id)));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
				Integer.class))
			.isZero();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableAsync
	static class ModulithApplication {

		@Bean
		ModuleListener moduleListener() {
			return new ModuleListener();
		}

	}

	static class ModuleListener {

		private final List<OrderPaidEvent> received = new CopyOnWriteArrayList<>();

		private final List<String> threads = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(OrderPaidEvent event) {
			this.threads.add(Thread.currentThread().getName());
			this.received.add(event);
		}

		// Read through methods: the bean is a proxy (the listener is asynchronous and
		// transactional).
		List<OrderPaidEvent> received() {
			return this.received;
		}

		List<String> threads() {
			return this.threads;
		}

	}

}
