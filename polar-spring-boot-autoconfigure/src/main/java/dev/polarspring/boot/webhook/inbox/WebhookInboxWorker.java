package dev.polarspring.boot.webhook.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.polarspring.boot.webhook.WebhookHandlerInvoker;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;

/**
 * Dispatches the deliveries stored in the inbox, on this instance.
 *
 * <p>
 * One poller and {@code workers} worker loops run on the {@link TaskExecutor} given (the
 * auto-configuration builds it with Spring Boot's {@code SimpleAsyncTaskExecutorBuilder},
 * so the loops run on virtual threads when {@code spring.threads.virtual.enabled=true},
 * and the application's task decorator applies). The poller claims due deliveries, as
 * many as there are idle workers, when a delivery was just stored by this instance, when
 * a worker finished while more were waiting, and every {@code poll-interval} otherwise
 * (deliveries stored by other instances, retries coming due, claims to take over). It
 * also renews the claims this instance holds every third of the claim timeout, and
 * removes processed deliveries past the retention.
 *
 * <p>
 * A worker reads the event back from the stored body, exactly as the endpoint read it,
 * and hands it to the {@link WebhookHandlerInvoker}: the same {@code @PolarWebhook}
 * methods, listeners, event objects and transaction per delivery as inline processing.
 * The delivery is marked processed inside that transaction, so the listeners' database
 * work and the mark commit together. When a method or listener throws, the delivery is
 * pending again after a {@linkplain WebhookRetryBackoff backoff}, and failed after the
 * last attempt. Delivery to listeners is at least once: an instance that dies after a
 * listener's side effect outside the transaction (an email, a call to another API) and
 * before the commit leaves the delivery to be dispatched again once its claim expires.
 *
 * <p>
 * Stopping (a graceful shutdown) claims nothing more, gives back the claimed deliveries
 * no worker started, waits up to {@code shutdown-timeout} for those in progress, then
 * gives back the rest: nothing stays claimed by a stopped instance.
 */
public final class WebhookInboxWorker implements SmartLifecycle {

	/**
	 * The lifecycle phase: workers start before, and stop after, the web server.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(WebhookInboxWorker.class);

	// How often an idle worker looks whether it should stop.
	private static final long IDLE_CHECK_MILLIS = 200;

	private final WebhookInboxStore store;

	private final WebhookHandlerInvoker invoker;

	private final WebhookInboxSettings settings;

	private final Clock clock;

	private final TaskExecutor executor;

	private final WebhookInboxMetrics metrics;

	// Every claim this instance holds, queued or being dispatched.
	private final Map<String, ClaimedWebhookDelivery> held = new ConcurrentHashMap<>();

	private final BlockingQueue<ClaimedWebhookDelivery> ready = new LinkedBlockingQueue<>();

	private final Semaphore wakeUps = new Semaphore(0);

	private final Set<Thread> dispatching = ConcurrentHashMap.newKeySet();

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	// Whether the last claim took as many as there were idle workers: more may be due.
	private volatile boolean backlog;

	private volatile @Nullable CountDownLatch loopsFinished;

	private boolean pollFailing;

	/**
	 * Creates a worker; it runs once started.
	 * @param store the inbox
	 * @param invoker calls the {@code @PolarWebhook} methods and publishes the events
	 * @param settings how many workers, how often, how long
	 * @param clock the clock claims, retries and the retention are measured with
	 * @param executor runs the poller and the worker loops: it must run
	 * {@code settings.workers() + 1} tasks at once
	 * @param metrics counts settled dispatches
	 */
	public WebhookInboxWorker(WebhookInboxStore store, WebhookHandlerInvoker invoker, WebhookInboxSettings settings,
			Clock clock, TaskExecutor executor, WebhookInboxMetrics metrics) {
		this.store = store;
		this.invoker = invoker;
		this.settings = settings;
		this.clock = clock;
		this.executor = executor;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			CountDownLatch loops = new CountDownLatch(this.settings.workers() + 1);
			this.loopsFinished = loops;
			this.executor.execute(() -> runLoop(loops, this::pollLoop));
			for (int i = 0; i < this.settings.workers(); i++) {
				this.executor.execute(() -> runLoop(loops, this::workLoop));
			}
		}
		logger.info("Polar webhook inbox: {} workers on {}", this.settings.workers(), this.store);
	}

	@Override
	public void stop() {
		CountDownLatch loops;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			loops = this.loopsFinished;
		}
		wakeUp();
		releaseQueued();
		long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
		boolean finished = awaitLoops(loops, deadline);
		// The poller may have claimed while it was told to stop.
		releaseQueued();
		if (!finished && !this.held.isEmpty()) {
			logger.warn(
					"{} webhook deliveries were still being dispatched after polar.webhook.inbox.shutdown-timeout "
							+ "({}); they are given back to be dispatched again",
					this.held.size(), this.settings.shutdownTimeout());
			for (ClaimedWebhookDelivery claim : List.copyOf(this.held.values())) {
				release(claim);
			}
			this.dispatching.forEach(Thread::interrupt);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Asks the poller to claim now rather than at its next interval, such as when a
	 * delivery was just stored.
	 */
	public void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	private void runLoop(CountDownLatch loops, Runnable loop) {
		try {
			loop.run();
		}
		finally {
			loops.countDown();
		}
	}

	private void pollLoop() {
		long renewEvery = Math.max(1, this.settings.claimTimeout().toNanos() / 3);
		long nextRenewal = System.nanoTime() + renewEvery;
		long nextCleanup = System.nanoTime();
		while (this.running) {
			try {
				if (System.nanoTime() - nextRenewal >= 0) {
					renewHeld();
					nextRenewal = System.nanoTime() + renewEvery;
				}
				if (System.nanoTime() - nextCleanup >= 0) {
					removeProcessed();
					nextCleanup = System.nanoTime() + this.settings.cleanupInterval().toNanos();
				}
				claimDue();
				this.pollFailing = false;
			}
			catch (RuntimeException ex) {
				if (!this.pollFailing) {
					logger.warn("Could not claim webhook deliveries from {}; trying again every {}", this.store,
							this.settings.pollInterval(), ex);
				}
				this.pollFailing = true;
			}
			long wait = Math.min(this.settings.pollInterval().toNanos(),
					Math.min(nextRenewal, nextCleanup) - System.nanoTime());
			try {
				this.wakeUps.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS);
				this.wakeUps.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void claimDue() {
		int idle = this.settings.workers() - this.held.size();
		if (idle <= 0) {
			this.backlog = true;
			return;
		}
		Instant now = this.clock.instant();
		List<ClaimedWebhookDelivery> claims = this.store.claim(idle, now, now.plus(this.settings.claimTimeout()));
		this.backlog = claims.size() == idle;
		for (ClaimedWebhookDelivery claim : claims) {
			this.held.put(claim.id(), claim);
			this.ready.add(claim);
		}
	}

	private void workLoop() {
		while (true) {
			ClaimedWebhookDelivery claim;
			try {
				claim = this.ready.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (claim == null) {
				if (!this.running) {
					return;
				}
				continue;
			}
			if (!this.running) {
				release(claim);
				continue;
			}
			this.dispatching.add(Thread.currentThread());
			try {
				dispatch(claim);
			}
			finally {
				this.dispatching.remove(Thread.currentThread());
				// A stop that timed out interrupted this thread; the next claim is not
				// this dispatch's business.
				Thread.interrupted();
				this.held.remove(claim.id());
				if (this.backlog) {
					wakeUp();
				}
			}
		}
	}

	private void dispatch(ClaimedWebhookDelivery claim) {
		WebhookInboxDelivery delivery = claim.delivery();
		PolarWebhookEvent event;
		try {
			event = PolarWebhookEvents.decode(delivery.body(), new WebhookDelivery(delivery.id(), delivery.signedAt()));
		}
		catch (RuntimeException ex) {
			// It was read when it was received; a body this version cannot read will not
			// read on a retry either.
			logger.error("Could not read stored webhook delivery {} ({}); it is failed, replay it once a version "
					+ "that reads it is deployed", delivery.id(), delivery.type(), ex);
			settle(claim, WebhookInboxOutcome.FAILED,
					() -> this.store.markFailed(claim, WebhookDispatchFailure.of(ex), this.clock.instant()));
			return;
		}
		try {
			this.invoker.invoke(delivery.endpoint(), event, () -> {
				if (!this.store.markProcessed(claim, this.clock.instant())) {
					throw new ClaimLostException();
				}
			});
			this.metrics.dispatched(delivery.type(), WebhookInboxOutcome.PROCESSED);
			logger.debug("Webhook delivery {} ({}) processed on attempt {}", delivery.id(), delivery.type(),
					claim.attempt());
		}
		catch (ClaimLostException ex) {
			logger.warn("Webhook delivery {} ({}) was dispatched, but its claim had expired and was taken over: "
					+ "the dispatch's transaction, if any, was rolled back, and the delivery is left to the worker "
					+ "that holds it now. Raise polar.webhook.inbox.claim-timeout if this recurs.", delivery.id(),
					delivery.type());
		}
		catch (RuntimeException | Error ex) {
			if (ex instanceof VirtualMachineError) {
				throw ex;
			}
			failed(claim, ex);
		}
	}

	private void failed(ClaimedWebhookDelivery claim, Throwable failure) {
		WebhookInboxDelivery delivery = claim.delivery();
		if (!this.running && !this.held.containsKey(claim.id())) {
			// The stop gave it back, then interrupted its listeners: not their failure.
			logger.info("Webhook delivery {} ({}) was interrupted by the shutdown and given back to be dispatched "
					+ "again", delivery.id(), delivery.type());
			return;
		}
		WebhookDispatchFailure description = WebhookDispatchFailure.of(failure);
		WebhookRetryBackoff retry = this.settings.retry();
		Instant now = this.clock.instant();
		if (retry.isLastAttempt(claim.attempt())) {
			logger.error(
					"A handler of webhook delivery {} ({}) failed on attempt {} of {}; the delivery is failed "
							+ "and kept: replay it once the handler is fixed (actuator endpoint polarwebhooks)",
					delivery.id(), delivery.type(), claim.attempt(), retry.maxAttempts(), failure);
			settle(claim, WebhookInboxOutcome.FAILED, () -> this.store.markFailed(claim, description, now));
		}
		else {
			Duration delay = retry.delayAfter(claim.attempt(), ThreadLocalRandom.current());
			logger.warn("A handler of webhook delivery {} ({}) failed on attempt {} of {}; retrying in {}",
					delivery.id(), delivery.type(), claim.attempt(), retry.maxAttempts(), delay, failure);
			settle(claim, WebhookInboxOutcome.RETRIED,
					() -> this.store.markRetry(claim, description, now, now.plus(delay)));
		}
	}

	private void settle(ClaimedWebhookDelivery claim, WebhookInboxOutcome outcome, Settlement settlement) {
		try {
			if (settlement.settle()) {
				this.metrics.dispatched(claim.delivery().type(), outcome);
			}
			else {
				logger.warn("Webhook delivery {} ({}) was taken over by another worker before it could be marked {}",
						claim.id(), claim.delivery().type(), outcome.tag());
			}
		}
		catch (RuntimeException ex) {
			// The claim expires and the delivery is dispatched again.
			logger.error("Could not mark webhook delivery {} ({}) {} in {}; it is dispatched again once its claim "
					+ "expires", claim.id(), claim.delivery().type(), outcome.tag(), this.store, ex);
		}
	}

	private void releaseQueued() {
		List<ClaimedWebhookDelivery> queued = new ArrayList<>();
		this.ready.drainTo(queued);
		queued.forEach(this::release);
	}

	private void release(ClaimedWebhookDelivery claim) {
		settle(claim, WebhookInboxOutcome.RELEASED, () -> this.store.release(claim, this.clock.instant()));
		this.held.remove(claim.id());
	}

	private boolean awaitLoops(@Nullable CountDownLatch loops, long deadline) {
		if (loops == null) {
			return true;
		}
		long renewEvery = Math.max(1, this.settings.claimTimeout().toNanos() / 3);
		try {
			while (true) {
				long remaining = deadline - System.nanoTime();
				if (loops.await(Math.max(0, Math.min(remaining, renewEvery)), TimeUnit.NANOSECONDS)) {
					return true;
				}
				if (remaining <= 0) {
					return false;
				}
				// The poller has stopped; keep what is still being dispatched claimed.
				renewHeld();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the claims of webhook deliveries still being dispatched", ex);
			return false;
		}
	}

	private void renewHeld() {
		List<ClaimedWebhookDelivery> claims = List.copyOf(this.held.values());
		if (claims.isEmpty()) {
			return;
		}
		int renewed = this.store.renew(claims, this.clock.instant().plus(this.settings.claimTimeout()));
		if (renewed < claims.size()) {
			logger.warn(
					"{} of {} webhook deliveries claimed by this instance were taken over by another worker after "
							+ "polar.webhook.inbox.claim-timeout ({})",
					claims.size() - renewed, claims.size(), this.settings.claimTimeout());
		}
	}

	private void removeProcessed() {
		int removed = this.store.deleteProcessedBefore(this.clock.instant().minus(this.settings.retention()));
		if (removed > 0) {
			logger.debug("Removed {} processed webhook deliveries older than {}", removed, this.settings.retention());
		}
	}

	/**
	 * Returns how many claims this instance holds, queued or being dispatched.
	 * @return the number of claims held
	 */
	public int heldClaims() {
		return this.held.size();
	}

	@Override
	public String toString() {
		return "WebhookInboxWorker[workers=" + this.settings.workers() + ", store=" + this.store + "]";
	}

	@FunctionalInterface
	private interface Settlement {

		boolean settle();

	}

	/**
	 * Thrown inside the dispatch's transaction to roll it back when the claim was taken
	 * over.
	 */
	private static final class ClaimLostException extends RuntimeException {

		ClaimLostException() {
			super("The claim was taken over", null, false, false);
		}

	}

}
