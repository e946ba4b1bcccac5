package dev.polarspring.autoconfigure.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;

/**
 * Listeners of a test application: one of every event, one of orders paid only, and a
 * switch to make the first one throw.
 */
class RecordedEvents {

	private final List<PolarWebhookEvent> all = new CopyOnWriteArrayList<>();

	private final List<OrderPaidEvent> ordersPaid = new CopyOnWriteArrayList<>();

	private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();

	@EventListener
	void on(PolarWebhookEvent event) {
		RuntimeException toThrow = this.failure.get();
		if (toThrow != null) {
			throw toThrow;
		}
		this.all.add(event);
	}

	@EventListener
	void onOrderPaid(OrderPaidEvent event) {
		this.ordersPaid.add(event);
	}

	List<PolarWebhookEvent> all() {
		return this.all;
	}

	List<OrderPaidEvent> ordersPaid() {
		return this.ordersPaid;
	}

	void failWith(@Nullable RuntimeException failure) {
		this.failure.set(failure);
	}

	void clear() {
		this.all.clear();
		this.ordersPaid.clear();
		this.failure.set(null);
	}

}
