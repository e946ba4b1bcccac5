package dev.polarspring.sample.account;

import java.util.List;

/**
 * A product the shopper owns, or owned, as a row of the account page.
 *
 * @param name the product's name
 * @param kind {@code Subscription} or {@code Purchase}
 * @param status what the shopper's access is now, such as {@code Active, renews June 3,
 * 2026}
 * @param active whether it gives access now
 * @param benefits what it gives them, as granted now
 */
public record OwnedProduct(String name, String kind, String status, boolean active, List<OwnedBenefit> benefits) {

	/**
	 * Creates a row.
	 * @param name the name
	 * @param kind the kind
	 * @param status the status
	 * @param active whether it is active
	 * @param benefits the benefits
	 */
	public OwnedProduct {
		benefits = List.copyOf(benefits);
	}

}
