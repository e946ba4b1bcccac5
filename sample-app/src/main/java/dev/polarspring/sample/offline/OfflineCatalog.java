package dev.polarspring.sample.offline;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.polarspring.client.model.Benefit;
import dev.polarspring.client.model.Product;
import dev.polarspring.test.FakeMeter;
import dev.polarspring.test.FakePolar;

/**
 * What the offline store sells: the fake Polar's default catalog, a meter that counts
 * downloads, and the aliases the store's pages and configuration name them by. With
 * Polar's sandbox the same aliases come from {@code polar.products.*} and
 * {@code polar.benefits.*} (for example {@code POLAR_PRODUCTS_STARTER}).
 */
final class OfflineCatalog {

	/** The event the store records for each download, which the meter counts. */
	static final String DOWNLOAD_EVENT = "download";

	/** Product aliases to the names of the fake's products. */
	private static final Map<String, String> PRODUCTS = Map.of("starter", "Starter Kit", "pro", "Pro Plan", "desktop",
			"Desktop License");

	/** Benefit aliases to the descriptions of the fake's benefits. */
	private static final Map<String, String> BENEFITS = Map.of("downloads", "Starter Kit downloads", "pro-area",
			"Pro member area", "desktop-key", "Desktop license key");

	private OfflineCatalog() {
	}

	/**
	 * Starts the fake Polar the offline store runs against.
	 * @return the running fake
	 */
	static FakePolar startFake() {
		return FakePolar.builder().meters(FakeMeter.count("Downloads", DOWNLOAD_EVENT)).start();
	}

	/**
	 * Returns {@code polar.products.*} and {@code polar.benefits.*} for the fake's ids.
	 * @param fake the running fake
	 * @return the alias properties
	 */
	static Map<String, Object> aliasProperties(FakePolar fake) {
		Map<String, Object> properties = new LinkedHashMap<>();
		PRODUCTS.forEach((alias, name) -> properties.put("polar.products." + alias, fake.product(name).id()));
		BENEFITS
			.forEach((alias, description) -> properties.put("polar.benefits." + alias, benefitId(fake, description)));
		return properties;
	}

	private static String benefitId(FakePolar fake, String description) {
		for (Product product : fake.products()) {
			for (Benefit benefit : product.benefits()) {
				if (benefit.description().equals(description)) {
					return benefit.id();
				}
			}
		}
		throw new IllegalStateException("The fake Polar's catalog has no benefit '" + description + "'");
	}

}
