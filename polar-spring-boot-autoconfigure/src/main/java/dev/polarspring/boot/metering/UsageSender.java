package dev.polarspring.boot.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import dev.polarspring.client.resource.EventsClient;

/**
 * Sends recorded usage to Polar from one background thread: buffered events go out in
 * batches of {@link MeteringSettings#batchSize()} as soon as a batch is full, and at
 * least every {@link MeteringSettings#flushInterval()}.
 *
 * <ul>
 * <li>A 429 waits for Polar's {@code Retry-After}; 5xx, I/O failures and timeouts back
 * off exponentially; the batch is then sent again, as it was. Polar deduplicates its
 * events by {@code external_id}, so a batch Polar had taken before the answer was lost
 * counts once, and its {@code duplicates} are counted, not treated as errors.
 * <li>A 422 splits the batch: the events Polar named (or, when it named none, the events
 * found by halving the batch) are logged with their names and external ids, published as
 * {@link UsageRejectedEvent}s and never sent again; the rest are sent.
 * <li>Each batch Polar took is published as a {@link UsageIngestedEvent}.
 * <li>Other failures (a token Polar refuses) keep the events and retry with backoff,
 * logged as errors: the buffer fills, and recording fails loudly, rather than usage being
 * lost.
 * </ul>
 *
 * <p>
 * A {@link SmartLifecycle} in phase {@value #PHASE}: it stops after the web server
 * stopped taking requests and before the resources the HTTP client needs, and stopping
 * sends everything still buffered within {@link MeteringSettings#shutdownTimeout()}; what
 * could not be sent is logged with its count. The thread starts with the first recorded
 * event.
 */
public final class UsageSender implements SmartLifecycle {

	/**
	 * The lifecycle phase: below the web server's graceful shutdown and stop (Boot's
	 * {@code SmartLifecycle.DEFAULT_PHASE - 1024} and {@code - 2048}), so requests still
	 * in flight can record usage, above HTTP client resources (phase 0).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(UsageSender.class);

	private final UsageBuffer buffer;

	private final UsageIngest ingest;

	private final MeteringSettings settings;

	private final UsageBackoff backoff;

	private final UsageMetrics metrics;

	private final ApplicationEventPublisher publisher;

	private final ThreadPoolTaskScheduler scheduler;

	private final long waitNanos;

	private final Object lifecycle = new Object();

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	// Guarded by lifecycle.
	private boolean running;

	private @Nullable ScheduledFuture<?> ticks;

	// Read on every record(...) without the lock; set under it.
	private volatile boolean sending;

	// Set by stop(...), read by the sender thread.
	private volatile boolean stopping;

	private volatile long stopDeadline;

	private volatile @Nullable Runnable stopCallback;

	private volatile @Nullable String lastFailure;

	// The sender thread's own state: the batches taken from the buffer and not settled
	// yet (the head is the next to send), and the retry waiting, if any.
	private final ArrayDeque<List<UsageEvent>> batches = new ArrayDeque<>();

	private int failures;

	private @Nullable ScheduledFuture<?> retry;

	private boolean finished;

	/**
	 * Creates the sender.
	 * @param events the client that ingests
	 * @param settings batching, buffering, retries and shutdown
	 * @param scheduler a scheduler for this sender alone, not yet initialized; the sender
	 * initializes it with the first event and shuts it down when it stops (its pool size
	 * should be 1 and it must not await termination)
	 * @param metrics where to count
	 * @param publisher where {@link UsageIngestedEvent}s and {@link UsageRejectedEvent}s
	 * go
	 */
	public UsageSender(EventsClient events, MeteringSettings settings, ThreadPoolTaskScheduler scheduler,
			UsageMetrics metrics, ApplicationEventPublisher publisher) {
		this.buffer = new UsageBuffer(settings.bufferCapacity());
		this.ingest = new UsageIngest(events, settings.organizationId());
		this.settings = settings;
		this.backoff = new UsageBackoff(settings.retryInitialDelay(), settings.retryMaxDelay(),
				settings.retryMultiplier());
		this.metrics = metrics;
		this.publisher = publisher;
		this.scheduler = scheduler;
		this.waitNanos = (settings.whenFull() == FullBufferPolicy.WAIT) ? settings.waitTimeout().toNanos() : 0;
	}

	/**
	 * Buffers an event to send. Never touches the network; waits only for room in a full
	 * buffer, and only with {@link FullBufferPolicy#WAIT}.
	 * @param event the event, timestamped
	 * @throws UsageBufferFullException if the buffer is (still) full
	 * @throws IllegalStateException if the sender has stopped
	 */
	void enqueue(UsageEvent event) {
		int buffered = this.buffer.add(event, this.waitNanos);
		if (buffered > 0) {
			this.metrics.events(UsageOutcome.RECORDED, 1);
			if (!this.sending) {
				startSending();
			}
			if (buffered % this.settings.batchSize() == 0) {
				wake();
			}
			return;
		}
		if (buffered == UsageBuffer.CLOSED) {
			throw new IllegalStateException("Polar usage metering has stopped (the application is shutting down), "
					+ "so '" + event.name() + "' cannot be sent; record usage before the shutdown begins");
		}
		this.metrics.events(UsageOutcome.REFUSED, 1);
		throw new UsageBufferFullException(fullMessage(event, buffered == UsageBuffer.INTERRUPTED), event.name());
	}

	/**
	 * Returns the number of events waiting in the buffer (not counting a batch being
	 * sent).
	 * @return the number of buffered events
	 */
	public int buffered() {
		return this.buffer.size();
	}

	private String fullMessage(UsageEvent event, boolean interrupted) {
		String failure = this.lastFailure;
		String waited = interrupted ? " (the recording thread was interrupted while it waited for room)"
				: (this.waitNanos > 0) ? " and no room was made within polar.metering.buffer.wait-timeout ("
						+ this.settings.waitTimeout() + ")" : "";
		return "The Polar usage buffer is full: " + this.buffer.capacity()
				+ " events wait to be sent (polar.metering.buffer.capacity)" + waited + ". "
				+ ((failure != null) ? "The last ingest failed: " + failure + ". "
						: "Polar takes them more slowly than they are recorded. ")
				+ "'" + event.name() + "' was not recorded. Raise polar.metering.buffer.capacity, or set "
				+ "polar.metering.buffer.when-full=wait to wait for room, or catch this exception to keep the event "
				+ "yourself.";
	}

	private void startSending() {
		synchronized (this.lifecycle) {
			if (this.sending || this.stopping) {
				return;
			}
			this.scheduler.initialize();
			Duration interval = this.settings.flushInterval();
			// The first tick one interval after the first event, which gets a chance to
			// share its batch.
			this.ticks = this.scheduler.scheduleWithFixedDelay(() -> flush(true), Instant.now().plus(interval),
					interval);
			this.sending = true;
		}
	}

	private void wake() {
		if (this.wakeQueued.compareAndSet(false, true)) {
			this.scheduler.execute(() -> {
				this.wakeQueued.set(false);
				flush(false);
			});
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			if (this.stopping) {
				// Started again after a stop: a fresh start with an open buffer.
				this.buffer.reopen();
				this.stopping = false;
				this.finished = false;
				this.stopCallback = null;
			}
			this.running = true;
		}
	}

	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			stopped.await(this.settings.shutdownTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop(Runnable callback) {
		List<UsageEvent> handedOver = List.of();
		synchronized (this.lifecycle) {
			if (!this.running) {
				callback.run();
				return;
			}
			this.running = false;
			this.stopDeadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
			this.stopCallback = callback;
			this.stopping = true;
			ScheduledFuture<?> ticks = this.ticks;
			if (ticks != null) {
				ticks.cancel(false);
			}
			if (!this.sending) {
				// No thread yet; an event recorded just now may still need one.
				handedOver = this.buffer.close();
				if (handedOver.isEmpty()) {
					callback.run();
					return;
				}
				this.scheduler.initialize();
				this.sending = true;
			}
		}
		List<UsageEvent> rest = handedOver;
		this.scheduler.execute(() -> {
			bringRetryBeforeTheDeadline();
			addBatches(rest);
			flush(true);
		});
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycle) {
			return this.running;
		}
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Sends what is due, on the sender thread: every full batch, and with {@code partial}
	 * (the interval passed, a retry, the shutdown) the rest too.
	 */
	private void flush(boolean partial) {
		try {
			flushDue(partial);
		}
		catch (RuntimeException ex) {
			// The scheduler would swallow it; the events are still queued for next time.
			logger.error("Sending usage to Polar failed unexpectedly; the events are kept for the next attempt", ex);
		}
	}

	private void flushDue(boolean partial) {
		if (this.finished || this.retry != null) {
			return;
		}
		int batchSize = this.settings.batchSize();
		while (true) {
			// Read each time round: a stop during a long run of full batches takes over.
			boolean stopping = this.stopping;
			List<UsageEvent> batch = this.batches.peekFirst();
			if (batch == null) {
				int waiting = this.buffer.size();
				if (stopping && waiting == 0) {
					// Closing makes later records fail instead of landing after the last
					// look.
					List<UsageEvent> rest = this.buffer.close();
					if (rest.isEmpty()) {
						finish();
						return;
					}
					addBatches(rest);
					continue;
				}
				if (waiting == 0 || (!partial && !stopping && waiting < batchSize)) {
					return;
				}
				this.batches.addLast(this.buffer.take(batchSize));
				continue;
			}
			long remaining = this.stopDeadline - System.nanoTime();
			if (stopping && remaining <= 0) {
				finish();
				return;
			}
			long started = System.nanoTime();
			long timeout = this.settings.requestTimeout().toNanos();
			IngestOutcome outcome = this.ingest.send(batch,
					Duration.ofNanos((stopping && remaining < timeout) ? remaining : timeout));
			this.metrics.ingested(outcome.tag(), System.nanoTime() - started);
			if (outcome instanceof IngestOutcome.Failed failed) {
				retryLater(batch.size(), failed, stopping);
				return;
			}
			this.batches.pollFirst();
			this.failures = 0;
			this.lastFailure = null;
			if (outcome instanceof IngestOutcome.Accepted accepted) {
				this.metrics.events(UsageOutcome.SENT, accepted.inserted());
				this.metrics.events(UsageOutcome.DUPLICATE, accepted.duplicates());
				if (accepted.duplicates() > 0 && logger.isDebugEnabled()) {
					logger.debug("Polar already had " + accepted.duplicates() + " of " + batch.size()
							+ " usage events (a batch sent again after a lost answer, or keys used twice)");
				}
				publish(new UsageIngestedEvent(batch, Instant.now()));
			}
			else if (outcome instanceof IngestOutcome.Invalid invalid) {
				split(batch, invalid.reasons(), invalid.summary());
			}
			else {
				split(batch, Map.of(), "the event alone is larger than Polar or a proxy accepts (413)");
			}
		}
	}

	private void addBatches(List<UsageEvent> events) {
		int batchSize = this.settings.batchSize();
		for (int from = 0; from < events.size(); from += batchSize) {
			this.batches.addLast(events.subList(from, Math.min(from + batchSize, events.size())));
		}
	}

	/**
	 * Settles a refused batch: the events Polar named are rejected and the others sent
	 * next; with no event named, a lone event is rejected and a larger batch is halved,
	 * each half sent on its own.
	 */
	private void split(List<UsageEvent> batch, Map<Integer, String> reasons, String summary) {
		if (!reasons.isEmpty()) {
			List<UsageEvent> rest = new ArrayList<>(batch.size() - reasons.size());
			for (int i = 0; i < batch.size(); i++) {
				String reason = reasons.get(i);
				if (reason != null) {
					reject(batch.get(i), reason);
				}
				else {
					rest.add(batch.get(i));
				}
			}
			if (!rest.isEmpty()) {
				this.batches.addFirst(rest);
			}
		}
		else if (batch.size() == 1) {
			reject(batch.get(0), summary);
		}
		else {
			int half = batch.size() / 2;
			this.batches.addFirst(batch.subList(half, batch.size()));
			this.batches.addFirst(batch.subList(0, half));
		}
	}

	private void reject(UsageEvent event, String reason) {
		this.metrics.events(UsageOutcome.REJECTED, 1);
		logger.error("Polar refused usage event '" + event.name() + "' (external id " + event.externalId() + "): "
				+ reason + (reason.endsWith(".") ? "" : ".")
				+ " It will not be sent again; the other events of its batch are sent.");
		publish(new UsageRejectedEvent(event, reason));
	}

	/**
	 * Publishes an event to the application's listeners; one that fails is logged, and
	 * sending goes on.
	 */
	private void publish(Object event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.error("A listener of " + event.getClass().getSimpleName() + " failed", ex);
		}
	}

	private void retryLater(int size, IngestOutcome.Failed failed, boolean stopping) {
		this.failures++;
		this.lastFailure = failed.description();
		this.metrics.retried(failed.reason());
		Duration delay = this.backoff.delay(this.failures, failed.retryAfter());
		if (stopping) {
			long remaining = this.stopDeadline - System.nanoTime();
			if (remaining <= 0) {
				finish();
				return;
			}
			// Keep trying until the deadline, even before a Retry-After beyond it.
			delay = (delay.toNanos() < remaining) ? delay : Duration.ofNanos(remaining / 2);
		}
		String message = "Polar did not take " + size + " usage events (" + failed.description() + "); trying again in "
				+ delay.toMillis() + " ms (failure " + this.failures + " in a row)";
		if (failed.expected()) {
			logger.warn(message);
		}
		else {
			logger.error(message + ". The events are kept until Polar takes them; check polar.access-token and "
					+ "polar.metering.organization-id");
		}
		this.retry = this.scheduler.schedule(() -> {
			this.retry = null;
			flush(true);
		}, Instant.now().plus(delay));
	}

	/**
	 * Keeps a retry due before the stop's deadline (so a 429's {@code Retry-After} is
	 * still honoured while stopping) and cancels one due after it, which would leave the
	 * events unsent without a try: the flush that follows sends them at once.
	 */
	private void bringRetryBeforeTheDeadline() {
		ScheduledFuture<?> retry = this.retry;
		if (retry != null && retry.getDelay(TimeUnit.NANOSECONDS) >= this.stopDeadline - System.nanoTime()) {
			cancelRetry();
		}
	}

	private void cancelRetry() {
		ScheduledFuture<?> retry = this.retry;
		if (retry != null) {
			retry.cancel(false);
			this.retry = null;
		}
	}

	/**
	 * Ends a stop: counts and logs what could not be sent, tells the lifecycle, and stops
	 * the thread.
	 */
	private void finish() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		cancelRetry();
		int unsent = this.buffer.close().size();
		for (List<UsageEvent> batch : this.batches) {
			unsent += batch.size();
		}
		this.batches.clear();
		if (unsent > 0) {
			this.metrics.events(UsageOutcome.UNSENT, unsent);
			String failure = this.lastFailure;
			logger.warn(unsent + " usage events could not be sent to Polar within polar.metering.shutdown-timeout ("
					+ this.settings.shutdownTimeout() + ")"
					+ ((failure != null) ? "; the last ingest failed: " + failure : ""));
		}
		synchronized (this.lifecycle) {
			this.sending = false;
		}
		Runnable callback = this.stopCallback;
		if (callback != null) {
			callback.run();
		}
		this.scheduler.shutdown();
	}

}
