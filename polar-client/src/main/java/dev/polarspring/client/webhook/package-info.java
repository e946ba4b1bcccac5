/**
 * Polar webhooks: the typed events ({@link dev.polarspring.client.webhook.PolarWebhookEvent} and
 * one record per event type, generated from the spec), their decoder
 * ({@link dev.polarspring.client.webhook.PolarWebhookEvents}) and the delivery they came with.
 */
@NullMarked
package dev.polarspring.client.webhook;

import org.jspecify.annotations.NullMarked;
