package dev.polarspring.test;

import org.springframework.util.Assert;

/**
 * A benefit a {@link FakeProduct} grants when bought: a custom benefit (a note, as Polar
 * shows it to the customer) or license keys.
 *
 * <pre>{@code
 * FakeBenefit.custom("Access to the members area")
 * FakeBenefit.licenseKeys("Desktop license key", "DESK", 3)
 * }</pre>
 */
public final class FakeBenefit {

	private final String type;

	private final String description;

	private final String licenseKeyPrefix;

	private final int activationLimit;

	private FakeBenefit(String type, String description, String licenseKeyPrefix, int activationLimit) {
		Assert.hasText(description, "description must not be empty");
		this.type = type;
		this.description = description;
		this.licenseKeyPrefix = licenseKeyPrefix;
		this.activationLimit = activationLimit;
	}

	/**
	 * Creates a custom benefit, the kind an application grants itself when it receives
	 * {@code benefit_grant.created}.
	 * @param description what the customer gets, as Polar shows it
	 * @return the benefit
	 */
	public static FakeBenefit custom(String description) {
		return new FakeBenefit("custom", description, "", 0);
	}

	/**
	 * Creates a license keys benefit: each purchase issues a key, which the license key
	 * operations validate and activate.
	 * @param description what the customer gets, as Polar shows it
	 * @param prefix the prefix of issued keys, such as {@code DESK}
	 * @param activationLimit how many activations one key allows; at least 1
	 * @return the benefit
	 */
	public static FakeBenefit licenseKeys(String description, String prefix, int activationLimit) {
		Assert.hasText(prefix, "prefix must not be empty");
		Assert.isTrue(activationLimit >= 1, () -> "activationLimit must be at least 1, was " + activationLimit);
		return new FakeBenefit("license_keys", description, prefix, activationLimit);
	}

	/**
	 * Returns Polar's benefit type.
	 * @return {@code custom} or {@code license_keys}
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Returns the description.
	 * @return what the customer gets
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Returns the prefix of issued license keys.
	 * @return the prefix, empty for a custom benefit
	 */
	public String licenseKeyPrefix() {
		return this.licenseKeyPrefix;
	}

	/**
	 * Returns how many activations an issued license key allows.
	 * @return the limit, 0 for a custom benefit
	 */
	public int activationLimit() {
		return this.activationLimit;
	}

	boolean isLicenseKeys() {
		return "license_keys".equals(this.type);
	}

	@Override
	public String toString() {
		return "FakeBenefit{" + this.type + ": " + this.description + "}";
	}

}
