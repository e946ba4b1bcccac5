package dev.polarspring.boot.webhook.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WebhookInboxStore} promises, run against each implementation and
 * database.
 */
abstract class WebhookInboxStoreContractTests {

	static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	static final Duration LEASE = Duration.ofMinutes(1);

	/**
	 * Returns the store under test, on an empty inbox.
	 * @return the store
	 */
	protected abstract WebhookInboxStore store();

	/**
	 * Returns another store on the same inbox, as a second instance of the application
	 * would have.
	 * @return another store
	 */
	protected abstract WebhookInboxStore otherInstance();

	static WebhookInboxDelivery delivery(String id, Instant receivedAt) {
		byte[] body = ("{\"type\":\"order.paid\",\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
		return new WebhookInboxDelivery(id, "/polar/webhooks", "order.paid", body, receivedAt.minusSeconds(2),
				receivedAt);
	}

	private static WebhookDispatchFailure failure(String message) {
		return new WebhookDispatchFailure(IllegalStateException.class.getName(), message);
	}

	@Test
	void storesADeliveryOnce() {
		assertThat(store().add(delivery("a", T0), T0)).isTrue();
		assertThat(store().add(delivery("a", T0.plusSeconds(5)), T0.plusSeconds(5))).isFalse();
		assertThat(store().statistics().count(WebhookInboxStatus.PENDING)).isOne();
	}

	@Test
	void claimsAStoredDeliveryWithWhatItNeedsToDispatchIt() {
		WebhookInboxDelivery stored = delivery("a", T0);
		store().add(stored, T0);
		List<ClaimedWebhookDelivery> claims = store().claim(10, T0, T0.plus(LEASE));
		assertThat(claims).singleElement().satisfies((claim) -> {
			assertThat(claim.delivery()).isEqualTo(stored);
			assertThat(claim.attempt()).isOne();
		});
		assertThat(store().statistics().count(WebhookInboxStatus.PROCESSING)).isOne();
	}

	@Test
	void claimsOnlyWhatIsDueOldestFirstUpToTheLimit() {
		store().add(delivery("late", T0.plusSeconds(30)), T0.plusSeconds(30));
		store().add(delivery("second", T0.plusSeconds(2)), T0.plusSeconds(2));
		store().add(delivery("first", T0.plusSeconds(1)), T0.plusSeconds(1));
		store().add(delivery("third", T0.plusSeconds(3)), T0.plusSeconds(3));
		assertThat(store().claim(10, T0, T0.plus(LEASE))).isEmpty();
		Instant now = T0.plusSeconds(10);
		assertThat(store().claim(2, now, now.plus(LEASE))).extracting(ClaimedWebhookDelivery::id)
			.containsExactly("first", "second");
		assertThat(store().claim(10, now, now.plus(LEASE))).extracting(ClaimedWebhookDelivery::id)
			.containsExactly("third");
	}

	@Test
	void aClaimIsTakenOverOnceItsLeaseExpiresAndTheLoserCannotSettleIt() {
		store().add(delivery("a", T0), T0);
		ClaimedWebhookDelivery lost = store().claim(1, T0, T0.plus(LEASE)).get(0);
		Instant beforeExpiry = T0.plus(LEASE).minusMillis(1);
		assertThat(otherInstance().claim(1, beforeExpiry, beforeExpiry.plus(LEASE))).isEmpty();
		Instant expiry = T0.plus(LEASE);
		ClaimedWebhookDelivery takenOver = otherInstance().claim(1, expiry, expiry.plus(LEASE)).get(0);
		assertThat(takenOver.attempt()).isEqualTo(2);
		assertThat(store().markProcessed(lost, expiry)).isFalse();
		assertThat(store().markRetry(lost, failure("x"), expiry, expiry)).isFalse();
		assertThat(store().markFailed(lost, failure("x"), expiry)).isFalse();
		assertThat(store().release(lost, expiry)).isFalse();
		assertThat(store().renew(List.of(lost), expiry.plus(LEASE))).isZero();
		assertThat(otherInstance().markProcessed(takenOver, expiry)).isTrue();
		assertThat(store().statistics().count(WebhookInboxStatus.PROCESSED)).isOne();
	}

	@Test
	void aRenewedClaimIsNotTakenOver() {
		store().add(delivery("a", T0), T0);
		ClaimedWebhookDelivery claim = store().claim(1, T0, T0.plus(LEASE)).get(0);
		assertThat(store().renew(List.of(claim), T0.plus(LEASE).plus(LEASE))).isOne();
		Instant firstExpiry = T0.plus(LEASE);
		assertThat(otherInstance().claim(1, firstExpiry, firstExpiry.plus(LEASE))).isEmpty();
		assertThat(store().markProcessed(claim, firstExpiry)).isTrue();
	}

	@Test
	void aProcessedDeliveryIsNeitherClaimedNorStoredAgain() {
		store().add(delivery("a", T0), T0);
		ClaimedWebhookDelivery claim = store().claim(1, T0, T0.plus(LEASE)).get(0);
		assertThat(store().markProcessed(claim, T0.plusSeconds(1))).isTrue();
		Instant later = T0.plus(Duration.ofHours(1));
		assertThat(store().claim(10, later, later.plus(LEASE))).isEmpty();
		assertThat(store().add(delivery("a", later), later)).isFalse();
		assertThat(store().statistics().count(WebhookInboxStatus.PROCESSED)).isOne();
	}

	@Test
	void aRetryIsDueAtItsTimeAndCountsTheAttempt() {
		store().add(delivery("a", T0), T0);
		ClaimedWebhookDelivery first = store().claim(1, T0, T0.plus(LEASE)).get(0);
		Instant retryAt = T0.plusSeconds(10);
		assertThat(store().markRetry(first, failure("down"), T0, retryAt)).isTrue();
		assertThat(store().statistics().count(WebhookInboxStatus.PENDING)).isOne();
		assertThat(store().claim(1, retryAt.minusMillis(1), retryAt.plus(LEASE))).isEmpty();
		ClaimedWebhookDelivery second = store().claim(1, retryAt, retryAt.plus(LEASE)).get(0);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(second.token()).isNotEqualTo(first.token());
	}

	@Test
	void aFailedDeliveryIsKeptAndListedUntilReplayed() {
		store().add(delivery("a", T0), T0);
		store().add(delivery("b", T0.plusSeconds(1)), T0.plusSeconds(1));
		Instant now = T0.plusSeconds(5);
		for (ClaimedWebhookDelivery claim : store().claim(2, now, now.plus(LEASE))) {
			assertThat(store().markFailed(claim, failure("warehouse down for " + claim.id()), now)).isTrue();
		}
		Instant much = now.plus(Duration.ofDays(30));
		assertThat(store().claim(10, much, much.plus(LEASE))).isEmpty();
		assertThat(store().deleteProcessedBefore(much)).isZero();
		assertThat(store().failed(10))
			.extracting(FailedWebhookDelivery::id, FailedWebhookDelivery::attempts,
					FailedWebhookDelivery::lastErrorMessage)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1, "warehouse down for a"),
					org.assertj.core.groups.Tuple.tuple("b", 1, "warehouse down for b"));
		FailedWebhookDelivery failed = store().failed(10).get(0);
		assertThat(failed.type()).isEqualTo("order.paid");
		assertThat(failed.endpoint()).isEqualTo("/polar/webhooks");
		assertThat(failed.lastErrorType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(failed.receivedAt()).isEqualTo(T0);
		assertThat(failed.lastAttemptAt()).isEqualTo(now);
		assertThat(store().failed(1)).hasSize(1);
		assertThat(store().statistics().count(WebhookInboxStatus.FAILED)).isEqualTo(2);

		assertThat(store().replay("a", much)).isTrue();
		assertThat(store().replay("a", much)).isFalse();
		assertThat(store().replay("unknown", much)).isFalse();
		assertThat(store().claim(10, much, much.plus(LEASE))).singleElement()
			.satisfies((claim) -> assertThat(claim.attempt()).isOne());
		assertThat(store().replayFailed(much)).isOne();
		assertThat(store().failed(10)).isEmpty();
	}

	@Test
	void aReleasedDeliveryIsDueAtOnceAndItsAttemptIsNotCounted() {
		store().add(delivery("a", T0), T0);
		ClaimedWebhookDelivery claim = store().claim(1, T0, T0.plus(LEASE)).get(0);
		Instant now = T0.plusSeconds(1);
		assertThat(store().release(claim, now)).isTrue();
		assertThat(otherInstance().claim(1, now, now.plus(LEASE))).singleElement()
			.satisfies((again) -> assertThat(again.attempt()).isOne());
	}

	@Test
	void removesOnlyProcessedDeliveriesPastTheRetention() {
		store().add(delivery("old", T0), T0);
		store().add(delivery("recent", T0), T0);
		store().add(delivery("pending", T0), T0.plus(Duration.ofDays(1)));
		List<ClaimedWebhookDelivery> claims = store().claim(2, T0, T0.plus(LEASE));
		store().markProcessed(claims.get(0), T0);
		store().markProcessed(claims.get(1), T0.plus(Duration.ofDays(8)));
		assertThat(store().deleteProcessedBefore(T0.plus(Duration.ofDays(7)))).isOne();
		assertThat(store().statistics().counts()).containsEntry(WebhookInboxStatus.PROCESSED, 1L)
			.containsEntry(WebhookInboxStatus.PENDING, 1L);
	}

	@Test
	void countsDeliveriesByStatusAndTellsTheOldestPending() {
		assertThat(store().statistics().pending()).isZero();
		assertThat(store().statistics().oldestPendingReceivedAt()).isNull();
		store().add(delivery("a", T0.plusSeconds(5)), T0.plusSeconds(5));
		store().add(delivery("b", T0.plusSeconds(9)), T0.plusSeconds(9));
		store().add(delivery("c", T0.plusSeconds(1)), T0.plusSeconds(1));
		ClaimedWebhookDelivery oldest = store().claim(1, T0.plusSeconds(10), T0.plusSeconds(70)).get(0);
		assertThat(oldest.id()).isEqualTo("c");
		WebhookInboxStatistics statistics = store().statistics();
		assertThat(statistics.pending()).isEqualTo(3);
		assertThat(statistics.oldestPendingReceivedAt()).isEqualTo(T0.plusSeconds(1));
		store().markProcessed(oldest, T0.plusSeconds(11));
		assertThat(store().statistics().oldestPendingReceivedAt()).isEqualTo(T0.plusSeconds(5));
	}

	@Test
	void instancesClaimingAtOnceNeverShareADelivery() throws Exception {
		int deliveries = 200;
		for (int i = 0; i < deliveries; i++) {
			store().add(delivery("msg_" + i, T0), T0);
		}
		Map<String, AtomicInteger> claimed = new ConcurrentHashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> claimers = new ArrayList<>();
			for (int instance = 0; instance < 8; instance++) {
				WebhookInboxStore store = (instance % 2 == 0) ? store() : otherInstance();
				Callable<Integer> claimer = () -> {
					start.await();
					int rounds = 0;
					List<ClaimedWebhookDelivery> claims;
					do {
						claims = store.claim(5, T0, T0.plus(LEASE));
						claims.forEach((claim) -> claimed.computeIfAbsent(claim.id(), (id) -> new AtomicInteger())
							.incrementAndGet());
						rounds++;
					}
					while (!claims.isEmpty() || rounds < 3);
					return rounds;
				};
				claimers.add(executor.submit(claimer));
			}
			start.countDown();
			for (Future<Integer> claimer : claimers) {
				claimer.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(claimed).hasSize(deliveries);
		assertThat(claimed.values()).allSatisfy((count) -> assertThat(count.get()).isOne());
	}

}
