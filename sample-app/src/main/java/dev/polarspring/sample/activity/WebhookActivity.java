package dev.polarspring.sample.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * One webhook the store processed, as the "Webhooks received" panel shows it.
 *
 * @param webhookId the delivery's {@code webhook-id}, the same on every retry
 * @param type the event type, such as {@code order.paid}
 * @param externalCustomerId the store's id of the customer it is about, or {@code null}
 * when it names none
 * @param checkoutId the checkout it stems from, or {@code null}
 * @param outcome what it meant for the store, in a sentence
 * @param occurredAt when it happened at Polar (the event's timestamp)
 * @param processedAt when the store's listener processed it
 */
public record WebhookActivity(String webhookId, String type, @Nullable String externalCustomerId,
		@Nullable String checkoutId, String outcome, Instant occurredAt, Instant processedAt) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	/**
	 * Returns when the store processed it, as the panel shows it.
	 * @return the time of day on this machine's clock, such as {@code 14:03:27}
	 */
	public String processedTime() {
		return TIME.format(this.processedAt);
	}

}
