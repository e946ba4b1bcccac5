/**
 * Polar webhooks in a Spring servlet application: {@link PolarWebhook @PolarWebhook}
 * methods and configured endpoints, verified before anything reads the body, deduplicated
 * by {@code webhook-id} through a {@link WebhookDeduplicationStore}, and published as
 * typed events to {@code @EventListener} methods. The auto-configuration in
 * {@code dev.polarspring.autoconfigure.webhook} wires these from {@code polar.webhook.*}.
 */
@NullMarked
package dev.polarspring.boot.webhook;

import org.jspecify.annotations.NullMarked;
