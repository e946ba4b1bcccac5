package dev.polarspring.sample.entitlement;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something a customer owns, or owned: a product bought once, a subscription or a
 * benefit.
 *
 * @param sourceId the id of the Polar object it comes from (order, subscription or
 * benefit grant): the natural key, so a redelivered or repeated webhook updates the same
 * row
 * @param kind what it is
 * @param customerId Polar's customer id
 * @param externalCustomerId the store's id of the customer, as given to the checkout
 * @param name what the customer sees: the product name or the benefit description
 * @param detail a line more, such as the renewal date or a license key
 * @param active whether it gives access now
 * @param updatedAt the time of the webhook event it was last updated from
 */
public record Entitlement(String sourceId, Kind kind, String customerId, @Nullable String externalCustomerId,
		String name, @Nullable String detail, boolean active, Instant updatedAt) {

	/**
	 * What an entitlement is.
	 */
	public enum Kind {

		/** A product bought once: an order paid. */
		PURCHASE,

		/** A subscription to a recurring product. */
		SUBSCRIPTION,

		/** A benefit Polar granted with a purchase or subscription. */
		BENEFIT

	}

}
