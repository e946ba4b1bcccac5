package com.example.webhooks;

// tag::listeners[]
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.polarspring.client.model.Order;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;

@Component
public class Fulfilment {

	private static final Logger logger = LoggerFactory.getLogger(Fulfilment.class);

	private final Map<String, Order> shipped = new ConcurrentHashMap<>();

	private final List<String> audit = new CopyOnWriteArrayList<>();

	@EventListener
	void on(OrderPaidEvent event) {
		Order order = event.data();
		// The webhook-id, the same in every retry of this delivery
		String deliveryId = event.delivery().id();
		Instant sentAt = event.delivery().timestamp();
		logger.info("Order {} paid (delivery {} sent at {})", order.id(), deliveryId, sentAt);
		// Keyed by Polar's id: a redelivery ships nothing twice
		this.shipped.putIfAbsent(order.id(), order);
	}

	// Every event, types this version does not know included
	@EventListener
	void on(PolarWebhookEvent event) {
		this.audit.add(event.type() + " " + event.delivery().id());
	}
	// end::listeners[]

	public Map<String, Order> shipped() {
		return Map.copyOf(this.shipped);
	}

	public List<String> audit() {
		return List.copyOf(this.audit);
	}
	// tag::listeners[]

}
// end::listeners[]
