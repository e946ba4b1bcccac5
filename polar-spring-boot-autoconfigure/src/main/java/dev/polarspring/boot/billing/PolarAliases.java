package dev.polarspring.boot.billing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * Products and benefits by the names an application gives them in configuration
 * ({@code polar.products.pro=<product id>}, {@code polar.benefits.pro=<benefit id>}), so
 * templates and access rules never hard-code Polar's ids, and sandbox and production can
 * differ only in configuration.
 *
 * <p>
 * Wherever a product or benefit is named, its alias or its Polar id (a UUID) may be
 * given; anything else is an {@link UnknownAliasException}.
 */
public final class PolarAliases {

	private static final Pattern POLAR_ID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private final Map<String, String> products;

	private final Map<String, String> benefits;

	/**
	 * Creates the aliases.
	 * @param products product ids by alias
	 * @param benefits benefit ids by alias
	 */
	public PolarAliases(Map<String, String> products, Map<String, String> benefits) {
		this.products = checked("product", products);
		this.benefits = checked("benefit", benefits);
	}

	/**
	 * Returns aliases that name nothing: only ids are accepted.
	 * @return no aliases
	 */
	public static PolarAliases none() {
		return new PolarAliases(Map.of(), Map.of());
	}

	private static Map<String, String> checked(String kind, Map<String, String> aliases) {
		Map<String, String> copy = new LinkedHashMap<>();
		aliases.forEach((alias, id) -> {
			Assert.isTrue(id != null && POLAR_ID.matcher(id.trim()).matches(), () -> "polar." + kind + "s." + alias
					+ " must be a " + kind + " id (a UUID, as Polar's dashboard shows it), was '" + id + "'");
			copy.put(alias, id.trim());
		});
		return Map.copyOf(copy);
	}

	/**
	 * Returns the id of a product.
	 * @param idOrAlias a product id, or an alias from {@code polar.products.*}
	 * @return the product id
	 * @throws UnknownAliasException when it is neither
	 */
	public String productId(String idOrAlias) {
		return resolve("product", this.products, idOrAlias);
	}

	/**
	 * Returns the id of a benefit.
	 * @param idOrAlias a benefit id, or an alias from {@code polar.benefits.*}
	 * @return the benefit id
	 * @throws UnknownAliasException when it is neither
	 */
	public String benefitId(String idOrAlias) {
		return resolve("benefit", this.benefits, idOrAlias);
	}

	/**
	 * Returns the alias of a product, for pages that link to a product by its alias.
	 * @param productId the product id
	 * @return its alias, or empty when none is configured
	 */
	public Optional<String> productAlias(String productId) {
		return this.products.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equalsIgnoreCase(productId))
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst();
	}

	/**
	 * Returns the product aliases.
	 * @return product ids by alias
	 */
	public Map<String, String> products() {
		return this.products;
	}

	/**
	 * Returns the benefit aliases.
	 * @return benefit ids by alias
	 */
	public Map<String, String> benefits() {
		return this.benefits;
	}

	private static String resolve(String kind, Map<String, String> aliases, String idOrAlias) {
		String id = aliases.get(idOrAlias);
		if (id != null) {
			return id;
		}
		if (POLAR_ID.matcher(idOrAlias).matches()) {
			return idOrAlias;
		}
		throw new UnknownAliasException(kind, idOrAlias);
	}

	@Override
	public String toString() {
		return "PolarAliases[products=" + this.products.keySet() + ", benefits=" + this.benefits.keySet() + "]";
	}

}
