/**
 * Polar webhooks: the typed events
 * ({@link dev.polarspring.client.webhook.PolarWebhookEvent} and one record per event
 * type, generated from the spec), their decoder
 * ({@link dev.polarspring.client.webhook.PolarWebhookEvents}) and the delivery they came
 * with; {@link dev.polarspring.client.webhook.WebhookVerifier} proves a delivery comes
 * from Polar, {@link dev.polarspring.client.webhook.WebhookReceiver} verifies then
 * decodes it, and {@link dev.polarspring.client.webhook.WebhookSigner} signs deliveries
 * for tests.
 */
@NullMarked
package dev.polarspring.client.webhook;

import org.jspecify.annotations.NullMarked;
