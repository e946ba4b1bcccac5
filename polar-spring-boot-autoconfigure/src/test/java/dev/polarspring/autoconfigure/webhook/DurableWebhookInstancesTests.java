package dev.polarspring.autoconfigure.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import dev.polarspring.boot.webhook.TestPostgres;
import dev.polarspring.boot.webhook.inbox.JdbcWebhookInboxStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application sharing one PostgreSQL inbox, as two replicas behind a
 * load balancer would: every delivery is dispatched once whichever instance received it,
 * duplicates posted to both instances at the same instant included; a stopping instance
 * gives back what it was dispatching; and the deliveries of an instance that lost the
 * database in the middle of dispatching them are taken over once their claims expire.
 */
class DurableWebhookInstancesTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final String databaseUrl = TestPostgres.newDatabaseUrl();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void dispatchesEveryDeliveryOnceWhicheverInstanceReceivedIt() throws Exception {
		ConfigurableApplicationContext first = start();
		ConfigurableApplicationContext second = start();
		listener(first).takeTime(Duration.ofMillis(5));
		listener(second).takeTime(Duration.ofMillis(5));
		Random random = new Random(7);
		List<byte[]> bodies = List.of(TestDeliveries.body("order.paid"), TestDeliveries.body("subscription.created"),
				TestDeliveries.body("checkout.updated"));
		List<String> ids = new ArrayList<>();
		List<Runnable> sends = new ArrayList<>();
		List<CompletableFuture<Integer>> answers = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 300; i++) {
			String id = TestDeliveries.newId();
			ids.add(id);
			byte[] body = bodies.get(i % bodies.size());
			Map<String, String> headers = TestDeliveries.signed(TestDeliveries.SECRET, id, body);
			int instance = random.nextInt(2);
			if (i % 5 == 0) {
				// Polar's retry reaching the other instance in the same instant.
				sends.add(() -> {
					answers.add(WebhookHttp.postAsync(port(first), body, headers));
					answers.add(WebhookHttp.postAsync(port(second), body, headers));
				});
			}
			else {
				sends.add(() -> answers
					.add(WebhookHttp.postAsync(port((instance == 0) ? first : second), body, headers)));
			}
		}
		Collections.shuffle(sends, random);
		sends.forEach(Runnable::run);
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
		assertThat(answers).hasSize(360).allSatisfy((answer) -> assertThat(answer.get()).isEqualTo(202));

		JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
		await().atMost(WAIT).until(() -> count(jdbc, "PROCESSED") == ids.size());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + JdbcWebhookInboxStore.TABLE, Integer.class))
			.isEqualTo(ids.size());
		Map<String, Integer> dispatches = new HashMap<>(listener(first).allDispatches());
		listener(second).allDispatches().forEach((id, count) -> dispatches.merge(id, count, Integer::sum));
		assertThat(dispatches).hasSize(ids.size())
			.containsOnlyKeys(ids)
			.allSatisfy((id, count) -> assertThat(count).as("dispatches of %s", id).isOne());
		// Both instances took part.
		assertThat(listener(first).allDispatches()).isNotEmpty();
		assertThat(listener(second).allDispatches()).isNotEmpty();
	}

	@Test
	void aStoppingInstanceGivesBackWhatItWasDispatching() throws Exception {
		ConfigurableApplicationContext stopping = start("polar.webhook.inbox.shutdown-timeout=200ms");
		InboxListener stoppingListener = listener(stopping);
		stoppingListener.hold();
		List<String> ids = postTo(stopping, 3);
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> stoppingListener.dispatches(id) == 1));
		// Started once the first one holds them all, so it cannot have claimed any.
		ConfigurableApplicationContext other = start();
		JdbcTemplate jdbc = other.getBean(JdbcTemplate.class);
		assertThat(count(jdbc, "PROCESSING")).isEqualTo(3);

		stopping.close();
		// Nothing left claimed by the stopped instance; the other one has them at once,
		// long before the one-minute claim timeout.
		await().atMost(Duration.ofSeconds(10)).until(() -> count(jdbc, "PROCESSED") == 3);
		assertThat(ids).allSatisfy((id) -> {
			assertThat(listener(other).completions(id)).isOne();
			// The interrupted dispatch was given back, not counted as a failed attempt
			// (that would be 2 attempts now).
			assertThat(attempts(jdbc, id)).isOne();
		});
		assertThat(ids).allSatisfy((id) -> assertThat(stoppingListener.completions(id)).isZero());
	}

	@Test
	void takesOverTheDeliveriesOfAnInstanceThatDiedAfterTheClaimTimeout() throws Exception {
		Duration claimTimeout = Duration.ofSeconds(2);
		ConfigurableApplicationContext dying = start(
				"polar.webhook.inbox.claim-timeout=" + claimTimeout.toMillis() + "ms",
				"polar.webhook.inbox.shutdown-timeout=100ms");
		listener(dying).hold();
		List<String> ids = postTo(dying, 3);
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> listener(dying).dispatches(id) == 1));
		ConfigurableApplicationContext survivor = start();
		// While the instance lives it renews its claims: nothing is taken over, however
		// long its listeners take.
		Thread.sleep(claimTimeout.toMillis() + 500);
		assertThat(ids).allSatisfy((id) -> assertThat(listener(survivor).dispatches(id)).isZero());

		// The instance loses its database, as a crashed or partitioned one does: it can
		// neither renew nor give back its claims.
		long died = System.nanoTime();
		dying.getBean(HikariDataSource.class).close();
		dying.close();
		JdbcTemplate jdbc = survivor.getBean(JdbcTemplate.class);
		await().atMost(WAIT).until(() -> count(jdbc, "PROCESSED") == 3);
		Duration takenOverAfter = Duration.ofNanos(System.nanoTime() - died);
		// The last renewal was at most a third of the timeout before the crash.
		assertThat(takenOverAfter).isGreaterThanOrEqualTo(claimTimeout.multipliedBy(2).dividedBy(3).minusMillis(100));
		assertThat(ids).allSatisfy((id) -> {
			assertThat(listener(survivor).completions(id)).isOne();
			// The dead instance's attempt counts.
			assertThat(attempts(jdbc, id)).isEqualTo(2);
		});
	}

	private ConfigurableApplicationContext start(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DurableTestApplication.class)
			.properties(DurableTestApplication.PROPERTIES)
			.properties("server.port=0", "spring.datasource.url=" + this.databaseUrl)
			.properties(properties)
			.run();
		this.instances.add(context);
		return context;
	}

	private static List<String> postTo(ConfigurableApplicationContext instance, int count) throws Exception {
		List<String> ids = new ArrayList<>();
		byte[] body = TestDeliveries.body("order.paid");
		for (int i = 0; i < count; i++) {
			String id = TestDeliveries.newId();
			assertThat(WebhookHttp.post(port(instance), body, TestDeliveries.signed(TestDeliveries.SECRET, id, body)))
				.isEqualTo(202);
			ids.add(id);
		}
		return ids;
	}

	private static InboxListener listener(ConfigurableApplicationContext instance) {
		return instance.getBean(InboxListener.class);
	}

	private static int port(ConfigurableApplicationContext instance) {
		return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static int count(JdbcTemplate jdbc, String status) {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + JdbcWebhookInboxStore.TABLE + " WHERE status = ?",
				Integer.class, status);
		return (count != null) ? count : -1;
	}

	private static int attempts(JdbcTemplate jdbc, String id) {
		Integer attempts = jdbc.queryForObject(
				"SELECT attempts FROM " + JdbcWebhookInboxStore.TABLE + " WHERE delivery_id = ?", Integer.class, id);
		return (attempts != null) ? attempts : -1;
	}

}
