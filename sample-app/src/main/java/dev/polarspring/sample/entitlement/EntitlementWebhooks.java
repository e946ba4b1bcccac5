package dev.polarspring.sample.entitlement;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.polarspring.client.model.BenefitGrantCustomWebhook;
import dev.polarspring.client.model.BenefitGrantLicenseKeysWebhook;
import dev.polarspring.client.model.BenefitGrantWebhook;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.Subscription;
import dev.polarspring.client.model.SubscriptionStatus;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.OrderRefundedEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;

/**
 * Keeps the entitlement table in step with Polar's webhooks. Every event carries the
 * whole object (order, subscription, benefit grant), so each listener saves the object's
 * current state under its id: a redelivery writes the same row again, an older event
 * arriving late changes nothing.
 */
@Component
class EntitlementWebhooks {

	private static final Log logger = LogFactory.getLog(EntitlementWebhooks.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final EntitlementRepository entitlements;

	EntitlementWebhooks(EntitlementRepository entitlements) {
		this.entitlements = entitlements;
	}

	@EventListener
	void onOrderPaid(OrderPaidEvent event) {
		savePurchase(event.data(), true, event);
	}

	@EventListener
	void onOrderRefunded(OrderRefundedEvent event) {
		savePurchase(event.data(), false, event);
	}

	private void savePurchase(Order order, boolean active, PolarWebhookEvent event) {
		if (order.subscriptionId() != null) {
			// A subscription's orders are its payments; the subscription itself is what
			// gives access.
			return;
		}
		String name = (order.product() != null) ? order.product().name() : order.description();
		this.entitlements.save(new Entitlement(order.id(), Entitlement.Kind.PURCHASE, order.customerId(),
				order.customer().externalId(), name, active ? null : "Refunded", active,
				event.timestamp().toInstant()));
	}

	/**
	 * Every {@code subscription.*} event: created, active, updated, canceled, uncanceled,
	 * revoked, past due, and the ones Polar adds later.
	 */
	@EventListener
	void onSubscription(PolarWebhookEvent event) {
		if (!(event.data() instanceof Subscription subscription)) {
			return;
		}
		boolean active = subscription.status() == SubscriptionStatus.ACTIVE
				|| subscription.status() == SubscriptionStatus.TRIALING;
		String detail;
		if (!active) {
			detail = "Ended";
		}
		else if (subscription.cancelAtPeriodEnd()) {
			detail = "Canceled, access until " + DAY.format(subscription.currentPeriodEnd());
		}
		else {
			detail = "Renews " + DAY.format(subscription.currentPeriodEnd());
		}
		this.entitlements.save(new Entitlement(subscription.id(), Entitlement.Kind.SUBSCRIPTION,
				subscription.customerId(), subscription.customer().externalId(), subscription.product().name(), detail,
				active, event.timestamp().toInstant()));
	}

	/**
	 * Every {@code benefit_grant.*} event: created, updated, cycled, revoked. This store
	 * sells custom and license key benefits; other kinds are logged and skipped.
	 */
	@EventListener
	void onBenefitGrant(PolarWebhookEvent event) {
		if (!(event.data() instanceof BenefitGrantWebhook grant)) {
			return;
		}
		// What every kind of grant has is read on the union; only the benefit differs by
		// kind.
		String description;
		@Nullable String detail = null;
		if (grant instanceof BenefitGrantCustomWebhook custom) {
			description = custom.benefit().description();
		}
		else if (grant instanceof BenefitGrantLicenseKeysWebhook licenseKeys) {
			description = licenseKeys.benefit().description();
			String displayKey = licenseKeys.properties().displayKey();
			detail = (displayKey != null) ? "License key " + displayKey : null;
		}
		else {
			logger.info("Skipped " + event.type() + " for a kind of benefit this store does not sell: "
					+ grant.getClass().getSimpleName());
			return;
		}
		boolean active = grant.isGranted() && !grant.isRevoked();
		this.entitlements.save(
				new Entitlement(grant.id(), Entitlement.Kind.BENEFIT, grant.customerId(), grant.customer().externalId(),
						description, active ? detail : "Revoked", active, event.timestamp().toInstant()));
	}

}
