package dev.polarspring.sample.store;

import dev.polarspring.client.model.Checkout;

/**
 * What the success page says about a checkout, in a sentence a shopper reads.
 *
 * @param title the page's heading
 * @param sentence what happened to the checkout
 * @param paid whether the payment went through, so access follows
 * @param checkoutUrl where an unpaid checkout can be finished, or {@code null}
 */
public record CheckoutConfirmation(String title, String sentence, boolean paid, String checkoutUrl) {

	/**
	 * Describes a checkout.
	 * @param checkout the checkout, as Polar has it now
	 * @return what to tell the shopper
	 */
	public static CheckoutConfirmation of(Checkout checkout) {
		String product = (checkout.product() != null) ? checkout.product().name() : "your order";
		return switch (checkout.status()) {
			case SUCCEEDED -> new CheckoutConfirmation("Thank you!", "Your payment for " + product + " went through.",
					true, checkout.url());
			case CONFIRMED -> new CheckoutConfirmation("Thank you!",
					"Polar is confirming your payment for " + product + ". This takes a few seconds.", true,
					checkout.url());
			case EXPIRED -> new CheckoutConfirmation("Checkout expired",
					"Your checkout for " + product + " expired before it was paid. Nothing was charged.", false,
					checkout.url());
			case FAILED -> new CheckoutConfirmation("Payment failed",
					"The payment for " + product + " did not go through. Nothing was charged.", false, checkout.url());
			default -> new CheckoutConfirmation("Not paid yet", "Your checkout for " + product + " is not paid yet.",
					false, checkout.url());
		};
	}

}
