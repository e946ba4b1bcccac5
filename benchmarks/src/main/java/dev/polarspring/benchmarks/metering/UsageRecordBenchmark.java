package dev.polarspring.benchmarks.metering;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.polarspring.boot.metering.MeteringSettings;
import dev.polarspring.boot.metering.MicrometerUsageMetrics;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageSender;
import dev.polarspring.client.PolarClient;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * {@link PolarUsage#record(String, String, Map)} from 8 threads, as request threads call
 * it, with the sender ingesting into a stub of Polar on the loopback interface and
 * Micrometer counting (what an application with the actuator runs).
 *
 * <p>
 * {@code polar=answering}: the stub answers each ingest at once, so the sender works flat
 * out beside the recording threads (on a 2-core machine it takes much of one core);
 * {@code polar=stalled}: the stub holds every answer (the sender's requests time out
 * after 100 ms and it backs off), so recording is measured alone.
 *
 * <p>
 * Recording outpaces any sender, so the buffer grows during an iteration: each iteration
 * starts a fresh sender with room for {@value #CAPACITY} events and lasts
 * {@value #ITERATION_MILLIS} ms; a full buffer would fail the run (recording fails fast
 * with {@code UsageBufferFullException} by default) rather than be measured. What is
 * still buffered when an iteration ends is dropped (a stop with a 200 ms timeout),
 * outside the measurement. The heap's young generation holds an iteration's events, so
 * with JMH's {@code -gc true} (a collection between iterations) the events die young, as
 * they do when the sender keeps up, instead of being copied by collections during the
 * measurement.
 *
 * <p>
 * Besides the score, each thread counts what it spent itself (secondary results, summed
 * over the threads and the iterations): {@code calls}, {@code recordingBytes} (what the
 * recording threads allocated: divide by {@code calls} for the bytes per call) and
 * {@code recordingCpuNanos} (their CPU time: divide by {@code calls} for the CPU cost of
 * a call, whatever the 8 threads' share of the 2 cores). {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} counts every thread of the JVM, the sender's and the stub's
 * included.
 *
 * <p>
 * {@code record} passes a fresh {@code Map.of("tokens", n)} with a boxed {@code n} above
 * the {@code Integer} cache, as a caller does (40 of the bytes per call are that map and
 * that {@code Integer}); {@code recordSameMetadata} passes one map built once.
 */
@BenchmarkMode({ Mode.Throughput, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = UsageRecordBenchmark.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = UsageRecordBenchmark.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g", "-Xmn2g" })
@Threads(8)
public class UsageRecordBenchmark {

	static final int ITERATION_MILLIS = 250;

	static final int CAPACITY = 8_000_000;

	private static final Map<String, Object> SAME_METADATA = Map.of("tokens", 1200);

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	/**
	 * The stub, and a fresh sender for each iteration, shared by every thread.
	 */
	@State(Scope.Benchmark)
	public static class Metering {

		/**
		 * {@code answering}: the stub answers each ingest at once; {@code stalled}: it
		 * holds every answer.
		 */
		@Param({ "answering", "stalled" })
		public String polar;

		IngestStub stub;

		PolarClient client;

		UsageSender sender;

		PolarUsage usage;

		@Setup(Level.Trial)
		public void startStub() {
			this.stub = IngestStub.start();
			if ("stalled".equals(this.polar)) {
				this.stub.stall();
			}
			this.client = PolarClient.builder()
				.baseUrl(this.stub.baseUrl())
				.accessToken("polar_oat_UsageRecordBenchmark")
				.build();
		}

		@Setup(Level.Iteration)
		public void startSender() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(1);
			scheduler.setThreadNamePrefix("polar-metering-");
			MeteringSettings settings = MeteringSettings.defaults()
				.withBufferCapacity(CAPACITY)
				.withShutdownTimeout(Duration.ofMillis(200));
			if ("stalled".equals(this.polar)) {
				settings = settings.withRequestTimeout(Duration.ofMillis(100));
			}
			this.sender = new UsageSender(this.client.events(), settings, scheduler,
					new MicrometerUsageMetrics(new SimpleMeterRegistry()), (event) -> {
					});
			this.sender.start();
			this.usage = new PolarUsage(this.sender, Clock.systemUTC());
		}

		@TearDown(Level.Iteration)
		public void stopSender() {
			this.sender.stop();
		}

		@TearDown(Level.Trial)
		public void stopStub() {
			this.stub.close();
		}

	}

	/**
	 * One recording thread: its customers, and what it spent between the first and the
	 * last of its samples in an iteration, taken every {@value #SAMPLE_EVERY} calls so
	 * that neither the setup nor the stop of the sender (which the other threads wait for
	 * in a busy loop) counts.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Caller {

		static final int SAMPLE_EVERY = 1 << 16;

		/** Calls of record between the samples. */
		public long calls;

		/** Bytes the thread allocated between the samples. */
		public long recordingBytes;

		/** CPU time of the thread between the samples. */
		public long recordingCpuNanos;

		final String[] customers = new String[16];

		int n = 1000;

		private final long[] first = new long[3];

		private final long[] last = new long[3];

		private boolean sampled;

		@Setup(Level.Trial)
		public void customers() {
			for (int i = 0; i < this.customers.length; i++) {
				this.customers[i] = "user-" + Thread.currentThread().getId() + "-" + i;
			}
		}

		@Setup(Level.Iteration)
		public void forget() {
			this.sampled = false;
			Arrays.fill(this.first, 0);
			Arrays.fill(this.last, 0);
		}

		void sample() {
			long[] into = this.sampled ? this.last : this.first;
			into[0] = this.n;
			into[1] = THREADS.getCurrentThreadAllocatedBytes();
			into[2] = THREADS.getCurrentThreadCpuTime();
			if (!this.sampled) {
				System.arraycopy(this.first, 0, this.last, 0, 3);
				this.sampled = true;
			}
		}

		@TearDown(Level.Iteration)
		public void count() {
			this.calls = this.last[0] - this.first[0];
			this.recordingBytes = this.last[1] - this.first[1];
			this.recordingCpuNanos = this.last[2] - this.first[2];
		}

	}

	@Benchmark
	public void record(Metering metering, Caller caller) {
		int n = caller.n++;
		if ((n & (Caller.SAMPLE_EVERY - 1)) == 0) {
			caller.sample();
		}
		metering.usage.record(caller.customers[n & 15], "api_call", Map.of("tokens", n));
	}

	@Benchmark
	public void recordSameMetadata(Metering metering, Caller caller) {
		int n = caller.n++;
		if ((n & (Caller.SAMPLE_EVERY - 1)) == 0) {
			caller.sample();
		}
		metering.usage.record(caller.customers[n & 15], "api_call", SAME_METADATA);
	}

}
