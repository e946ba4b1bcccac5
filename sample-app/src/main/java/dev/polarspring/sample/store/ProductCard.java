package dev.polarspring.sample.store;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.model.AnyProductPrice;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.model.ProductPriceCustom;
import dev.polarspring.client.model.ProductPriceFixed;

/**
 * A product as the catalog page shows it.
 *
 * @param id the Polar product id
 * @param checkoutName what the checkout endpoint takes for it: its alias, or its id
 * @param name the name
 * @param description the description, or {@code null}
 * @param price the price as shown, such as {@code $9.00 / month}
 */
public record ProductCard(String id, String checkoutName, String name, @Nullable String description, String price) {

	/**
	 * Describes a Polar product.
	 * @param product the product
	 * @param checkoutName what the checkout endpoint takes for it
	 * @return its card
	 */
	public static ProductCard of(Product product, String checkoutName) {
		String interval = (product.recurringInterval() != null) ? " / " + product.recurringInterval().value() : "";
		return new ProductCard(product.id(), checkoutName, product.name(), product.description(),
				price(product) + interval);
	}

	private static String price(Product product) {
		if (product.prices().isEmpty()) {
			return "Free";
		}
		AnyProductPrice price = product.prices().get(0);
		if (price instanceof ProductPriceFixed fixed) {
			return money(fixed.priceAmount(), fixed.priceCurrency());
		}
		if (price instanceof ProductPriceCustom custom) {
			return "From " + money(custom.minimumAmount(), custom.priceCurrency());
		}
		return "Priced at checkout";
	}

	/**
	 * Formats an amount in the smallest unit of its currency, as Polar sends amounts.
	 * @param amount the amount, such as {@code 1900}
	 * @param currency the ISO 4217 code, such as {@code usd}
	 * @return such as {@code $19.00}
	 */
	public static String money(long amount, String currency) {
		Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(unit);
		return format.format(BigDecimal.valueOf(amount, unit.getDefaultFractionDigits()));
	}

}
