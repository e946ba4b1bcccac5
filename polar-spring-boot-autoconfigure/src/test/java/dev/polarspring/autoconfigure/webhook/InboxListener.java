package dev.polarspring.autoconfigure.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A listener of every event for the durable processing tests: counts how often each
 * delivery reached it and how often it returned, on which threads, and can be told to
 * hold deliveries, to take time, to fail a number of times, or to write each delivery it
 * handles to a table ({@value #HANDLED_TABLE}) in the delivery's transaction.
 */
class InboxListener {

	static final String HANDLED_TABLE = "inbox_listener_handled";

	// Long enough for any test, short enough that a broken one does not hang the build.
	private static final long HOLD_LIMIT_SECONDS = 60;

	private final Map<String, AtomicInteger> dispatches = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile Duration work = Duration.ZERO;

	private volatile @Nullable JdbcTemplate writer;

	@EventListener
	void on(PolarWebhookEvent event) {
		String id = event.delivery().id();
		this.dispatches.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		this.threads.add(Thread.currentThread());
		try {
			if (!this.gate.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never let delivery " + id + " through");
			}
			if (!this.work.isZero()) {
				Thread.sleep(this.work.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while handling delivery " + id, ex);
		}
		JdbcTemplate writer = this.writer;
		if (writer != null) {
			// Written before the failure below: it must be rolled back with the attempt.
			writer.update("INSERT INTO " + HANDLED_TABLE + " (delivery_id) VALUES (?)", id);
		}
		AtomicInteger left = this.failuresLeft.get(id);
		if (left != null && left.getAndDecrement() > 0) {
			throw new IllegalStateException("Failing delivery " + id + " on purpose");
		}
		this.completions.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
	}

	/**
	 * Holds every delivery in the listener until {@link #release()}.
	 */
	void hold() {
		this.gate = new CountDownLatch(1);
	}

	/**
	 * Lets held deliveries, and every later one, through.
	 */
	void release() {
		this.gate.countDown();
	}

	void takeTime(Duration work) {
		this.work = work;
	}

	/**
	 * Writes each delivery handled from now on to {@value #HANDLED_TABLE}, creating it.
	 */
	void writeTo(JdbcTemplate jdbc) {
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + HANDLED_TABLE + " (delivery_id VARCHAR(255) NOT NULL)");
		this.writer = jdbc;
	}

	void fail(String id, int times) {
		this.failuresLeft.put(id, new AtomicInteger(times));
	}

	void failAlways(String id) {
		fail(id, Integer.MAX_VALUE);
	}

	void fix(String id) {
		this.failuresLeft.remove(id);
	}

	/**
	 * How many times the delivery reached the listener, failed attempts included.
	 */
	int dispatches(String id) {
		AtomicInteger count = this.dispatches.get(id);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * How many times the listener returned for the delivery.
	 */
	int completions(String id) {
		AtomicInteger count = this.completions.get(id);
		return (count != null) ? count.get() : 0;
	}

	Map<String, Integer> allDispatches() {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		this.dispatches.forEach((id, count) -> counts.put(id, count.get()));
		return counts;
	}

	Set<Thread> threads() {
		return Set.copyOf(this.threads);
	}

	void clear() {
		release();
		this.dispatches.clear();
		this.completions.clear();
		this.failuresLeft.clear();
		this.threads.clear();
		this.work = Duration.ZERO;
		this.writer = null;
	}

}
