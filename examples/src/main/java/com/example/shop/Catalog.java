package com.example.shop;

// tag::catalog[]
import java.util.List;

import org.springframework.stereotype.Service;

import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.client.resource.ProductsClient;

@Service
public class Catalog {

	private final ProductsClient products;

	private final CheckoutsClient checkouts;

	public Catalog(ProductsClient products, CheckoutsClient checkouts) {
		this.products = products;
		this.checkouts = checkouts;
	}

	public List<Product> products() {
		return this.products.list().items();
	}

	public String checkoutUrl(String productId) {
		Checkout checkout = this.checkouts.create(CheckoutProductsCreate.builder()
			.products(List.of(productId))
			.successUrl("https://shop.example.com/success?checkout_id={CHECKOUT_ID}")
			.build());
		return checkout.url();
	}

}
// end::catalog[]
