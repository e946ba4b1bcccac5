package com.example.shop;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.polarspring.client.model.Product;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.context.AutoConfigureFakePolar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Injecting clients" service, against the fake Polar.
 */
@SpringBootTest(properties = "polar.webhook.secret=whsec_test")
@AutoConfigureFakePolar(deliverWebhooks = false)
class CatalogTests {

	@Autowired
	FakePolar polar;

	@Autowired
	Catalog catalog;

	@Test
	void listsTheProductsAndOpensACheckout() {
		assertThat(this.catalog.products()).extracting(Product::name)
			.containsExactlyInAnyOrder("Starter Kit", "Pro Plan", "Desktop License");
		String url = this.catalog.checkoutUrl(this.polar.product("Desktop License").id());
		assertThat(url).startsWith(this.polar.baseUrl() + "/checkout/");
		assertThat(this.polar.checkouts()).singleElement()
			.satisfies((checkout) -> assertThat(checkout.successUrl())
				.isEqualTo("https://shop.example.com/success?checkout_id={CHECKOUT_ID}"));
	}

}
