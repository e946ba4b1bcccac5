package dev.polarspring.boot.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryWebhookDeduplicationStoreTests extends WebhookDeduplicationStoreContractTests {

	private final InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore(Duration.ofHours(1),
			3, this.clock);

	@Override
	protected WebhookDeduplicationStore store() {
		return this.store;
	}

	@Test
	void dropsExpiredEntriesFromMemory() {
		this.store.complete(this.store.claim("a"));
		this.store.complete(this.store.claim("b"));
		this.clock.advance(Duration.ofHours(2));
		this.store.claim("c");
		assertThat(this.store.size()).isEqualTo(1);
	}

	@Test
	void forgetsTheOldestProcessedDeliveriesBeyondTheBound() {
		for (String id : new String[] { "a", "b", "c", "d" }) {
			this.store.complete(this.store.claim(id));
		}
		assertThat(this.store.size()).isEqualTo(3);
		assertThat(this.store.claim("b").status()).isEqualTo(WebhookClaim.Status.DONE);
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.CLAIMED);
	}

	@Test
	void neverForgetsADeliveryInProgressToMakeRoom() {
		WebhookClaim first = this.store.claim("a");
		for (String id : new String[] { "b", "c", "d", "e" }) {
			this.store.complete(this.store.claim(id));
		}
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
		this.store.complete(first);
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.DONE);
	}

	@Test
	void ignoresAClaimItDidNotMake() {
		WebhookClaim claim = this.store.claim("a");
		this.store.release(new WebhookClaim("a", WebhookClaim.Status.CLAIMED, claim.token() + 1));
		this.store.complete(new WebhookClaim("a", WebhookClaim.Status.CLAIMED, claim.token() + 1));
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
	}

	@Test
	void releasingAProcessedDeliveryKeepsItProcessed() {
		WebhookClaim claim = this.store.claim("a");
		this.store.complete(claim);
		this.store.release(claim);
		assertThat(this.store.claim("a").status()).isEqualTo(WebhookClaim.Status.DONE);
	}

}
