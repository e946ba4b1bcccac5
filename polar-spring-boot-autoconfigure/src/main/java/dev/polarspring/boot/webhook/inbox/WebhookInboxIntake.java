package dev.polarspring.boot.webhook.inbox;

import java.time.Clock;
import java.time.Instant;

import dev.polarspring.boot.webhook.WebhookDeliveryProcessor;
import dev.polarspring.boot.webhook.WebhookOutcome;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's side of durable processing: stores each verified delivery in the inbox
 * and answers 202 once it is committed, without dispatching anything inside the request.
 *
 * <p>
 * The inbox is the deduplication: a redelivery of a {@code webhook-id} it holds is
 * answered 202 and not stored again, however long ago the first one was processed, as
 * long as the inbox keeps it ({@code polar.webhook.inbox.retention}). When storing fails
 * (the database is down) the endpoint answers 500 and Polar retries.
 */
public final class WebhookInboxIntake implements WebhookDeliveryProcessor {

	private static final Logger logger = LoggerFactory.getLogger(WebhookInboxIntake.class);

	private final WebhookInboxStore store;

	private final Clock clock;

	private final Runnable stored;

	/**
	 * Creates the intake.
	 * @param store the inbox
	 * @param clock the clock the receiving time is read from
	 * @param stored called once a delivery is stored, to wake this instance's workers
	 */
	public WebhookInboxIntake(WebhookInboxStore store, Clock clock, Runnable stored) {
		this.store = store;
		this.clock = clock;
		this.stored = stored;
	}

	@Override
	public WebhookOutcome process(String endpoint, PolarWebhookEvent event, byte[] body) {
		Instant now = this.clock.instant();
		WebhookInboxDelivery delivery = new WebhookInboxDelivery(event.delivery().id(), endpoint, event.type(), body,
				event.delivery().timestamp(), now);
		if (!this.store.add(delivery, now)) {
			logger.debug("Webhook delivery {} ({}) is in the inbox already; not stored again", delivery.id(),
					delivery.type());
			return WebhookOutcome.DUPLICATE;
		}
		this.stored.run();
		return WebhookOutcome.STORED;
	}

	@Override
	public String description() {
		return "stored in the durable inbox (" + this.store + ") and answered at once; workers dispatch it";
	}

	@Override
	public String toString() {
		return "WebhookInboxIntake[store=" + this.store + "]";
	}

}
