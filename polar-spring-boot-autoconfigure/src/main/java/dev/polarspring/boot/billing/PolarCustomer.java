package dev.polarspring.boot.billing;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The application's user as a Polar customer: the {@code external_customer_id} Polar
 * keeps for them (the application's own user id), and the email and name a checkout
 * starts with when Polar does not know them yet.
 *
 * @param externalId the application's id of the user, sent to Polar as
 * {@code external_customer_id}; every webhook about the customer carries it back
 * @param email the email a new customer's checkout is filled in with, or {@code null} to
 * let the customer type it
 * @param name the name a new customer's checkout is filled in with, or {@code null}
 */
public record PolarCustomer(String externalId, @Nullable String email, @Nullable String name) {

	/**
	 * Creates a customer, checking the id.
	 * @param externalId the application's id of the user
	 * @param email the email, or {@code null}
	 * @param name the name, or {@code null}
	 */
	public PolarCustomer {
		Assert.hasText(externalId, "externalId must not be empty: it is the application's id of the user");
	}

	/**
	 * A customer known by id alone.
	 * @param externalId the application's id of the user
	 * @return the customer
	 */
	public static PolarCustomer of(String externalId) {
		return new PolarCustomer(externalId, null, null);
	}

	/**
	 * Returns this customer with an email for a new customer's checkout.
	 * @param email the email, or {@code null}
	 * @return a copy with the email
	 */
	public PolarCustomer withEmail(@Nullable String email) {
		return new PolarCustomer(this.externalId, email, this.name);
	}

	/**
	 * Returns this customer with a name for a new customer's checkout.
	 * @param name the name, or {@code null}
	 * @return a copy with the name
	 */
	public PolarCustomer withName(@Nullable String name) {
		return new PolarCustomer(this.externalId, this.email, name);
	}

}
