package dev.polarspring.boot.billing;

/**
 * Thrown when Polar has no customer with an {@code external_customer_id} yet: Polar
 * creates the customer with their first checkout, so there is no customer portal for them
 * before it.
 */
public class UnknownCustomerException extends RuntimeException {

	private final String externalCustomerId;

	/**
	 * Creates the exception.
	 * @param externalCustomerId the application's id of the user
	 * @param cause Polar's answer
	 */
	public UnknownCustomerException(String externalCustomerId, Throwable cause) {
		super("Polar has no customer with external id '" + externalCustomerId
				+ "' yet; it creates one with the customer's first checkout", cause);
		this.externalCustomerId = externalCustomerId;
	}

	/**
	 * Returns the id Polar does not know.
	 * @return the application's id of the user
	 */
	public String getExternalCustomerId() {
		return this.externalCustomerId;
	}

}
