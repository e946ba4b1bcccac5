package com.example.client;

// tag::calls[]
import java.util.Optional;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.model.Customer;
import dev.polarspring.client.model.CustomerUpdate;
import dev.polarspring.client.model.Product;

public class CustomerAccounts {

	private final PolarClient polar;

	public CustomerAccounts(PolarClient polar) {
		this.polar = polar;
	}

	public Product product(String productId) {
		return this.polar.products().get(productId);
	}

	public Optional<Customer> customer(String userId) {
		try {
			return Optional.of(this.polar.customers().getExternal(userId));
		}
		catch (NotFoundException ex) {
			// Polar has no customer for this user yet
			return Optional.empty();
		}
	}

	public Customer rename(String customerId, String name) {
		return this.polar.customers()
			.update(customerId, CustomerUpdate.builder()
				// Set: sent as "name": "..."
				.name(name)
				// Explicitly cleared: sent as "billing_address": null
				.billingAddress(null)
				// Everything else left unchanged: not sent at all
				.build());
	}

}
// end::calls[]
