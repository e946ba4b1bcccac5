package dev.polarspring.sample.activity;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.model.BenefitGrantCustomWebhook;
import dev.polarspring.client.model.BenefitGrantLicenseKeysWebhook;
import dev.polarspring.client.model.BenefitGrantWebhook;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.Customer;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.Subscription;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.sample.store.ProductCard;

/**
 * What a webhook means for the store, in a sentence for the "Webhooks received" panel,
 * and which customer and checkout it is about.
 */
final class WebhookOutcomes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
		.withZone(ZoneOffset.UTC);

	private WebhookOutcomes() {
	}

	/**
	 * Returns the store's id of the customer an event is about.
	 * @param event the event
	 * @return the external customer id, or {@code null} when the event names none
	 */
	static @Nullable String externalCustomerId(PolarWebhookEvent event) {
		Object data = event.data();
		if (data instanceof Checkout checkout) {
			return checkout.externalCustomerId();
		}
		if (data instanceof Customer customer) {
			return customer.externalId();
		}
		if (data instanceof CustomerState state) {
			return state.externalId();
		}
		if (data instanceof Order order) {
			return order.customer().externalId();
		}
		if (data instanceof Subscription subscription) {
			return subscription.customer().externalId();
		}
		if (data instanceof BenefitGrantWebhook grant) {
			return grant.customer().externalId();
		}
		return null;
	}

	/**
	 * Returns the checkout an event stems from.
	 * @param event the event
	 * @return the checkout id, or {@code null}
	 */
	static @Nullable String checkoutId(PolarWebhookEvent event) {
		Object data = event.data();
		if (data instanceof Checkout checkout) {
			return checkout.id();
		}
		if (data instanceof Order order) {
			return order.checkoutId();
		}
		if (data instanceof Subscription subscription) {
			return subscription.checkoutId();
		}
		return null;
	}

	/**
	 * Says what an event means for the store.
	 * @param event the event
	 * @return a sentence, such as {@code The order for Pro Plan was paid: $9.00.}
	 */
	static String outcome(PolarWebhookEvent event) {
		String verb = event.type().substring(event.type().indexOf('.') + 1);
		Object data = event.data();
		if (data instanceof Checkout checkout) {
			String product = (checkout.product() != null) ? checkout.product().name() : "your order";
			return "The checkout for " + product + checkout(checkout) + ".";
		}
		if (data instanceof CustomerState state) {
			return access(state.activeSubscriptions().size(), state.grantedBenefits().size());
		}
		if (data instanceof Customer customer) {
			return "Polar " + verb + " the customer " + customer.email() + ".";
		}
		if (data instanceof Order order) {
			String product = (order.product() != null) ? order.product().name() : order.description();
			return "The order for " + product + " was " + verb + ": "
					+ ProductCard.money(order.totalAmount(), order.currency()) + ".";
		}
		if (data instanceof Subscription subscription) {
			return subscription(verb, subscription);
		}
		if (data instanceof BenefitGrantWebhook grant) {
			String change = switch (verb) {
				case "created" -> "granted";
				case "cycled" -> "renewed";
				default -> verb;
			};
			return "Benefit " + change + ": " + benefit(grant) + ".";
		}
		return "Nothing for the store to do.";
	}

	private static String subscription(String verb, Subscription subscription) {
		String product = subscription.product().name();
		return switch (verb) {
			case "active" -> "The subscription to " + product + " is active until "
					+ DAY.format(subscription.currentPeriodEnd()) + ".";
			case "canceled" -> subscription.cancelAtPeriodEnd()
					? "The subscription to " + product + " was canceled; access until "
							+ DAY.format(subscription.currentPeriodEnd()) + "."
					: "The subscription to " + product + " was canceled.";
			case "revoked" -> "The subscription to " + product + " ended.";
			case "uncanceled" -> "The subscription to " + product + " will renew again.";
			case "cycled" -> "The subscription to " + product + " renewed.";
			case "past_due" -> "The last payment for " + product + " failed; the subscription is past due.";
			default -> "The subscription to " + product + " was " + verb + ".";
		};
	}

	private static String checkout(Checkout checkout) {
		return switch (checkout.status()) {
			case SUCCEEDED -> " was paid";
			case CONFIRMED -> " was confirmed; the payment is being processed";
			case EXPIRED -> " expired";
			case FAILED -> " failed";
			default -> " is open";
		};
	}

	private static String benefit(BenefitGrantWebhook grant) {
		if (grant instanceof BenefitGrantCustomWebhook custom) {
			return custom.benefit().description();
		}
		if (grant instanceof BenefitGrantLicenseKeysWebhook licenseKeys) {
			return licenseKeys.benefit().description();
		}
		return "benefit " + grant.benefitId();
	}

	private static String access(int subscriptions, int benefits) {
		if (subscriptions == 0 && benefits == 0) {
			return "Your access changed: you have no active subscription or benefit now.";
		}
		String has = (subscriptions == 0) ? count(benefits, "benefit")
				: (benefits == 0) ? count(subscriptions, "active subscription")
						: count(subscriptions, "active subscription") + " and " + count(benefits, "benefit");
		return "Your access changed: you now have " + has + ".";
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
