package dev.polarspring.sample.activity;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.polarspring.client.webhook.PolarWebhookEvent;

/**
 * The store's own webhook listener, for what the starter does not do: telling the shopper
 * what happened. Every verified event is kept for the "Webhooks received" panel (the
 * starter's own listener invalidates the customer's cached entitlements). With durable
 * processing it runs on one of the inbox's workers, after Polar was answered.
 */
@Component
class WebhookActivityListener {

	private final WebhookActivityRepository activities;

	private final Clock clock = Clock.systemUTC();

	WebhookActivityListener(WebhookActivityRepository activities) {
		this.activities = activities;
	}

	@EventListener
	void on(PolarWebhookEvent event) {
		this.activities.save(new WebhookActivity(event.delivery().id(), event.type(),
				WebhookOutcomes.externalCustomerId(event), WebhookOutcomes.checkoutId(event),
				WebhookOutcomes.outcome(event), event.timestamp().toInstant(), this.clock.instant()));
	}

}
