/**
 * Durable processing of Polar webhooks ({@code polar.webhook.processing=durable}): the
 * endpoint stores each verified delivery in a database table, the inbox, and answers 202
 * once it is committed; {@link dev.polarspring.boot.webhook.inbox.WebhookInboxWorker
 * workers} dispatch stored deliveries to the same {@code @PolarWebhook} methods and
 * listeners as inline processing, retry failures with exponential backoff, keep what
 * still fails as failed deliveries to replay, and share the work between every instance
 * of the application that uses the database.
 */
@NullMarked
package dev.polarspring.boot.webhook.inbox;

import org.jspecify.annotations.NullMarked;
