package dev.polarspring.benchmarks.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.polarspring.client.webhook.PolarWebhookEvent;

import org.springframework.context.event.EventListener;

/**
 * A listener that takes as long as a call to another API, counting how many times each
 * delivery reached it.
 */
class SlowListener {

	private final Map<String, AtomicInteger> dispatches = new ConcurrentHashMap<>();

	private final AtomicLong total = new AtomicLong();

	private volatile Duration work = Duration.ofMillis(50);

	@EventListener
	void on(PolarWebhookEvent event) throws InterruptedException {
		Thread.sleep(this.work.toMillis());
		this.dispatches.computeIfAbsent(event.delivery().id(), (id) -> new AtomicInteger()).incrementAndGet();
		this.total.incrementAndGet();
	}

	void takes(Duration work) {
		this.work = work;
	}

	/**
	 * How many times each delivery was dispatched.
	 */
	Map<String, AtomicInteger> dispatches() {
		return this.dispatches;
	}

	long total() {
		return this.total.get();
	}

	void reset() {
		this.dispatches.clear();
		this.total.set(0);
	}

}
