package dev.polarspring.boot.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inline dispatch never answers 202 for a delivery it could not record as processed, so
 * none is left claimed behind a 202.
 */
class WebhookDispatcherTests {

	private static final byte[] BODY = "{\"type\":\"invoice.teleported\",\"timestamp\":\"2026-09-01T00:00:00Z\",\"data\":{}}"
		.getBytes(StandardCharsets.UTF_8);

	private final List<PolarWebhookEvent> published = new ArrayList<>();

	private final RecordingStore store = new RecordingStore();

	private final WebhookDispatcher dispatcher = new WebhookDispatcher(this.store, new WebhookHandlerInvoker(
			(event) -> this.published.add((PolarWebhookEvent) event), WebhookDispatchScope.DIRECT));

	@Test
	void answers202OnceTheStoreRecordedTheDelivery() {
		assertThat(this.dispatcher.process("/polar/webhooks", event("msg_1"), BODY)).isEqualTo(WebhookOutcome.UNKNOWN);
		assertThat(this.published).hasSize(1);
		assertThat(this.store.completed).hasValue(1);
	}

	@Test
	void triesAgainWhenTheStoreFailsOnceToRecordIt() {
		this.store.completeFailures.set(1);
		assertThat(this.dispatcher.process("/polar/webhooks", event("msg_1"), BODY).status()).isEqualTo(202);
		assertThat(this.store.completed).hasValue(1);
	}

	@Test
	void answers500RatherThan202WhenTheStoreCannotRecordIt() {
		this.store.completeFailures.set(Integer.MAX_VALUE);
		WebhookOutcome outcome = this.dispatcher.process("/polar/webhooks", event("msg_1"), BODY);
		assertThat(outcome).isEqualTo(WebhookOutcome.FAILED);
		assertThat(outcome.status()).isEqualTo(500);
		assertThat(this.published).hasSize(1);
		assertThat(this.store.completed).hasValue(0);
	}

	private static PolarWebhookEvent event(String id) {
		return PolarWebhookEvents.decode(BODY, new WebhookDelivery(id, Instant.now()));
	}

	private static final class RecordingStore implements WebhookDeduplicationStore {

		private final AtomicInteger completeFailures = new AtomicInteger();

		private final AtomicInteger completed = new AtomicInteger();

		@Override
		public WebhookClaim claim(String deliveryId) {
			return WebhookClaim.claimed(deliveryId, 1);
		}

		@Override
		public void complete(WebhookClaim claim) {
			if (this.completeFailures.getAndDecrement() > 0) {
				throw new DataAccessResourceFailureException("Connection is not available");
			}
			this.completed.incrementAndGet();
		}

		@Override
		public void release(WebhookClaim claim) {
		}

	}

}
