package com.example.client;

// tag::pagination[]
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.ProductsListParams;

public class ProductSync {

	private final PolarClient polar;

	private final Map<String, Product> plans = new ConcurrentHashMap<>();

	public ProductSync(PolarClient polar) {
		this.polar = polar;
	}

	public void syncPlans() {
		this.polar.products()
			.list(ProductsListParams.builder().isArchived(false).limit(100L).build())
			.autoPager()
			.stream()
			.filter((product) -> product.isRecurring())
			.forEach(this::sync);
	}

	private void sync(Product product) {
		this.plans.put(product.id(), product);
	}
	// end::pagination[]

	Map<String, Product> plans() {
		return Map.copyOf(this.plans);
	}
	// tag::pagination[]

}
// end::pagination[]
