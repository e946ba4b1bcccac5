package dev.polarspring.sample.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.polarspring.boot.billing.PolarCustomerEntitlements;
import dev.polarspring.boot.billing.PolarCustomerState;
import dev.polarspring.client.model.Benefit;
import dev.polarspring.client.model.Product;

/**
 * What the account page shows: each product the shopper owns with the benefits it gave
 * them, from their entitlements (Polar's customer state and paid orders) read against the
 * catalog, which says which product a benefit comes from.
 *
 * @param products the products owned now or before, active ones first
 * @param usage the readings of the shopper's active meters
 * @param hasBilling whether Polar has anything for the shopper, so the customer portal
 * has something to show
 */
public record Account(List<OwnedProduct> products, List<MeterUsage> usage, boolean hasBilling) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
		.withZone(ZoneOffset.UTC);

	/**
	 * Creates the view.
	 * @param products the products
	 * @param usage the meter readings
	 * @param hasBilling whether the portal has something to show
	 */
	public Account {
		products = List.copyOf(products);
		usage = List.copyOf(usage);
	}

	/**
	 * Reads a shopper's entitlements against the catalog.
	 * @param entitlements the shopper's entitlements
	 * @param catalog every product, archived ones included
	 * @param benefits how each granted benefit is shown
	 * @param usage the readings of the shopper's active meters
	 * @return the view
	 */
	static Account of(PolarCustomerEntitlements entitlements, List<Product> catalog, BenefitDetails benefits,
			List<MeterUsage> usage) {
		List<OwnedProduct> active = new ArrayList<>();
		List<OwnedProduct> ended = new ArrayList<>();
		for (Product product : catalog) {
			List<OwnedBenefit> granted = new ArrayList<>();
			for (Benefit benefit : product.benefits()) {
				entitlements.benefit(benefit.id()).ifPresent((grant) -> granted.add(benefits.describe(benefit, grant)));
			}
			Optional<PolarCustomerState.Subscription> subscription = entitlements.subscription(product.id());
			boolean purchased = entitlements.hasPurchased(product.id());
			if (subscription.isPresent()) {
				active.add(new OwnedProduct(product.name(), "Subscription", status(subscription.get()), true, granted));
			}
			else if (product.isRecurring() && purchased) {
				ended.add(new OwnedProduct(product.name(), "Subscription", "Ended", false, granted));
			}
			else if (purchased) {
				active.add(new OwnedProduct(product.name(), "Purchase", "Paid", true, granted));
			}
			else if (!granted.isEmpty()) {
				active.add(new OwnedProduct(product.name(), "Benefits", "Granted", true, granted));
			}
		}
		active.addAll(ended);
		return new Account(active, usage, !entitlements.isEmpty());
	}

	private static String status(PolarCustomerState.Subscription subscription) {
		String day = DAY.format(subscription.currentPeriodEnd());
		if (subscription.cancelAtPeriodEnd()) {
			Instant end = (subscription.endsAt() != null) ? subscription.endsAt() : subscription.currentPeriodEnd();
			return "Canceled, access until " + DAY.format(end);
		}
		return (subscription.status().equals("trialing") ? "Trial, ends " : "Active, renews ") + day;
	}

	/**
	 * Returns whether a benefit lets the shopper download the kit.
	 * @return whether some product gave them the download
	 */
	public boolean canDownload() {
		return this.products.stream()
			.flatMap((product) -> product.benefits().stream())
			.anyMatch(OwnedBenefit::downloadable);
	}

	/**
	 * Returns whether the shopper owns nothing, now or before.
	 * @return whether the table is empty
	 */
	public boolean isEmpty() {
		return this.products.isEmpty();
	}

}
