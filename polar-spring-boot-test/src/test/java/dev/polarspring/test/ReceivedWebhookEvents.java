package dev.polarspring.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.polarspring.client.webhook.PolarWebhookEvent;

/**
 * Records the webhook events the test application received, and fails on demand to test
 * the 500 answer.
 */
@Component
public class ReceivedWebhookEvents {

	private final List<PolarWebhookEvent> events = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	@EventListener
	void on(PolarWebhookEvent event) {
		if (this.failing) {
			throw new IllegalStateException("The listener failed on purpose");
		}
		this.events.add(event);
	}

	/**
	 * Returns what was received.
	 * @return the events, in order
	 */
	public List<PolarWebhookEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * Makes the listener throw, or stop throwing.
	 * @param failing whether to throw
	 */
	public void failing(boolean failing) {
		this.failing = failing;
	}

	/**
	 * Forgets the events and stops failing.
	 */
	public void clear() {
		this.events.clear();
		this.failing = false;
	}

}
