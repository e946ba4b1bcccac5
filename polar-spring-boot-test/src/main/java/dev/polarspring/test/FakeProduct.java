package dev.polarspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.polarspring.client.model.RecurringInterval;

/**
 * A product in the catalog of a {@link FakePolar}: a name, one fixed price and the
 * benefits a purchase grants. Immutable; the {@code with} methods return copies.
 *
 * <pre>{@code
 * FakeProduct.oneTime("Ebook", 1900, "usd").withDescription("The PDF edition")
 * FakeProduct.recurring("Pro", 900, "usd", RecurringInterval.MONTH).withBenefit(FakeBenefit.custom("Pro features"))
 * }</pre>
 */
public final class FakeProduct {

	private final String name;

	private final @Nullable String description;

	private final long priceAmount;

	private final String currency;

	private final @Nullable RecurringInterval recurringInterval;

	private final List<FakeBenefit> benefits;

	private FakeProduct(String name, @Nullable String description, long priceAmount, String currency,
			@Nullable RecurringInterval recurringInterval, List<FakeBenefit> benefits) {
		Assert.hasText(name, "name must not be empty");
		Assert.isTrue(priceAmount >= 0, () -> "priceAmount must not be negative, was " + priceAmount);
		Assert.isTrue(currency.length() == 3, () -> "currency must be an ISO 4217 code such as usd, was " + currency);
		this.name = name;
		this.description = description;
		this.priceAmount = priceAmount;
		this.currency = currency.toLowerCase(Locale.ROOT);
		this.recurringInterval = recurringInterval;
		this.benefits = List.copyOf(benefits);
	}

	/**
	 * Creates a product bought once.
	 * @param name the product name
	 * @param priceAmount the price in cents (the smallest unit of the currency)
	 * @param currency an ISO 4217 code, such as {@code usd}
	 * @return the product, without description or benefits
	 */
	public static FakeProduct oneTime(String name, long priceAmount, String currency) {
		return new FakeProduct(name, null, priceAmount, currency, null, List.of());
	}

	/**
	 * Creates a subscription product: buying it starts a subscription.
	 * @param name the product name
	 * @param priceAmount the price per interval in cents (the smallest unit of the
	 * currency)
	 * @param currency an ISO 4217 code, such as {@code usd}
	 * @param interval how often the subscription renews
	 * @return the product, without description or benefits
	 */
	public static FakeProduct recurring(String name, long priceAmount, String currency, RecurringInterval interval) {
		Assert.isTrue(interval != RecurringInterval.UNKNOWN, "interval must be day, week, month or year");
		return new FakeProduct(name, null, priceAmount, currency, interval, List.of());
	}

	/**
	 * The catalog a {@link FakePolar} starts with unless told otherwise: "Starter Kit"
	 * (one-time, $19.00, a custom benefit), "Pro Plan" (monthly, $9.00, a custom benefit)
	 * and "Desktop License" (one-time, $49.00, a license key for 3 devices).
	 * @return the default products
	 */
	public static List<FakeProduct> defaults() {
		return List.of(
				oneTime("Starter Kit", 1900, "usd")
					.withDescription("Templates and a setup guide to get going in a day.")
					.withBenefit(FakeBenefit.custom("Starter Kit downloads")),
				recurring("Pro Plan", 900, "usd", RecurringInterval.MONTH)
					.withDescription("Everything in the kit, plus new material every month.")
					.withBenefit(FakeBenefit.custom("Pro member area")),
				oneTime("Desktop License", 4900, "usd").withDescription("The desktop app for up to three devices.")
					.withBenefit(FakeBenefit.licenseKeys("Desktop license key", "DESK", 3)));
	}

	/**
	 * Returns a copy with a description.
	 * @param description the description shown with the product
	 * @return the copy
	 */
	public FakeProduct withDescription(String description) {
		return new FakeProduct(this.name, description, this.priceAmount, this.currency, this.recurringInterval,
				this.benefits);
	}

	/**
	 * Returns a copy that also grants a benefit.
	 * @param benefit the benefit
	 * @return the copy
	 */
	public FakeProduct withBenefit(FakeBenefit benefit) {
		List<FakeBenefit> benefits = new ArrayList<>(this.benefits);
		benefits.add(benefit);
		return new FakeProduct(this.name, this.description, this.priceAmount, this.currency, this.recurringInterval,
				benefits);
	}

	/**
	 * Returns the name.
	 * @return the product name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the description.
	 * @return the description, or {@code null}
	 */
	public @Nullable String description() {
		return this.description;
	}

	/**
	 * Returns the price.
	 * @return the price in cents
	 */
	public long priceAmount() {
		return this.priceAmount;
	}

	/**
	 * Returns the currency.
	 * @return the lower-case ISO 4217 code
	 */
	public String currency() {
		return this.currency;
	}

	/**
	 * Returns how often a subscription to this product renews.
	 * @return the interval, or {@code null} for a product bought once
	 */
	public @Nullable RecurringInterval recurringInterval() {
		return this.recurringInterval;
	}

	/**
	 * Returns the benefits a purchase grants.
	 * @return the benefits
	 */
	public List<FakeBenefit> benefits() {
		return this.benefits;
	}

	@Override
	public String toString() {
		return "FakeProduct{" + this.name + ", " + this.priceAmount + " " + this.currency
				+ ((this.recurringInterval != null) ? " per " + this.recurringInterval : "") + "}";
	}

}
