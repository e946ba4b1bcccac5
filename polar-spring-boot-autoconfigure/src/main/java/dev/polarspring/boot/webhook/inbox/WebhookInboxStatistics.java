package dev.polarspring.boot.webhook.inbox;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How many deliveries the inbox holds in each status, and the oldest one still waiting.
 *
 * @param counts the number of deliveries by status; every status is present
 * @param oldestPendingReceivedAt when the oldest delivery not yet processed (pending or
 * processing) was received, {@code null} when there is none
 */
public record WebhookInboxStatistics(Map<WebhookInboxStatus, Long> counts, @Nullable Instant oldestPendingReceivedAt) {

	/**
	 * Fills in the missing statuses with 0 and copies the counts.
	 * @param counts the number of deliveries by status
	 * @param oldestPendingReceivedAt when the oldest delivery not yet processed was
	 * received
	 */
	public WebhookInboxStatistics {
		Map<WebhookInboxStatus, Long> complete = new EnumMap<>(WebhookInboxStatus.class);
		for (WebhookInboxStatus status : WebhookInboxStatus.values()) {
			complete.put(status, counts.getOrDefault(status, 0L));
		}
		counts = Map.copyOf(complete);
	}

	/**
	 * Returns how many deliveries have the status.
	 * @param status a status
	 * @return the number of deliveries
	 */
	public long count(WebhookInboxStatus status) {
		// Every status is in the map (see the constructor); the default only satisfies
		// the
		// unboxing.
		return this.counts.getOrDefault(status, 0L);
	}

	/**
	 * Returns how many deliveries are not processed yet: pending or processing.
	 * @return the number of deliveries waiting for a listener to succeed
	 */
	public long pending() {
		return count(WebhookInboxStatus.PENDING) + count(WebhookInboxStatus.PROCESSING);
	}

}
