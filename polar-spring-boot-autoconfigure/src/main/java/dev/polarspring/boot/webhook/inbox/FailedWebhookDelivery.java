package dev.polarspring.boot.webhook.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A delivery that failed on every attempt, as operators see it: no body, no header.
 *
 * @param id the {@code webhook-id}
 * @param endpoint the path it was posted to
 * @param type the event type
 * @param attempts how many times it was dispatched
 * @param lastErrorType the class of what the last attempt threw
 * @param lastErrorMessage its message, shortened
 * @param receivedAt when it was received
 * @param lastAttemptAt when it was last dispatched
 */
public record FailedWebhookDelivery(String id, String endpoint, String type, int attempts,
		@Nullable String lastErrorType, @Nullable String lastErrorMessage, Instant receivedAt,
		@Nullable Instant lastAttemptAt) {
}
