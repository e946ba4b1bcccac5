package dev.polarspring.sample.store;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.ProductsClient;
import dev.polarspring.client.resource.ProductsListParams;

/**
 * The store's products, read from Polar on each call (Polar is the catalog), and the
 * names the checkout endpoint knows them by: their alias from {@code polar.products.*}
 * where one is configured, else their id.
 */
@Component
public class Catalog {

	private final ProductsClient products;

	private final PolarAliases aliases;

	Catalog(ProductsClient products, PolarAliases aliases) {
		this.products = products;
		this.aliases = aliases;
	}

	/**
	 * Returns the products for sale.
	 * @return the products that are not archived, in Polar's order
	 */
	public List<Product> forSale() {
		return this.products.list(ProductsListParams.builder().isArchived(false).build()).autoPager().stream().toList();
	}

	/**
	 * Returns every product, archived ones included: what a shopper owns may no longer be
	 * for sale.
	 * @return the products, in Polar's order
	 */
	public List<Product> all() {
		return this.products.list(ProductsListParams.builder().build()).autoPager().stream().toList();
	}

	/**
	 * Returns what {@code /polar/checkout?products=} takes for a product.
	 * @param product the product
	 * @return its alias, or its id when it has none
	 */
	public String checkoutName(Product product) {
		return this.aliases.productAlias(product.id()).orElse(product.id());
	}

}
