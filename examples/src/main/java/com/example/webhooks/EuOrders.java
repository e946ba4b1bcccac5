package com.example.webhooks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

// tag::polar-webhook[]
import dev.polarspring.boot.webhook.PolarWebhook;
import dev.polarspring.client.webhook.OrderPaidEvent;
// end::polar-webhook[]

/**
 * Orders of the EU organization, delivered to its own endpoint with its own secret.
 */
@Component
public class EuOrders {

	private final List<String> paidOrderIds = new CopyOnWriteArrayList<>();

	// tag::polar-webhook[]

	// Without a path: polar.webhook.path
	@PolarWebhook("/polar/eu")
	void on(OrderPaidEvent event) {
		this.paidOrderIds.add(event.data().id());
	}
	// end::polar-webhook[]

	public List<String> paidOrderIds() {
		return List.copyOf(this.paidOrderIds);
	}

}
