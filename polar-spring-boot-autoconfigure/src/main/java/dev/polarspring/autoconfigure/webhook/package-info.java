/**
 * Polar webhooks in a Spring Boot servlet application: {@link PolarWebhook @PolarWebhook}
 * endpoints and the default one, verified before anything reads the body, deduplicated by
 * {@code webhook-id}, and published as typed events to {@code @EventListener} methods.
 */
@NullMarked
package dev.polarspring.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
