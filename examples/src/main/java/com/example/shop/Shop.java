package com.example.shop;

// tag::shop[]
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.client.webhook.OrderPaidEvent;

@Service
public class Shop {

	private final CheckoutsClient checkouts;

	private final Set<String> customersWithAccess = ConcurrentHashMap.newKeySet();

	public Shop(CheckoutsClient checkouts) {
		this.checkouts = checkouts;
	}

	public String startCheckout(String productId, String userId) {
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

	public boolean hasAccess(String userId) {
		return this.customersWithAccess.contains(userId);
	}

}
// end::shop[]
