package dev.polarspring.boot.billing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;

import dev.polarspring.boot.metering.UsageEvent;
import dev.polarspring.boot.metering.UsageIngestedEvent;
import dev.polarspring.client.model.BenefitGrantWebhook;
import dev.polarspring.client.model.Customer;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.Refund;
import dev.polarspring.client.model.Subscription;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;

/**
 * Invalidates a customer's cached {@linkplain PolarEntitlements entitlements} when a
 * webhook says something of theirs changed: {@code customer.*} (including
 * {@code customer.state_changed}), {@code subscription.*}, {@code order.*},
 * {@code benefit_grant.*} and {@code refund.*}, and types this version does not know yet
 * under those prefixes (such as {@code subscription.migrated}). The event's timestamp is
 * the time of the change, so an event older than the cached state leaves it alone.
 *
 * <p>
 * It listens to the events the webhook endpoint publishes, so it sees every delivery,
 * processed inline or by a worker that publishes them later. Invalidating is idempotent,
 * so redeliveries and duplicates are harmless.
 *
 * <p>
 * Usage ingested by {@code PolarUsage} changes the customers' meters without any webhook,
 * so each batch Polar took ({@link UsageIngestedEvent}) invalidates its customers' states
 * too.
 */
public final class EntitlementEvictionListener {

	private static final String[] CUSTOMER_EVENT_PREFIXES = { "customer.", "subscription.", "order.", "benefit_grant.",
			"refund." };

	/** What invalidations for ingested usage are counted as. */
	static final String USAGE_INGESTED = "usage.ingested";

	private final PolarEntitlements entitlements;

	/**
	 * Creates the listener.
	 * @param entitlements the entitlements whose cache is invalidated
	 */
	public EntitlementEvictionListener(PolarEntitlements entitlements) {
		this.entitlements = entitlements;
	}

	/**
	 * Invalidates the state of the customer an event is about, if it is about one.
	 * @param event a verified webhook event
	 */
	@EventListener
	public void on(PolarWebhookEvent event) {
		Instant changedAt = event.timestamp().toInstant();
		Object data = event.data();
		if (data instanceof CustomerState state) {
			invalidate(state.externalId(), state.id(), changedAt, event.type());
		}
		else if (data instanceof Customer customer) {
			invalidate(customer.externalId(), customer.id(), changedAt, event.type());
		}
		else if (data instanceof Subscription subscription) {
			invalidate(subscription.customer().externalId(), subscription.customerId(), changedAt, event.type());
		}
		else if (data instanceof Order order) {
			invalidate(order.customer().externalId(), order.customerId(), changedAt, event.type());
		}
		else if (data instanceof BenefitGrantWebhook grant) {
			invalidate(grant.customer().externalId(), grant.customerId(), changedAt, event.type());
		}
		else if (data instanceof Refund refund) {
			invalidate(null, refund.customerId(), changedAt, event.type());
		}
		else if (event instanceof UnknownWebhookEvent unknown && isAboutACustomer(unknown.type())) {
			JsonNode raw = unknown.data();
			String externalId = text(raw.path("customer").path("external_id"));
			invalidate((externalId != null) ? externalId : text(raw.path("external_customer_id")),
					text(raw.path("customer_id")), changedAt, event.type());
		}
	}

	/**
	 * Invalidates the state of each customer of a batch of usage Polar took: their
	 * {@code active_meters} count it now, and no webhook says so.
	 * @param event the batch
	 */
	@EventListener
	public void on(UsageIngestedEvent event) {
		Set<String> seen = new HashSet<>();
		for (UsageEvent usage : event.events()) {
			String externalId = usage.externalCustomerId();
			String customerId = usage.customerId();
			if (seen.add((externalId != null) ? "external:" + externalId : "id:" + customerId)) {
				invalidate(externalId, customerId, event.ingestedAt(), USAGE_INGESTED);
			}
		}
	}

	private void invalidate(@Nullable String externalId, @Nullable String customerId, Instant changedAt,
			String reason) {
		if (externalId != null && !externalId.isBlank()) {
			this.entitlements.invalidate(externalId, changedAt, reason);
		}
		else if (customerId != null) {
			this.entitlements.invalidateByCustomerId(customerId, changedAt, reason);
		}
	}

	private static boolean isAboutACustomer(String type) {
		for (String prefix : CUSTOMER_EVENT_PREFIXES) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	@Override
	public String toString() {
		return "EntitlementEvictionListener[" + this.entitlements + "]";
	}

}
