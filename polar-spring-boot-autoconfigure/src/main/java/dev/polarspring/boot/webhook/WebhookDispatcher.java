package dev.polarspring.boot.webhook;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches verified events inside the request, once per {@code webhook-id}
 * ({@code polar.webhook.processing=inline}): claims the delivery, has the
 * {@link WebhookHandlerInvoker} call the endpoint's {@link PolarWebhook @PolarWebhook}
 * methods and publish the event, then completes the claim, or releases it when something
 * threw (an {@link Error} included) so Polar's retry is dispatched again.
 *
 * <p>
 * A delivery is answered 202 only once its claim is recorded as completed: when the store
 * cannot record it (its database is unreachable, say), the delivery is answered 500
 * rather than left claimed behind a 202. Polar then retries; the retry is answered 409
 * until the claim times out, and is dispatched again after that, which is why handlers
 * must be idempotent.
 */
public final class WebhookDispatcher implements WebhookDeliveryProcessor {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	// A store failing once (a connection dropped by the pool, say) is retried at once;
	// one failing three times in a row is down.
	private static final int SETTLE_ATTEMPTS = 3;

	private final WebhookDeduplicationStore store;

	private final WebhookHandlerInvoker invoker;

	/**
	 * Creates a dispatcher.
	 * @param store claims each {@code webhook-id} once
	 * @param invoker calls the handler methods and publishes events
	 */
	public WebhookDispatcher(WebhookDeduplicationStore store, WebhookHandlerInvoker invoker) {
		this.store = store;
		this.invoker = invoker;
	}

	/**
	 * Dispatches a verified event unless its delivery was processed or is being
	 * processed.
	 * @param endpoint the path the delivery was posted to
	 * @param event the event
	 * @param body the raw body (not needed: the event is dispatched now)
	 * @return how the delivery should be answered
	 */
	@Override
	public WebhookOutcome process(String endpoint, PolarWebhookEvent event, byte[] body) {
		String id = event.delivery().id();
		WebhookClaim claim = this.store.claim(id);
		if (claim.status() == WebhookClaim.Status.DONE) {
			logger.debug("Webhook delivery {} ({}) was processed already; not dispatched again", id, event.type());
			return WebhookOutcome.DUPLICATE;
		}
		if (claim.status() == WebhookClaim.Status.IN_PROGRESS) {
			logger.info("Webhook delivery {} ({}) is being processed by another attempt; answered 409 so Polar "
					+ "tries again later", id, event.type());
			return WebhookOutcome.IN_PROGRESS;
		}
		try {
			this.invoker.invoke(endpoint, event);
		}
		catch (RuntimeException | Error ex) {
			logger.error("A handler of webhook delivery {} ({}) failed; answered 500 so Polar retries it", id,
					event.type(), ex);
			settle(claim, false);
			if (ex instanceof VirtualMachineError error) {
				// The JVM is failing: the endpoint still answers 500, then lets it go.
				throw error;
			}
			return WebhookOutcome.FAILED;
		}
		if (!settle(claim, true)) {
			logger.error("Webhook delivery {} ({}) was dispatched, but {} could not record it; answered 500 so it is "
					+ "not left claimed behind an answer of 202", id, event.type(), this.store);
			return WebhookOutcome.FAILED;
		}
		logger.debug("Webhook delivery {} ({}) dispatched; answered 202", id, event.type());
		return (event instanceof UnknownWebhookEvent) ? WebhookOutcome.UNKNOWN : WebhookOutcome.ACCEPTED;
	}

	/**
	 * Describes how deliveries are dispatched, for the line each endpoint logs at
	 * startup.
	 * @return such as {@code dispatched inline before the answer, deduplicated by ...}
	 */
	@Override
	public String description() {
		return "dispatched inline before the answer, deduplicated by " + this.store;
	}

	/**
	 * Completes or releases a claim, trying again when the store fails.
	 * @return whether the store recorded it
	 */
	private boolean settle(WebhookClaim claim, boolean dispatched) {
		for (int attempt = 1;; attempt++) {
			try {
				if (dispatched) {
					this.store.complete(claim);
				}
				else {
					this.store.release(claim);
				}
				return true;
			}
			catch (RuntimeException ex) {
				if (attempt == SETTLE_ATTEMPTS) {
					logger.error("Could not {} webhook delivery {} in {}", dispatched ? "record" : "release",
							claim.deliveryId(), this.store, ex);
					return false;
				}
				logger.warn("Could not {} webhook delivery {} in {} ({}); trying again",
						dispatched ? "record" : "release", claim.deliveryId(), this.store, ex.toString());
			}
		}
	}

	@Override
	public String toString() {
		return "WebhookDispatcher[store=" + this.store + "]";
	}

}
