package dev.polarspring.boot.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScript("classpath:dev/polarspring/boot/webhook/schema-h2.sql")
		.build();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database);

	private final JdbcWebhookDeduplicationStore store = newStore();

	@Override
	protected WebhookDeduplicationStore store() {
		return this.store;
	}

	@AfterEach
	void shutdown() {
		this.database.shutdown();
	}

	@Test
	void claimIsARowInProgress() {
		this.store.claim("a");
		assertThat(this.jdbc.queryForObject("SELECT status FROM polar_webhook_delivery WHERE delivery_id = 'a'",
				String.class))
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void deletesExpiredRows() {
		this.store.complete(this.store.claim("a"));
		this.store.complete(this.store.claim("b"));
		this.clock.advance(Duration.ofHours(2));
		this.store.claim("c");
		assertThat(this.jdbc.queryForList("SELECT delivery_id FROM polar_webhook_delivery", String.class))
			.containsExactly("c");
	}

	@Test
	void takesOverAClaimLeftPastTheClaimTimeout() {
		WebhookClaim stale = this.store.claim("a");
		this.clock.advance(Duration.ofSeconds(119));
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
		this.clock.advance(Duration.ofSeconds(1));
		WebhookClaim takenOver = this.store.claim("a");
		assertThat(takenOver.status()).isEqualTo(WebhookClaim.Status.CLAIMED);
		// The attempt that lost its claim can neither release nor complete the new one.
		this.store.release(stale);
		this.store.complete(stale);
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
		this.store.complete(takenOver);
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.DONE);
	}

	@Test
	void twoInstancesRacingOnOneIdClaimItOnce() throws Exception {
		List<JdbcWebhookDeduplicationStore> instances = List.of(this.store, newStore());
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 50; round++) {
				String id = "msg_" + round;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<WebhookClaim>> claims = new ArrayList<>();
				for (int attempt = 0; attempt < 8; attempt++) {
					JdbcWebhookDeduplicationStore instance = instances.get(attempt % 2);
					Callable<WebhookClaim> claim = () -> {
						start.await();
						return instance.claim(id);
					};
					claims.add(executor.submit(claim));
				}
				start.countDown();
				int claimed = 0;
				for (Future<WebhookClaim> claim : claims) {
					if (claim.get(10, TimeUnit.SECONDS).status() == WebhookClaim.Status.CLAIMED) {
						claimed++;
					}
				}
				assertThat(claimed).as(id).isEqualTo(1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private JdbcWebhookDeduplicationStore newStore() {
		return new JdbcWebhookDeduplicationStore(this.jdbc, Duration.ofHours(1), Duration.ofMinutes(2), this.clock);
	}

}
