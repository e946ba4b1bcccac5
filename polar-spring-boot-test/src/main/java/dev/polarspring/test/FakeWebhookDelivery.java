package dev.polarspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;

/**
 * A webhook the fake Polar sent (or would have sent, had it had somewhere to send it).
 *
 * @param webhookId the {@code webhook-id}
 * @param type the event type, such as {@code order.paid}
 * @param payload the body: {@code {"type":..., "timestamp":..., "data":...}}
 * @param timestamp when the fake created the event
 * @param status the HTTP status the application answered with the last time this delivery
 * was sent, or {@code 0} when the fake had no target (see
 * {@link FakePolar#deliverWebhooksTo})
 */
public record FakeWebhookDelivery(String webhookId, String type, String payload, Instant timestamp, int status) {

	/**
	 * Decodes the payload into the typed event the application receives.
	 * @return the event, with this delivery's id
	 */
	public PolarWebhookEvent event() {
		return PolarWebhookEvents.decode(this.payload.getBytes(StandardCharsets.UTF_8),
				new WebhookDelivery(this.webhookId, this.timestamp));
	}

	/**
	 * Decodes the payload into an event of a known type.
	 * @param <E> the event type
	 * @param type the event class, such as {@code OrderPaidEvent.class}
	 * @return the event
	 * @throws IllegalStateException when this delivery is of another type
	 */
	public <E extends PolarWebhookEvent> E event(Class<E> type) {
		PolarWebhookEvent event = event();
		if (!type.isInstance(event)) {
			throw new IllegalStateException(
					"Delivery " + this.webhookId + " is " + this.type + ", not " + type.getSimpleName());
		}
		return type.cast(event);
	}

	FakeWebhookDelivery withStatus(int status) {
		return new FakeWebhookDelivery(this.webhookId, this.type, this.payload, this.timestamp, status);
	}

}
