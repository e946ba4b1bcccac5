package dev.polarspring.benchmarks.metering;

import java.time.Clock;
import java.time.Duration;
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
import org.openjdk.jmh.infra.ThreadParams;

import dev.polarspring.boot.metering.FullBufferPolicy;
import dev.polarspring.boot.metering.MeteringSettings;
import dev.polarspring.boot.metering.MicrometerUsageMetrics;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageSender;
import dev.polarspring.client.PolarClient;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The most events per second the sender ingests into a stub of Polar on the loopback
 * interface: 8 threads record as fast as they can into the default buffer (10,000 events)
 * with {@code when-full=wait}, so recording proceeds exactly as fast as the sender makes
 * room, and the score (events recorded per second) is the sender's sustained rate, give
 * or take one buffer per iteration. The secondary result {@code sent} counts what the
 * stub took (its {@code inserted} answers) over the iterations, as a check: divided by
 * the measured time it is the same rate. {@code -prof gc}'s {@code gc.alloc.rate.norm} is
 * then the whole cost of an event in allocation: recording, the request body, the stub's
 * reading.
 *
 * <p>
 * Against Polar itself the rate limit (500 requests a minute in production) caps
 * ingestion at {@code batch-size} × 500 events a minute (4,167 events/s with batches of
 * 500, 8,333 with 1,000); this measures the sender's own ceiling, with Polar out of the
 * way.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(8)
public class UsageSenderBenchmark {

	/**
	 * The stub and one sender for the whole run, shared by every thread.
	 */
	@State(Scope.Benchmark)
	public static class Metering {

		/**
		 * Events in one ingest request ({@code polar.metering.batch-size}).
		 */
		@Param({ "500", "1000" })
		public int batchSize;

		IngestStub stub;

		UsageSender sender;

		PolarUsage usage;

		@Setup(Level.Trial)
		public void start() {
			this.stub = IngestStub.start();
			PolarClient client = PolarClient.builder()
				.baseUrl(this.stub.baseUrl())
				.accessToken("polar_oat_UsageSenderBenchmark")
				.build();
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(1);
			scheduler.setThreadNamePrefix("polar-metering-");
			MeteringSettings settings = MeteringSettings.defaults()
				.withBatchSize(this.batchSize)
				.withWhenFull(FullBufferPolicy.WAIT, Duration.ofMinutes(1));
			this.sender = new UsageSender(client.events(), settings, scheduler,
					new MicrometerUsageMetrics(new SimpleMeterRegistry()), (event) -> {
					});
			this.sender.start();
			this.usage = new PolarUsage(this.sender, Clock.systemUTC());
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.sender.stop();
			this.stub.close();
		}

	}

	/**
	 * One recording thread's customers; the first thread also reads what the stub took
	 * during each iteration.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Caller {

		/** Events the stub took during the iterations (counted by the first thread). */
		public long sent;

		final String[] customers = new String[16];

		int n = 1000;

		private boolean counting;

		private long insertedBefore;

		@Setup(Level.Trial)
		public void customers(ThreadParams thread) {
			this.counting = thread.getThreadIndex() == 0;
			for (int i = 0; i < this.customers.length; i++) {
				this.customers[i] = "user-" + thread.getThreadIndex() + "-" + i;
			}
		}

		@Setup(Level.Iteration)
		public void mark(Metering metering) {
			this.insertedBefore = metering.stub.inserted();
		}

		@TearDown(Level.Iteration)
		public void count(Metering metering) {
			this.sent = this.counting ? metering.stub.inserted() - this.insertedBefore : 0;
		}

	}

	@Benchmark
	public void record(Metering metering, Caller caller) {
		int n = caller.n++;
		metering.usage.record(caller.customers[n & 15], "api_call", Map.of("tokens", n));
	}

}
