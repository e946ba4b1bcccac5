package com.example.shop;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.client.webhook.OrderPaidEvent;

/**
 * The application of the documentation's example test (README.md, "Testing with
 * polar-spring-boot-test"): a shop that starts checkouts and grants access when Polar
 * says an order is paid.
 */
@SpringBootApplication
class ShopApplication {

	@Service
	static class Shop {

		private final CheckoutsClient checkouts;

		private final Set<String> customersWithAccess = ConcurrentHashMap.newKeySet();

		Shop(CheckoutsClient checkouts) {
			this.checkouts = checkouts;
		}

		String startCheckout(String productId, String userId) {
			return this.checkouts
				.create(CheckoutProductsCreate.builder()
					.products(List.of(productId))
					.externalCustomerId(userId)
					.successUrl("https://shop.example.com/thanks")
					.build())
				.url();
		}

		@EventListener
		void onOrderPaid(OrderPaidEvent event) {
			this.customersWithAccess.add(event.data().customer().externalId());
		}

		boolean hasAccess(String userId) {
			return this.customersWithAccess.contains(userId);
		}

	}

}
