package dev.polarspring.benchmarks.metering;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.polarspring.boot.metering.MeteringSettings;
import dev.polarspring.boot.metering.MicrometerUsageMetrics;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageBufferFullException;
import dev.polarspring.boot.metering.UsageSender;
import dev.polarspring.client.PolarClient;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Whether the sender keeps up with a steady rate: 8 threads record, together, a given
 * number of events per second (50,000 by default) for a given time, paced by the clock,
 * into a sender with the default settings (batches of 500, room for 10,000 events,
 * recording fails when full) ingesting into a stub of Polar on the loopback interface.
 * Every 10 ms it reads how many events wait in the buffer. It prints the rate recorded,
 * the rate the stub took them at over the run, the buffer's largest and average fill, how
 * many samples found it full, and how many events were refused; then it stops the sender
 * and checks that the stub took every recorded event.
 *
 * <pre class="code">
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.polarspring.benchmarks.metering.UsagePacedLoad 50000 20
 * </pre>
 */
public final class UsagePacedLoad {

	private static final int THREADS = 8;

	private UsagePacedLoad() {
	}

	/**
	 * Runs the load.
	 * @param args events per second (50,000 if absent), then seconds (20 if absent)
	 * @throws Exception if a thread fails
	 */
	public static void main(String[] args) throws Exception {
		int rate = (args.length > 0) ? Integer.parseInt(args[0]) : 50_000;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		try (IngestStub stub = IngestStub.start()) {
			run(stub, rate, seconds);
		}
	}

	private static void run(IngestStub stub, int rate, int seconds) throws Exception {
		PolarClient client = PolarClient.builder()
			.baseUrl(stub.baseUrl())
			.accessToken("polar_oat_UsagePacedLoad")
			.build();
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("polar-metering-");
		MeterRegistry registry = new SimpleMeterRegistry();
		MeteringSettings settings = MeteringSettings.defaults();
		UsageSender sender = new UsageSender(client.events(), settings, scheduler, new MicrometerUsageMetrics(registry),
				(event) -> {
				});
		sender.start();
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());

		// A short warm-up at the same rate, so the JIT has compiled the paths measured;
		// the run starts once the stub has taken all of it.
		LongAdder warmUp = new LongAdder();
		pace(usage, rate, 2, warmUp, new LongAdder());
		long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (stub.inserted() < warmUp.sum() && System.nanoTime() < drained) {
			Thread.sleep(10);
		}
		long insertedBefore = stub.inserted();
		long requestsBefore = stub.requests();

		LongAdder recorded = new LongAdder();
		LongAdder refused = new LongAdder();
		AtomicBoolean sampling = new AtomicBoolean(true);
		// The largest fill, the sum of the fills, the samples that found it full, the
		// samples.
		long[] fill = new long[4];
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				int buffered = sender.buffered();
				fill[0] = Math.max(fill[0], buffered);
				fill[1] += buffered;
				fill[2] += (buffered >= settings.bufferCapacity()) ? 1 : 0;
				fill[3]++;
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			}
		}, "buffer-sampler");
		long started = System.nanoTime();
		sampler.start();
		pace(usage, rate, seconds, recorded, refused);
		long elapsed = System.nanoTime() - started;
		long sentDuringRun = stub.inserted() - insertedBefore;
		long requestsDuringRun = stub.requests() - requestsBefore;
		sampling.set(false);
		sampler.join();
		sender.stop();
		long sentInAll = stub.inserted() - insertedBefore;
		double secondsRun = elapsed / 1e9;
		System.out.printf(Locale.ROOT, "target                %,d events/s for %d s from %d threads%n", rate, seconds,
				THREADS);
		System.out.printf(Locale.ROOT, "recorded              %,d events, %,.0f events/s%n", recorded.sum(),
				recorded.sum() / secondsRun);
		System.out.printf(Locale.ROOT,
				"sent during the run   %,d events, %,.0f events/s, %,d requests (%,.0f a request)%n", sentDuringRun,
				sentDuringRun / secondsRun, requestsDuringRun, (double) sentDuringRun / Math.max(requestsDuringRun, 1));
		System.out.printf(Locale.ROOT,
				"buffer                largest %,d of %,d, average %,.0f, full in %d of %d samples%n", fill[0],
				settings.bufferCapacity(), (double) fill[1] / Math.max(fill[3], 1), fill[2], fill[3]);
		System.out.printf(Locale.ROOT, "refused               %,d%n", refused.sum());
		System.out.printf(Locale.ROOT, "sent after the stop   %,d of %,d recorded (%s)%n", sentInAll, recorded.sum(),
				(sentInAll == recorded.sum()) ? "all" : "MISSING " + (recorded.sum() - sentInAll));
		System.out.printf(Locale.ROOT, "ingest requests       mean %.2f ms%n",
				registry.get(MicrometerUsageMetrics.INGEST)
					.tag("outcome", "success")
					.timer()
					.mean(TimeUnit.MILLISECONDS));
	}

	/**
	 * Records at a rate from {@value #THREADS} threads, each keeping to its own schedule:
	 * every millisecond it records the events that have fallen due (about 6 a thread at
	 * 50,000 a second), as a thread that falls behind catches up at once. Waking up for
	 * every event instead would cost the 2 cores more than recording does.
	 */
	private static void pace(PolarUsage usage, int rate, int seconds, LongAdder recorded, LongAdder refused)
			throws InterruptedException {
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) * THREADS / rate;
		long events = (long) rate * seconds / THREADS;
		long start = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			Thread recorder = new Thread(() -> {
				// Threads start at staggered offsets, as independent callers would.
				long first = start + thread * intervalNanos / THREADS;
				long i = 0;
				while (i < events) {
					long due = Math.min(events, (System.nanoTime() - first) / intervalNanos + 1);
					for (; i < due; i++) {
						try {
							usage.record("user-" + thread + "-" + (i & 15), "api_call", Map.of("tokens", (int) i));
							recorded.increment();
						}
						catch (UsageBufferFullException ex) {
							refused.increment();
						}
					}
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
				}
			}, "recorder-" + t);
			threads.add(recorder);
			recorder.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

}
