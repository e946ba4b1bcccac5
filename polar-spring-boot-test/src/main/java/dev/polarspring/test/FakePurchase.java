package dev.polarspring.test;

import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.model.BenefitGrantWebhook;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.Customer;
import dev.polarspring.client.model.LicenseKeyRead;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.Subscription;
import dev.polarspring.client.webhook.PolarWebhookEvent;

/**
 * What paying a checkout on the fake Polar created, and the webhooks it sent for it.
 *
 * @param checkout the checkout, now {@code succeeded}
 * @param customer the customer who paid, found or created
 * @param order the paid order
 * @param subscription the subscription a recurring product started, or {@code null}
 * @param benefitGrants one grant per benefit of the product
 * @param licenseKeys one key per license keys benefit of the product
 * @param webhooks the webhooks, in the order they were sent
 */
public record FakePurchase(Checkout checkout, Customer customer, Order order, @Nullable Subscription subscription,
		List<BenefitGrantWebhook> benefitGrants, List<LicenseKeyRead> licenseKeys, List<FakeWebhookDelivery> webhooks) {

	/**
	 * Creates the record.
	 * @param checkout the checkout
	 * @param customer the customer
	 * @param order the order
	 * @param subscription the subscription, or {@code null}
	 * @param benefitGrants the grants
	 * @param licenseKeys the license keys
	 * @param webhooks the webhooks
	 */
	public FakePurchase {
		benefitGrants = List.copyOf(benefitGrants);
		licenseKeys = List.copyOf(licenseKeys);
		webhooks = List.copyOf(webhooks);
	}

	/**
	 * Returns the first webhook of a type as its typed event, to send again or to check.
	 * @param <E> the event type
	 * @param type the event class, such as {@code OrderPaidEvent.class}
	 * @return the event
	 * @throws NoSuchElementException when this purchase sent no such webhook
	 */
	public <E extends PolarWebhookEvent> E event(Class<E> type) {
		for (FakeWebhookDelivery webhook : this.webhooks) {
			PolarWebhookEvent event = webhook.event();
			if (type.isInstance(event)) {
				return type.cast(event);
			}
		}
		throw new NoSuchElementException("This purchase sent no " + type.getSimpleName() + "; it sent "
				+ this.webhooks.stream().map(FakeWebhookDelivery::type).toList());
	}

}
