package dev.polarspring.boot.webhook;

import java.util.List;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Dispatches verified events once per {@code webhook-id}: claims the delivery, calls the
 * endpoint's {@link PolarWebhook @PolarWebhook} methods, publishes the event to the
 * application's listeners, then completes the claim, or releases it when something threw
 * (an {@link Error} included) so Polar's retry is dispatched again.
 */
public final class WebhookDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookDeduplicationStore store;

	private final ApplicationEventPublisher publisher;

	private final WebhookDispatchScope scope;

	/**
	 * Creates a dispatcher.
	 * @param store claims each {@code webhook-id} once
	 * @param publisher publishes events to the application's listeners
	 * @param scope runs each dispatch, in a transaction or not
	 */
	public WebhookDispatcher(WebhookDeduplicationStore store, ApplicationEventPublisher publisher,
			WebhookDispatchScope scope) {
		this.store = store;
		this.publisher = publisher;
		this.scope = scope;
	}

	/**
	 * Dispatches a verified event unless its delivery was processed or is being
	 * processed.
	 * @param event the event
	 * @param handlers the endpoint's handler methods
	 * @return how the delivery should be answered
	 */
	WebhookOutcome dispatch(PolarWebhookEvent event, List<WebhookHandlerMethod> handlers) {
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
		if (event instanceof UnknownWebhookEvent) {
			logger.warn(
					"Webhook delivery {} has type '{}', which this version of polar-spring-boot does not know; "
							+ "it is published as UnknownWebhookEvent with the raw JSON. Upgrade to receive it typed.",
					id, event.type());
		}
		boolean dispatched = false;
		try {
			this.scope.run(() -> {
				for (WebhookHandlerMethod handler : handlers) {
					if (handler.accepts(event)) {
						handler.invoke(event);
					}
				}
				this.publisher.publishEvent(event);
			});
			dispatched = true;
		}
		catch (RuntimeException | Error ex) {
			logger.error("A handler of webhook delivery {} ({}) failed; answered 500 so Polar retries it", id,
					event.type(), ex);
			if (ex instanceof VirtualMachineError error) {
				// The JVM is failing: the endpoint still answers 500, then lets it go.
				throw error;
			}
			return WebhookOutcome.FAILED;
		}
		finally {
			settle(claim, dispatched);
		}
		logger.debug("Webhook delivery {} ({}) dispatched; answered 202", id, event.type());
		return (event instanceof UnknownWebhookEvent) ? WebhookOutcome.UNKNOWN : WebhookOutcome.ACCEPTED;
	}

	/**
	 * Describes how deliveries are dispatched, for the line each endpoint logs at
	 * startup.
	 * @return such as {@code dispatched inline before the answer, deduplicated by ...}
	 */
	String description() {
		return "dispatched inline before the answer, deduplicated by " + this.store;
	}

	private void settle(WebhookClaim claim, boolean dispatched) {
		try {
			if (dispatched) {
				this.store.complete(claim);
			}
			else {
				this.store.release(claim);
			}
		}
		catch (RuntimeException ex) {
			// The delivery's fate is decided; a store failure here only weakens
			// deduplication.
			logger.error("Could not {} webhook delivery {} in {}", dispatched ? "record" : "release",
					claim.deliveryId(), this.store, ex);
		}
	}

}
