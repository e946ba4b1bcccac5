/**
 * Polar webhooks without Spring: {@link dev.polarspring.client.webhook.WebhookVerifier} proves a
 * delivery comes from Polar, the generated event types carry its typed payload, and
 * {@link dev.polarspring.client.webhook.WebhookSigner} signs deliveries for tests.
 */
@NullMarked
package dev.polarspring.client.webhook;

import org.jspecify.annotations.NullMarked;
