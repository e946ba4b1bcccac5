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

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@link JdbcWebhookDeduplicationStore} promises on top of every store's
 * contract, run on each database: H2 and PostgreSQL.
 */
abstract class JdbcWebhookDeduplicationStoreContractTests extends WebhookDeduplicationStoreContractTests {

	private JdbcTemplate jdbc;

	private JdbcWebhookDeduplicationStore store;

	/**
	 * Returns the database under test, with the store's table created and empty.
	 * @return the database
	 */
	protected abstract DataSource dataSource();

	@Override
	protected WebhookDeduplicationStore store() {
		if (this.store == null) {
			this.jdbc = new JdbcTemplate(dataSource());
			this.store = newStore();
		}
		return this.store;
	}

	@Test
	void claimIsARowInProgress() {
		store().claim("a");
		assertThat(jdbc().queryForObject("SELECT status FROM polar_webhook_delivery WHERE delivery_id = 'a'",
				String.class))
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void deletesExpiredRows() {
		store().complete(store().claim("a"));
		store().complete(store().claim("b"));
		this.clock.advance(Duration.ofHours(2));
		store().claim("c");
		assertThat(jdbc().queryForList("SELECT delivery_id FROM polar_webhook_delivery", String.class))
			.containsExactly("c");
	}

	@Test
	void takesOverAClaimLeftPastTheClaimTimeout() {
		WebhookClaim stale = store().claim("a");
		this.clock.advance(Duration.ofSeconds(119));
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
		this.clock.advance(Duration.ofSeconds(1));
		WebhookClaim takenOver = store().claim("a");
		assertThat(takenOver.status()).isEqualTo(WebhookClaim.Status.CLAIMED);
		// The attempt that lost its claim can neither release nor complete the new one.
		store().release(stale);
		store().complete(stale);
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
		store().complete(takenOver);
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.DONE);
	}

	@Test
	void twoInstancesRacingOnOneIdClaimItOnce() throws Exception {
		List<JdbcWebhookDeduplicationStore> instances = List.of((JdbcWebhookDeduplicationStore) store(), newStore());
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

	private JdbcTemplate jdbc() {
		store();
		return this.jdbc;
	}

	private JdbcWebhookDeduplicationStore newStore() {
		return new JdbcWebhookDeduplicationStore(this.jdbc, Duration.ofHours(1), Duration.ofMinutes(2), this.clock);
	}

}
