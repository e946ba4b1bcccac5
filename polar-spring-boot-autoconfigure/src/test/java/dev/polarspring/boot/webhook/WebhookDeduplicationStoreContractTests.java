package dev.polarspring.boot.webhook;

import java.time.Duration;

import dev.polarspring.client.SettableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WebhookDeduplicationStore} promises, run against each implementation.
 * Each store is created with a time to live of one hour on {@link #clock}.
 */
abstract class WebhookDeduplicationStoreContractTests {

	protected final SettableClock clock = new SettableClock();

	/**
	 * Returns the store under test, remembering processed deliveries for one hour.
	 * @return the store
	 */
	protected abstract WebhookDeduplicationStore store();

	@Test
	void claimsANewDelivery() {
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.CLAIMED);
	}

	@Test
	void answersInProgressWhileClaimed() {
		store().claim("a");
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.IN_PROGRESS);
	}

	@Test
	void answersDoneOnceCompleted() {
		store().complete(store().claim("a"));
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.DONE);
	}

	@Test
	void forgetsAReleasedDelivery() {
		store().release(store().claim("a"));
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.CLAIMED);
	}

	@Test
	void claimsAgainAProcessedDeliveryPastTheTimeToLive() {
		store().complete(store().claim("a"));
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.DONE);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(store().claim("a").status()).isEqualTo(WebhookClaim.Status.CLAIMED);
	}

}
