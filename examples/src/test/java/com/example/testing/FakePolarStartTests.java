package com.example.testing;

import org.junit.jupiter.api.Test;

// tag::start[]
import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.model.Product;
import dev.polarspring.test.FakePolar;
// end::start[]

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's fake Polar started by hand, without Spring.
 */
class FakePolarStartTests {

	@Test
	void aFakeStartedByHandAnswersTheClient() {
		// tag::start[]

		try (FakePolar fake = FakePolar.start()) {
			PolarClient polar = PolarClient.builder()
				.baseUrl(fake.baseUrl())
				.accessToken(FakePolar.ACCESS_TOKEN)
				.build();
			Page<Product> products = polar.products().list();
			// end::start[]
			assertThat(products.items()).extracting(Product::name)
				.containsExactlyInAnyOrder("Starter Kit", "Pro Plan", "Desktop License");
			// tag::start[]
		}
		// end::start[]
	}

}
