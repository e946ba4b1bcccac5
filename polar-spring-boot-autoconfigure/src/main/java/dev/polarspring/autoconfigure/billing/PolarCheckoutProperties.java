package dev.polarspring.autoconfigure.billing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.polarspring.boot.billing.PolarCheckoutDefaults;

/**
 * Settings of checkouts ({@code polar.checkout.*}): the checkout endpoint, and what every
 * checkout created by {@code PolarCheckouts} starts with. Values are checked when they
 * are bound, so a bad value stops the application at startup with a message naming the
 * key.
 */
@ConfigurationProperties("polar.checkout")
public class PolarCheckoutProperties implements Validator {

	private static final Pattern UUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	/**
	 * Whether to serve the checkout endpoint, which creates a checkout for the signed-in
	 * user and redirects to it: GET {path}?products=<product alias or id>.
	 */
	private boolean enabled;

	/**
	 * Path of the checkout endpoint.
	 */
	private String path = "/polar/checkout";

	/**
	 * Where Polar sends the customer after paying: an absolute URL, or a path of this
	 * application such as /thanks?checkout_id={CHECKOUT_ID} (Polar fills in
	 * {CHECKOUT_ID}). Unset, Polar shows its own confirmation page.
	 */
	private @Nullable String successUrl;

	/**
	 * Where the checkout's back link goes: an absolute URL, or a path of this
	 * application. Unset, the checkout has no back link.
	 */
	private @Nullable String returnUrl;

	/**
	 * Metadata set on every checkout, copied by Polar to the order and subscription.
	 */
	private Map<String, String> metadata = new LinkedHashMap<>();

	/**
	 * Id of a discount applied to every checkout.
	 */
	private @Nullable String discountId;

	/**
	 * Whether customers may enter a discount code on the checkout.
	 */
	private boolean allowDiscountCodes = true;

	/**
	 * Number of seats of every checkout, for seat-based pricing; a request's seats
	 * parameter overrides it.
	 */
	private @Nullable Long seats;

	/**
	 * Origins besides this application's whose pages may link to the checkout endpoint,
	 * such as https://www.example.com for a marketing site. Requests from any other site
	 * are refused with 403.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public @Nullable String getSuccessUrl() {
		return this.successUrl;
	}

	public void setSuccessUrl(@Nullable String successUrl) {
		this.successUrl = successUrl;
	}

	public @Nullable String getReturnUrl() {
		return this.returnUrl;
	}

	public void setReturnUrl(@Nullable String returnUrl) {
		this.returnUrl = returnUrl;
	}

	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	public void setMetadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

	public @Nullable String getDiscountId() {
		return this.discountId;
	}

	public void setDiscountId(@Nullable String discountId) {
		this.discountId = discountId;
	}

	public boolean isAllowDiscountCodes() {
		return this.allowDiscountCodes;
	}

	public void setAllowDiscountCodes(boolean allowDiscountCodes) {
		this.allowDiscountCodes = allowDiscountCodes;
	}

	public @Nullable Long getSeats() {
		return this.seats;
	}

	public void setSeats(@Nullable Long seats) {
		this.seats = seats;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	/**
	 * Returns what every checkout starts with.
	 * @return the checkout defaults
	 */
	public PolarCheckoutDefaults toDefaults() {
		return new PolarCheckoutDefaults(this.successUrl, this.returnUrl, this.metadata, this.discountId,
				this.allowDiscountCodes, this.seats);
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarCheckoutProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarCheckoutProperties properties = (PolarCheckoutProperties) target;
		BillingUrls.checkPath(errors, "path", "polar.checkout.path", properties.getPath());
		BillingUrls.checkCallbackUrl(errors, "successUrl", "polar.checkout.success-url", properties.getSuccessUrl());
		BillingUrls.checkCallbackUrl(errors, "returnUrl", "polar.checkout.return-url", properties.getReturnUrl());
		BillingUrls.checkOrigins(errors, "allowedOrigins", "polar.checkout.allowed-origins",
				properties.getAllowedOrigins());
		String discountId = properties.getDiscountId();
		if (discountId != null && !UUID.matcher(discountId).matches()) {
			errors.rejectValue("discountId", "polar.checkout.discount-id", "polar.checkout.discount-id must be a "
					+ "discount id (a UUID, as Polar's dashboard shows it), was '" + discountId + "'");
		}
		Long seats = properties.getSeats();
		if (seats != null && (seats < 1 || seats > 10_000)) {
			errors.rejectValue("seats", "polar.checkout.seats",
					"polar.checkout.seats must be from 1 to 10000, was " + seats);
		}
	}

	@Override
	public String toString() {
		return "PolarCheckoutProperties[enabled=" + this.enabled + ", path=" + this.path + ", successUrl="
				+ this.successUrl + ", returnUrl=" + this.returnUrl + ", metadata=" + this.metadata.keySet()
				+ ", discountId=" + this.discountId + ", allowDiscountCodes=" + this.allowDiscountCodes + ", seats="
				+ this.seats + ", allowedOrigins=" + this.allowedOrigins + "]";
	}

}
