package dev.polarspring.autoconfigure.metering;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.boot.metering.FullBufferPolicy;
import dev.polarspring.boot.metering.MeteringSettings;
import dev.polarspring.boot.metering.MicrometerUsageMetrics;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageMetrics;
import dev.polarspring.boot.metering.UsageSender;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.core.PolarJson;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PolarMeteringAutoConfiguration}: the beans, the properties and their
 * checks, the scheduler built from Boot's builder, and a flush when the context closes.
 */
class PolarMeteringAutoConfigurationTests {

	private final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startPolar() {
		this.polar.start();
		this.polar.stubFor(post(urlPathEqualTo("/v1/events/ingest"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"inserted\":3,\"duplicates\":0}")));
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PolarAutoConfiguration.class,
					TaskSchedulingAutoConfiguration.class, PolarMeteringAutoConfiguration.class))
			.withPropertyValues("polar.base-url=" + this.polar.baseUrl(), "polar.access-token=polar_oat_metering");
	}

	@AfterEach
	void stopPolar() {
		this.polar.stop();
	}

	@Test
	void polarUsageAndItsSenderByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PolarUsage.class).hasSingleBean(UsageSender.class);
			UsageSender sender = context.getBean(UsageSender.class);
			assertThat(sender.isRunning()).isTrue();
			assertThat(sender.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048).isGreaterThan(0);
		});
	}

	@Test
	void offWithEnabledFalse() {
		this.contextRunner.withPropertyValues("polar.metering.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PolarUsage.class).doesNotHaveBean(UsageSender.class));
	}

	@Test
	void backsOffForAPolarUsageOfTheApplication() {
		UsageSender ownSender = new UsageSender(
				PolarClient.builder().baseUrl(this.polar.baseUrl()).accessToken("polar_oat_own").build().events(),
				MeteringSettings.defaults(), new ThreadPoolTaskScheduler(), UsageMetrics.NONE, (event) -> {
				});
		this.contextRunner.withBean("myUsage", PolarUsage.class, () -> new PolarUsage(ownSender, Clock.systemUTC()))
			.run((context) -> assertThat(context).getBeanNames(PolarUsage.class).containsExactly("myUsage"));
	}

	@Test
	void propertiesBecomeTheSettings() {
		this.contextRunner
			.withPropertyValues("polar.metering.batch-size=100", "polar.metering.flush-interval=250ms",
					"polar.metering.buffer.capacity=2000", "polar.metering.buffer.when-full=wait",
					"polar.metering.buffer.wait-timeout=3s", "polar.metering.shutdown-timeout=20s",
					"polar.metering.retry.initial-delay=200ms", "polar.metering.retry.max-delay=30s",
					"polar.metering.retry.multiplier=3", "polar.metering.organization-id=org-1")
			.run((context) -> assertThat(
					context.getBean(PolarMeteringProperties.class).toSettings(Duration.ofSeconds(30)))
				.isEqualTo(MeteringSettings.defaults()
					.withBatchSize(100)
					.withFlushInterval(Duration.ofMillis(250))
					.withBufferCapacity(2000)
					.withWhenFull(FullBufferPolicy.WAIT, Duration.ofSeconds(3))
					.withShutdownTimeout(Duration.ofSeconds(20))
					.withRetry(Duration.ofMillis(200), Duration.ofSeconds(30), 3)
					.withOrganizationId("org-1")));
	}

	@Test
	void defaultsAreTheSettingsDefaults() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(PolarMeteringProperties.class).toSettings(Duration.ofSeconds(30)))
			.isEqualTo(MeteringSettings.defaults()));
	}

	@Test
	void aBatchLargerThanAnIngestTakesStopsTheStartNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.metering.batch-size=1001").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("polar.metering.batch-size")
				.hasMessageContaining("must be between 1 and 1000");
		});
	}

	@Test
	void aBufferSmallerThanABatchStopsTheStartNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.metering.buffer.capacity=10").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("polar.metering.buffer.capacity")
				.hasMessageContaining("must be at least polar.metering.batch-size (500)");
		});
	}

	@Test
	void anUnknownFullBufferPolicyStopsTheStartNamingTheKey() {
		this.contextRunner.withPropertyValues("polar.metering.buffer.when-full=drop").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under 'polar.metering.buffer.when-full'");
		});
	}

	@Test
	void aShutdownTimeoutBeyondTheLifecyclePhaseTimeoutStopsTheStartNamingBothKeys() {
		this.contextRunner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=10s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("polar.metering.shutdown-timeout (PT10S) must be shorter than "
						+ "spring.lifecycle.timeout-per-shutdown-phase (PT10S)");
		});
		this.contextRunner
			.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=10s", "polar.metering.shutdown-timeout=8s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void closingTheContextSendsWhatIsBufferedOnTheMeteringThread() {
		AtomicReference<String> customizedThreadPrefix = new AtomicReference<>();
		this.contextRunner.withPropertyValues("polar.metering.flush-interval=1h")
			.withBean(ThreadPoolTaskSchedulerCustomizer.class,
					() -> (scheduler) -> customizedThreadPrefix.set(scheduler.getThreadNamePrefix()))
			.run((context) -> {
				PolarUsage usage = context.getBean(PolarUsage.class);
				usage.record("user-1", "download", Map.of("bytes", 10));
				usage.record("user-1", "download");
				usage.record("user-2", "upload", Map.of("bytes", 20));
				assertThat(usage.buffered()).isEqualTo(3);
				this.polar.verify(0, postRequestedFor(urlPathEqualTo("/v1/events/ingest")));
				assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
					.anyMatch((name) -> name.startsWith("polar-metering-"));
			});
		this.polar.verify(1, postRequestedFor(urlPathEqualTo("/v1/events/ingest")));
		JsonNode body = PolarJson.mapper()
			.readTree(this.polar.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(body.get("events")).hasSize(3);
		assertThat(body.get("events").get(0).get("external_customer_id").asString()).isEqualTo("user-1");
		assertThat(body.get("events").get(0).get("external_id").asString()).hasSize(36);
		assertThat(customizedThreadPrefix.get()).isEqualTo("polar-metering-");
	}

	@Test
	void theLastFlushComesAfterTheWebServerDrainedAndBeforeHttpClientResourcesStop() {
		List<String> stops = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("polar.metering.flush-interval=1h")
			// Phase 0, as Spring's ReactorResourceFactory, whose threads the HTTP client
			// needs.
			.withBean("httpClientResources", StoppingAt.class, () -> new StoppingAt(0))
			// As Boot's graceful shutdown of the web server: requests in flight finish.
			.withBean("webServerGracefulShutdown", StoppingAt.class,
					() -> new StoppingAt(SmartLifecycle.DEFAULT_PHASE - 1024))
			.run((context) -> {
				PolarUsage usage = context.getBean(PolarUsage.class);
				context.getBean("webServerGracefulShutdown", StoppingAt.class).onStop = () -> {
					usage.record("user-1", "download", Map.of("finished", "during the shutdown"));
					stops.add("web server drained");
				};
				context.getBean("httpClientResources", StoppingAt.class).onStop = () -> stops
					.add("http client resources stopped after " + this.polar.getAllServeEvents().size() + " ingest");
				usage.record("user-1", "download");
			});
		assertThat(stops).containsExactly("web server drained", "http client resources stopped after 1 ingest");
		JsonNode body = PolarJson.mapper()
			.readTree(this.polar.getAllServeEvents().get(0).getRequest().getBodyAsString());
		assertThat(body.get("events")).hasSize(2);
	}

	@Test
	void countsWhatItSendsAndRetriesWithMicrometer() {
		this.polar.stubFor(post(urlPathEqualTo("/v1/events/ingest")).atPriority(1)
			.inScenario("one failure")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("mended")
			.willReturn(aResponse().withStatus(503)));
		this.polar.stubFor(post(urlPathEqualTo("/v1/events/ingest")).atPriority(1)
			.inScenario("one failure")
			.whenScenarioStateIs("mended")
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"inserted\":1,\"duplicates\":1}")));
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withPropertyValues("polar.metering.batch-size=2", "polar.metering.buffer.capacity=2",
					"polar.metering.retry.initial-delay=10ms")
			.run((context) -> {
				PolarUsage usage = context.getBean(PolarUsage.class);
				usage.record("user-1", "download");
				usage.record("user-1", "download");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(30))
					.until(() -> registry.get(MicrometerUsageMetrics.EVENTS)
						.tag("outcome", "sent")
						.counter()
						.count() == 1);
				assertThat(registry.get(MicrometerUsageMetrics.EVENTS).tag("outcome", "duplicate").counter().count())
					.isEqualTo(1);
				assertThat(registry.get(MicrometerUsageMetrics.EVENTS).tag("outcome", "recorded").counter().count())
					.isEqualTo(2);
				assertThat(registry.get(MicrometerUsageMetrics.RETRIES).tag("reason", "server_error").counter().count())
					.isEqualTo(1);
				assertThat(registry.get(MicrometerUsageMetrics.INGEST).tag("outcome", "server_error").timer().count())
					.isEqualTo(1);
				assertThat(registry.get(MicrometerUsageMetrics.INGEST).tag("outcome", "success").timer().count())
					.isEqualTo(1);
				assertThat(registry.get(MicrometerUsageMetrics.INGEST)
					.tag("outcome", "success")
					.timer()
					.totalTime(TimeUnit.NANOSECONDS)).isPositive();
				assertThat(registry.get(MicrometerUsageMetrics.BUFFERED).gauge().value()).isZero();
			});
	}

	@Test
	void countsWithMicrometer() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withPropertyValues("polar.metering.flush-interval=1h")
			.run((context) -> {
				context.getBean(PolarUsage.class).record("user-1", "download");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(MicrometerUsageMetrics.EVENTS).tag("outcome", "recorded").counter().count())
					.isEqualTo(1);
				assertThat(registry.get(MicrometerUsageMetrics.BUFFERED).gauge().value()).isEqualTo(1);
			});
	}

	/**
	 * A lifecycle bean in a phase of our choosing, doing something when it stops.
	 */
	static final class StoppingAt implements SmartLifecycle {

		private final int phase;

		volatile Runnable onStop = () -> {
		};

		private volatile boolean running;

		StoppingAt(int phase) {
			this.phase = phase;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.onStop.run();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

}
