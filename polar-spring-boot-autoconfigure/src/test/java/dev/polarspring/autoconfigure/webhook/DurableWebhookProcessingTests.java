package dev.polarspring.autoconfigure.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.polarspring.boot.webhook.TestPostgres;
import dev.polarspring.boot.webhook.inbox.JdbcWebhookInboxStore;
import dev.polarspring.boot.webhook.inbox.MicrometerWebhookInboxMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable processing end to end on a real PostgreSQL: deliveries posted to a real port,
 * answered once stored, dispatched by the workers with retries, failed after the last
 * attempt, listed and replayed through the {@code polarwebhooks} actuator endpoint, and
 * counted by the inbox meters.
 */
@SpringBootTest(classes = DurableTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DurableWebhookProcessingTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	InboxListener listener;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry registry;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		DurableTestApplication.register(registry);
		String url = TestPostgres.newDatabaseUrl();
		registry.add("spring.datasource.url", () -> url);
	}

	@BeforeEach
	void emptyInbox() {
		this.listener.clear();
		this.jdbc.update("DELETE FROM " + JdbcWebhookInboxStore.TABLE);
	}

	@Test
	void answersOnceStoredAndDispatchesOnAWorkerThreadAfterwards() throws Exception {
		this.listener.hold();
		String id = TestDeliveries.newId();
		byte[] body = TestDeliveries.body("order.paid");
		// The listener is held: a 202 now was not waiting for it.
		assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
			.isEqualTo(202);
		assertThat(status(id)).isIn("PENDING", "PROCESSING");
		await().atMost(WAIT).until(() -> this.listener.dispatches(id) == 1);
		assertThat(this.listener.threads())
			.allSatisfy((thread) -> assertThat(thread.getName()).startsWith("polar-webhook-inbox-"));
		this.listener.release();
		await().atMost(WAIT).until(() -> "PROCESSED".equals(status(id)));
		assertThat(this.listener.completions(id)).isOne();
	}

	@Test
	void answersARedelivery202WithoutStoringOrDispatchingItAgain() throws Exception {
		String id = TestDeliveries.newId();
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
			.isEqualTo(202);
		// Before and after it is processed.
		assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
			.isEqualTo(202);
		await().atMost(WAIT).until(() -> "PROCESSED".equals(status(id)));
		assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
			.isEqualTo(202);
		Thread.sleep(300);
		assertThat(this.listener.dispatches(id)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + JdbcWebhookInboxStore.TABLE, Integer.class))
			.isOne();
	}

	@Test
	void retriesAListenerThatFailsTwiceAndRollsBackTheFailedAttempts() throws Exception {
		this.listener.writeTo(this.jdbc);
		this.jdbc.update("DELETE FROM " + InboxListener.HANDLED_TABLE);
		String id = TestDeliveries.newId();
		this.listener.fail(id, 2);
		double retried = dispatches("retried");
		double processed = dispatches("processed");
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
			.isEqualTo(202);
		await().atMost(WAIT).until(() -> "PROCESSED".equals(status(id)));
		assertThat(this.listener.dispatches(id)).isEqualTo(3);
		assertThat(this.listener.completions(id)).isOne();
		assertThat(attempts(id)).isEqualTo(3);
		// What the two failed attempts wrote was rolled back; the third committed with
		// the mark.
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + InboxListener.HANDLED_TABLE + " WHERE delivery_id = ?", Integer.class, id))
			.isOne();
		assertThat(dispatches("retried") - retried).isEqualTo(2);
		assertThat(dispatches("processed") - processed).isEqualTo(1);
	}

	@Test
	void failsADeliveryAfterTheLastAttemptListsItAndProcessesItOnceReplayed() throws Exception {
		String id = TestDeliveries.newId();
		this.listener.failAlways(id);
		double failedBefore = dispatches("failed");
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
			.isEqualTo(202);
		await().atMost(WAIT).until(() -> "FAILED".equals(status(id)));
		// polar.webhook.inbox.max-attempts=3, and no more.
		Thread.sleep(300);
		assertThat(this.listener.dispatches(id)).isEqualTo(3);
		assertThat(dispatches("failed") - failedBefore).isEqualTo(1);
		assertThat(gauge(MicrometerWebhookInboxMetrics.FAILED)).isEqualTo(1);
		assertThat(gauge(MicrometerWebhookInboxMetrics.PENDING)).isZero();

		HttpResponse<String> inbox = WebhookHttp.get(this.port, "/actuator/polarwebhooks");
		assertThat(inbox.statusCode()).isEqualTo(200);
		String json = inbox.body();
		assertThat((Integer) JsonPath.read(json, "$.deliveries.failed")).isOne();
		assertThat((Integer) JsonPath.read(json, "$.deliveries.pending")).isZero();
		assertThat((String) JsonPath.read(json, "$.failed[0].id")).isEqualTo(id);
		assertThat((String) JsonPath.read(json, "$.failed[0].type")).isEqualTo("order.paid");
		assertThat((String) JsonPath.read(json, "$.failed[0].endpoint")).isEqualTo(WebhookHttp.PATH);
		assertThat((Integer) JsonPath.read(json, "$.failed[0].attempts")).isEqualTo(3);
		assertThat((String) JsonPath.read(json, "$.failed[0].lastErrorType"))
			.isEqualTo(IllegalStateException.class.getName());
		assertThat((String) JsonPath.read(json, "$.failed[0].lastErrorMessage"))
			.isEqualTo("Failing delivery " + id + " on purpose");
		assertThat((String) JsonPath.read(json, "$.failed[0].receivedAt")).isNotBlank();
		assertThat((String) JsonPath.read(json, "$.failed[0].lastAttemptAt")).isNotBlank();
		// Nothing of the secret, the signature or the payload.
		String orderId = JsonPath.read(new String(body, java.nio.charset.StandardCharsets.UTF_8), "$.data.id");
		assertThat(json).doesNotContain(TestDeliveries.SECRET, "whsec_", "v1,", orderId);

		this.listener.fix(id);
		HttpResponse<String> unknown = WebhookHttp.postEmpty(this.port, "/actuator/polarwebhooks/msg_unknown");
		assertThat((Integer) JsonPath.read(unknown.body(), "$.replayed")).isZero();
		HttpResponse<String> replay = WebhookHttp.postEmpty(this.port, "/actuator/polarwebhooks/" + id);
		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(replay.body(), "$.replayed")).isOne();
		await().atMost(WAIT).until(() -> "PROCESSED".equals(status(id)));
		assertThat(this.listener.dispatches(id)).isEqualTo(4);
		assertThat(this.listener.completions(id)).isOne();
		assertThat(gauge(MicrometerWebhookInboxMetrics.FAILED)).isZero();
		List<?> failed = JsonPath.read(WebhookHttp.get(this.port, "/actuator/polarwebhooks").body(), "$.failed");
		assertThat(failed).isEmpty();
	}

	@Test
	void replaysEveryFailedDelivery() throws Exception {
		List<String> ids = List.of(TestDeliveries.newId(), TestDeliveries.newId());
		byte[] body = TestDeliveries.body("subscription.created");
		for (String id : ids) {
			this.listener.failAlways(id);
			assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
				.isEqualTo(202);
		}
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> "FAILED".equals(status(id))));
		assertThat(gauge(MicrometerWebhookInboxMetrics.FAILED)).isEqualTo(2);
		ids.forEach(this.listener::fix);
		HttpResponse<String> replay = WebhookHttp.postEmpty(this.port, "/actuator/polarwebhooks");
		assertThat((Integer) JsonPath.read(replay.body(), "$.replayed")).isEqualTo(2);
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> "PROCESSED".equals(status(id))));
		assertThat(ids).allSatisfy((id) -> assertThat(this.listener.completions(id)).isOne());
	}

	@Test
	void gaugesShowTheDeliveriesNotProcessedYetAndTheAgeOfTheOldest() throws Exception {
		this.listener.hold();
		List<String> ids = List.of(TestDeliveries.newId(), TestDeliveries.newId(), TestDeliveries.newId());
		byte[] body = TestDeliveries.body("order.paid");
		for (String id : ids) {
			assertThat(WebhookHttp.post(this.port, body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
				.isEqualTo(202);
		}
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> this.listener.dispatches(id) == 1));
		Thread.sleep(50);
		assertThat(gauge(MicrometerWebhookInboxMetrics.PENDING)).isEqualTo(3);
		assertThat(gauge(MicrometerWebhookInboxMetrics.FAILED)).isZero();
		assertThat(gauge(MicrometerWebhookInboxMetrics.OLDEST_PENDING_AGE)).isPositive().isLessThan(60);
		Map<String, Object> inbox = JsonPath.read(WebhookHttp.get(this.port, "/actuator/polarwebhooks").body(),
				"$.deliveries");
		assertThat(inbox).containsEntry("processing", 3);
		this.listener.release();
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> "PROCESSED".equals(status(id))));
		assertThat(gauge(MicrometerWebhookInboxMetrics.PENDING)).isZero();
		assertThat(gauge(MicrometerWebhookInboxMetrics.OLDEST_PENDING_AGE)).isZero();
	}

	private String status(String id) {
		List<String> statuses = this.jdbc.queryForList(
				"SELECT status FROM " + JdbcWebhookInboxStore.TABLE + " WHERE delivery_id = ?", String.class, id);
		return statuses.isEmpty() ? "ABSENT" : statuses.get(0);
	}

	private int attempts(String id) {
		Integer attempts = this.jdbc.queryForObject(
				"SELECT attempts FROM " + JdbcWebhookInboxStore.TABLE + " WHERE delivery_id = ?", Integer.class, id);
		return (attempts != null) ? attempts : -1;
	}

	private double dispatches(String outcome) {
		return this.registry.find(MicrometerWebhookInboxMetrics.DISPATCHES)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

}
