package dev.polarspring.boot.billing;

import java.util.List;
import java.util.Optional;

/**
 * What a customer may use, asked by product and benefit id or {@linkplain PolarAliases
 * alias}: {@code entitlements.of(userId).hasBenefit("pro")}. Returned by
 * {@link PolarEntitlements#of(String)}; immutable, a view of one
 * {@link PolarCustomerState}.
 */
public final class PolarCustomerEntitlements {

	private final PolarCustomerState state;

	private final PolarAliases aliases;

	PolarCustomerEntitlements(PolarCustomerState state, PolarAliases aliases) {
		this.state = state;
		this.aliases = aliases;
	}

	/**
	 * Returns whether the customer has an active (or trialing) subscription to a product.
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return whether they are subscribed now
	 * @throws UnknownAliasException when the product is neither an id nor an alias
	 */
	public boolean isSubscribed(String productIdOrAlias) {
		return subscription(productIdOrAlias).isPresent();
	}

	/**
	 * Returns the customer's active subscription to a product.
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return the subscription, or empty
	 * @throws UnknownAliasException when the product is neither an id nor an alias
	 */
	public Optional<PolarCustomerState.Subscription> subscription(String productIdOrAlias) {
		String productId = this.aliases.productId(productIdOrAlias);
		return this.state.activeSubscriptions()
			.stream()
			.filter((subscription) -> subscription.productId().equalsIgnoreCase(productId))
			.findFirst();
	}

	/**
	 * Returns whether a benefit is granted to the customer now.
	 * @param benefitIdOrAlias a benefit id or an alias from {@code polar.benefits.*}
	 * @return whether it is granted
	 * @throws UnknownAliasException when the benefit is neither an id nor an alias
	 */
	public boolean hasBenefit(String benefitIdOrAlias) {
		return benefit(benefitIdOrAlias).isPresent();
	}

	/**
	 * Returns the customer's grant of a benefit.
	 * @param benefitIdOrAlias a benefit id or an alias from {@code polar.benefits.*}
	 * @return the granted benefit, or empty
	 * @throws UnknownAliasException when the benefit is neither an id nor an alias
	 */
	public Optional<PolarCustomerState.Benefit> benefit(String benefitIdOrAlias) {
		String benefitId = this.aliases.benefitId(benefitIdOrAlias);
		return this.state.grantedBenefits()
			.stream()
			.filter((benefit) -> benefit.benefitId().equalsIgnoreCase(benefitId))
			.findFirst();
	}

	/**
	 * Returns whether the customer paid for a product: a paid or partially refunded order
	 * of it, one-time or a subscription's (a trial has none; a refunded order no longer
	 * counts).
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return whether they bought it
	 * @throws UnknownAliasException when the product is neither an id nor an alias
	 */
	public boolean hasPurchased(String productIdOrAlias) {
		String productId = this.aliases.productId(productIdOrAlias);
		return this.state.purchasedProductIds().stream().anyMatch((id) -> id.equalsIgnoreCase(productId));
	}

	/**
	 * Returns the active subscriptions.
	 * @return the subscriptions
	 */
	public List<PolarCustomerState.Subscription> activeSubscriptions() {
		return this.state.activeSubscriptions();
	}

	/**
	 * Returns the granted benefits.
	 * @return the benefits
	 */
	public List<PolarCustomerState.Benefit> grantedBenefits() {
		return this.state.grantedBenefits();
	}

	/**
	 * Returns the active meters.
	 * @return the meters
	 */
	public List<PolarCustomerState.Meter> activeMeters() {
		return this.state.activeMeters();
	}

	/**
	 * Returns whether the customer has nothing: no subscription, benefit, meter or paid
	 * order.
	 * @return whether they have nothing
	 */
	public boolean isEmpty() {
		return this.state.activeSubscriptions().isEmpty() && this.state.grantedBenefits().isEmpty()
				&& this.state.activeMeters().isEmpty() && this.state.purchasedProductIds().isEmpty();
	}

	/**
	 * Returns the state this view reads.
	 * @return the state, as read from Polar
	 */
	public PolarCustomerState state() {
		return this.state;
	}

	@Override
	public String toString() {
		return "PolarCustomerEntitlements[" + this.state.externalCustomerId() + ", subscriptions="
				+ this.state.activeSubscriptions().size() + ", benefits=" + this.state.grantedBenefits().size()
				+ ", readAt=" + this.state.readAt() + "]";
	}

}
