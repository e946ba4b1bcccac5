package dev.polarspring.boot.billing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What every checkout created by {@link PolarCheckouts} starts with; a checkout's builder
 * may change each of them.
 *
 * @param successUrl where Polar sends the customer after paying, absolute or relative to
 * the current request's application (such as {@code /thanks?checkout_id={CHECKOUT_ID}};
 * Polar fills in {@code {CHECKOUT_ID}}), or {@code null} for Polar's own confirmation
 * page
 * @param returnUrl where the checkout's back link goes, absolute or relative, or
 * {@code null} for none
 * @param metadata metadata copied to the checkout, and from it to the order and
 * subscription
 * @param discountId a discount applied to the checkout, or {@code null}
 * @param allowDiscountCodes whether the customer may enter a discount code
 * @param seats the number of seats for seat-based pricing, or {@code null}
 */
public record PolarCheckoutDefaults(@Nullable String successUrl, @Nullable String returnUrl,
		Map<String, String> metadata, @Nullable String discountId, boolean allowDiscountCodes, @Nullable Long seats) {

	/**
	 * Creates the defaults.
	 * @param successUrl the success URL, or {@code null}
	 * @param returnUrl the return URL, or {@code null}
	 * @param metadata the metadata
	 * @param discountId the discount id, or {@code null}
	 * @param allowDiscountCodes whether discount codes may be entered
	 * @param seats the seats, or {@code null}
	 */
	public PolarCheckoutDefaults {
		metadata = Map.copyOf(metadata);
	}

	/**
	 * Polar's own defaults: its confirmation page, no metadata, no discount, discount
	 * codes allowed.
	 * @return the defaults
	 */
	public static PolarCheckoutDefaults none() {
		return new PolarCheckoutDefaults(null, null, Map.of(), null, true, null);
	}

}
