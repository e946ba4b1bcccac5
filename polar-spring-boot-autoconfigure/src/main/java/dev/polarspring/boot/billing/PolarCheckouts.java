package dev.polarspring.boot.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.resource.CheckoutsClient;

/**
 * Creates Polar checkouts for the application's customers, with products named by id or
 * {@linkplain PolarAliases alias} and the {@linkplain PolarCheckoutDefaults defaults}
 * from {@code polar.checkout.*}. The checkout endpoint uses it; so can a controller of
 * your own:
 *
 * <pre>{@code
 * String url = checkouts.checkoutUrl(PolarCustomer.of(user.id()), "pro");
 * Checkout checkout = checkouts.checkout("team").customer(customer).seats(5L).metadata("plan", "team").create();
 * }</pre>
 */
public final class PolarCheckouts {

	private final CheckoutsClient checkouts;

	private final PolarAliases aliases;

	private final PolarCheckoutDefaults defaults;

	/**
	 * Creates the service.
	 * @param checkouts the client checkouts are created with
	 * @param aliases the product aliases
	 * @param defaults what every checkout starts with
	 */
	public PolarCheckouts(CheckoutsClient checkouts, PolarAliases aliases, PolarCheckoutDefaults defaults) {
		this.checkouts = checkouts;
		this.aliases = aliases;
		this.defaults = defaults;
	}

	/**
	 * Creates a checkout for a customer with the defaults and answers its URL, where the
	 * customer pays.
	 * @param customer the customer
	 * @param productIdsOrAliases the products offered, the first one selected
	 * @return the checkout's URL on Polar
	 * @throws UnknownAliasException when a product is neither an id nor an alias
	 */
	public String checkoutUrl(PolarCustomer customer, String... productIdsOrAliases) {
		return checkout(productIdsOrAliases).customer(customer).create().url();
	}

	/**
	 * Starts a checkout with the defaults, to change some of them before creating it.
	 * @param productIdsOrAliases the products offered, the first one selected
	 * @return a builder
	 * @throws UnknownAliasException when a product is neither an id nor an alias
	 */
	public Builder checkout(String... productIdsOrAliases) {
		return checkout(List.of(productIdsOrAliases));
	}

	/**
	 * Starts a checkout with the defaults, to change some of them before creating it.
	 * @param productIdsOrAliases the products offered, the first one selected
	 * @return a builder
	 * @throws UnknownAliasException when a product is neither an id nor an alias
	 */
	public Builder checkout(List<String> productIdsOrAliases) {
		Assert.notEmpty(productIdsOrAliases, "Name at least one product, by id or alias");
		List<String> productIds = new ArrayList<>();
		productIdsOrAliases.forEach((product) -> productIds.add(this.aliases.productId(product)));
		return new Builder(productIds);
	}

	/**
	 * A checkout to create: the products, a customer, and the defaults, each of which may
	 * be changed.
	 */
	public final class Builder {

		private final List<String> productIds;

		private @Nullable PolarCustomer customer;

		private @Nullable String successUrl;

		private @Nullable String returnUrl;

		private final Map<String, Object> metadata;

		private @Nullable String discountId;

		private boolean allowDiscountCodes;

		private @Nullable Long seats;

		private Builder(List<String> productIds) {
			PolarCheckoutDefaults defaults = PolarCheckouts.this.defaults;
			this.productIds = List.copyOf(productIds);
			this.successUrl = defaults.successUrl();
			this.returnUrl = defaults.returnUrl();
			this.metadata = new LinkedHashMap<>(defaults.metadata());
			this.discountId = defaults.discountId();
			this.allowDiscountCodes = defaults.allowDiscountCodes();
			this.seats = defaults.seats();
		}

		/**
		 * Sets who buys: the checkout carries their {@code external_customer_id}, so the
		 * customer Polar creates (or finds) is theirs.
		 * @param customer the customer, or {@code null} for an anonymous checkout
		 * @return this builder
		 */
		public Builder customer(@Nullable PolarCustomer customer) {
			this.customer = customer;
			return this;
		}

		/**
		 * Sets where Polar sends the customer after paying.
		 * @param successUrl absolute, or a path of this application; may contain
		 * {@code {CHECKOUT_ID}}
		 * @return this builder
		 */
		public Builder successUrl(@Nullable String successUrl) {
			this.successUrl = successUrl;
			return this;
		}

		/**
		 * Sets where the checkout's back link goes.
		 * @param returnUrl absolute, or a path of this application
		 * @return this builder
		 */
		public Builder returnUrl(@Nullable String returnUrl) {
			this.returnUrl = returnUrl;
			return this;
		}

		/**
		 * Adds metadata, copied to the order and subscription.
		 * @param key the key
		 * @param value a string, number or boolean
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			this.metadata.put(key, value);
			return this;
		}

		/**
		 * Sets the discount applied to the checkout.
		 * @param discountId the discount id, or {@code null} for none
		 * @return this builder
		 */
		public Builder discountId(@Nullable String discountId) {
			this.discountId = discountId;
			return this;
		}

		/**
		 * Sets whether the customer may enter a discount code.
		 * @param allowDiscountCodes whether discount codes are accepted
		 * @return this builder
		 */
		public Builder allowDiscountCodes(boolean allowDiscountCodes) {
			this.allowDiscountCodes = allowDiscountCodes;
			return this;
		}

		/**
		 * Sets the number of seats, for seat-based pricing.
		 * @param seats from 1 to 10000, or {@code null}
		 * @return this builder
		 */
		public Builder seats(@Nullable Long seats) {
			this.seats = seats;
			return this;
		}

		/**
		 * Creates the checkout on Polar.
		 * @return the checkout; {@link Checkout#url()} is where the customer pays
		 * @throws dev.polarspring.client.error.PolarException when Polar refuses it or
		 * cannot be reached
		 */
		public Checkout create() {
			CheckoutProductsCreate.Builder body = CheckoutProductsCreate.builder()
				.products(this.productIds)
				.allowDiscountCodes(this.allowDiscountCodes);
			PolarCustomer buyer = this.customer;
			if (buyer != null) {
				body.externalCustomerId(buyer.externalId());
				if (buyer.email() != null) {
					body.customerEmail(buyer.email());
				}
				if (buyer.name() != null) {
					body.customerName(buyer.name());
				}
			}
			String success = CallbackUrls.absolute(this.successUrl, "The checkout's success URL");
			if (success != null) {
				body.successUrl(success);
			}
			String back = CallbackUrls.absolute(this.returnUrl, "The checkout's return URL");
			if (back != null) {
				body.returnUrl(back);
			}
			if (!this.metadata.isEmpty()) {
				body.metadata(this.metadata);
			}
			if (this.discountId != null) {
				body.discountId(this.discountId);
			}
			if (this.seats != null) {
				body.seats(this.seats);
			}
			return PolarCheckouts.this.checkouts.create(body.build());
		}

	}

}
