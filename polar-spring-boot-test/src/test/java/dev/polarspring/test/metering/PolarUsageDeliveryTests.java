package dev.polarspring.test.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.polarspring.boot.metering.FullBufferPolicy;
import dev.polarspring.boot.metering.MeteringSettings;
import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageBufferFullException;
import dev.polarspring.boot.metering.UsageEvent;
import dev.polarspring.boot.metering.UsageIngestedEvent;
import dev.polarspring.boot.metering.UsageOutcome;
import dev.polarspring.boot.metering.UsageRejectedEvent;
import dev.polarspring.boot.metering.UsageSender;
import dev.polarspring.client.PolarClient;
import dev.polarspring.test.FakeError;
import dev.polarspring.test.FakePolar;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Usage recorded with {@link PolarUsage} reaches the fake Polar exactly once per event,
 * through failures, lost answers, invalid events, full buffers and shutdowns. Every test
 * ends with a graceful stop and counts what the fake holds.
 */
@ExtendWith(OutputCaptureExtension.class)
class PolarUsageDeliveryTests {

	private static final String INGEST = "POST /v1/events/ingest";

	private static final MeteringSettings FAST = MeteringSettings.defaults()
		.withFlushInterval(Duration.ofMillis(50))
		.withRetry(Duration.ofMillis(10), Duration.ofSeconds(5), 2.0);

	private static FakePolar fake;

	private final RecordingUsageMetrics metrics = new RecordingUsageMetrics();

	private final List<UsageRejectedEvent> rejections = new CopyOnWriteArrayList<>();

	private final List<UsageIngestedEvent> ingested = new CopyOnWriteArrayList<>();

	private final List<UsageSender> senders = new ArrayList<>();

	@BeforeAll
	static void startFake() {
		fake = FakePolar.start();
	}

	@AfterAll
	static void stopFake() {
		fake.close();
	}

	@BeforeEach
	void resetFake() {
		fake.reset();
	}

	@AfterEach
	void stopSenders() {
		this.senders.forEach(UsageSender::stop);
	}

	@Test
	void tenThousandEventsFromEightThreadsThroughFailuresArriveExactlyOnce() throws Exception {
		fake.failSome(INGEST, 0.2, FakeError.serverError(503));
		fake.failSome(INGEST, 0.05, FakeError.rateLimited(Duration.ofSeconds(1)));
		// A buffer smaller than what is recorded: recording waits through the outages.
		UsageSender sender = sender(FAST.withBatchSize(250)
			.withBufferCapacity(2000)
			.withWhenFull(FullBufferPolicy.WAIT, Duration.ofMinutes(2)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> recorders = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			recorders.add(threads.submit(() -> {
				start.await();
				for (int n = 0; n < 1250; n++) {
					usage.record("user-" + (n % 10), "api_call", Map.of("thread", thread, "n", n));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> recorder : recorders) {
			recorder.get(5, TimeUnit.MINUTES);
		}
		threads.shutdown();
		sender.stop();

		List<JsonNode> events = fake.ingestedEvents();
		assertThat(events).hasSize(10_000);
		Set<String> externalIds = new HashSet<>();
		Set<String> recorded = new HashSet<>();
		for (JsonNode event : events) {
			externalIds.add(event.get("external_id").asString());
			recorded.add(event.get("metadata").get("thread").asInt() + "/" + event.get("metadata").get("n").asInt());
		}
		assertThat(externalIds).as("no external id twice").hasSize(10_000);
		assertThat(this.ingested.stream().flatMap((batch) -> batch.events().stream()).map(UsageEvent::externalId))
			.as("each event published once as ingested")
			.doesNotHaveDuplicates()
			.hasSize(10_000);
		assertThat(recorded).as("each recorded event once").hasSize(10_000);
		assertThat(this.metrics.count(UsageOutcome.RECORDED)).isEqualTo(10_000);
		assertThat(this.metrics.count(UsageOutcome.SENT)).isEqualTo(10_000);
		assertThat(this.metrics.count(UsageOutcome.DUPLICATE)).isZero();
		assertThat(this.metrics.count(UsageOutcome.UNSENT)).isZero();
		assertThat(this.metrics.retries()).as("the 503s and 429s were retried").isPositive();
		assertThat(fake.wireMock().getAllServeEvents()).as("requests, failed ones included")
			.hasSizeGreaterThan(10_000 / 250);
	}

	@Test
	void batchesPolarTookBeforeTheAnswerWasLostCountOnce() {
		fake.delayNext(2, INGEST, Duration.ofSeconds(3));
		UsageSender sender = sender(FAST.withBatchSize(200).withRequestTimeout(Duration.ofSeconds(1)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 600; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(600);
		assertThat(fake.ingestedEvents().stream().map((event) -> event.get("external_id").asString()).distinct())
			.hasSize(600);
		// The batch whose answers were lost was stored by the first request: the retry
		// that got an answer found duplicates, and nothing was counted twice.
		assertThat(this.metrics.count(UsageOutcome.DUPLICATE)).isGreaterThanOrEqualTo(200);
		assertThat(this.metrics.count(UsageOutcome.SENT) + this.metrics.count(UsageOutcome.DUPLICATE)).isEqualTo(600);
	}

	@Test
	void aRateLimitedBatchIsSentAgainAfterRetryAfter() {
		fake.failNext(INGEST, FakeError.rateLimited(Duration.ofSeconds(2)));
		// The backoff alone would try again after 10 ms.
		UsageSender sender = sender(FAST.withBatchSize(10));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 10; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> fake.ingestedEvents().size() == 10);
		assertThat(this.metrics.retryReasons()).containsExactly("rate_limited");
		assertThat(ingestRequestTimes()).hasSize(2);
		assertThat(Duration.between(ingestRequestTimes().get(0), ingestRequestTimes().get(1)))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1950));
	}

	@Test
	void stoppingStillHonoursARetryAfterThatEndsBeforeTheShutdownTimeout() {
		fake.failNext(INGEST, FakeError.rateLimited(Duration.ofSeconds(2)));
		UsageSender sender = sender(FAST.withBatchSize(10));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 10; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.metrics.retries() == 1);
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(10);
		assertThat(ingestRequestTimes()).hasSize(2);
		assertThat(Duration.between(ingestRequestTimes().get(0), ingestRequestTimes().get(1)))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1950));
	}

	@Test
	void serverErrorsAndBrokenConnectionsAreRetriedByTheSenderOneRequestPerAttempt() {
		// The client never repeats a POST that may have reached Polar; the sender does,
		// on
		// purpose, as the external ids make ingest safe to repeat.
		fake.wireMock()
			.stubFor(post(urlPathEqualTo("/v1/events/ingest")).atPriority(1)
				.inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("reset")
				.willReturn(serverError().withStatus(502)));
		fake.wireMock()
			.stubFor(post(urlPathEqualTo("/v1/events/ingest")).atPriority(1)
				.inScenario("flaky")
				.whenScenarioStateIs("reset")
				.willSetStateTo("mended")
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		UsageSender sender = sender(FAST.withBatchSize(10));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 10; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(10);
		assertThat(this.metrics.retryReasons()).containsExactly("server_error", "io_error");
		assertThat(ingestRequestTimes()).hasSize(3);
		assertThat(this.metrics.count(UsageOutcome.SENT)).isEqualTo(10);
	}

	@Test
	void anEventOfAPolarCustomerWithItsOwnTimeAndKeyArrivesAsBuiltAndCountsOnce() {
		String customerId = fake.purchase(fake.products().get(0).id(), "user-7").customer().id();
		UsageSender sender = sender(FAST.withFlushInterval(Duration.ofHours(1)));
		Instant now = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		PolarUsage usage = new PolarUsage(sender, Clock.fixed(now, ZoneOffset.UTC));
		Instant happened = now.minus(Duration.ofHours(2));
		UsageEvent download = UsageEvent.forCustomer(customerId, "download")
			.metadata(Map.of("bytes", 1024, "file", "guide.pdf", "resumed", true))
			.idempotencyKey("download-81")
			.timestamp(happened)
			.build();
		usage.record(download);
		// The same action recorded again (a retry of the caller's own): billed once.
		usage.record(download);
		usage.record("user-7", "page_view");
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(2);
		JsonNode sent = fake.ingestedEvents().get(0);
		assertThat(sent.get("name").asString()).isEqualTo("download");
		assertThat(sent.get("customer_id").asString()).isEqualTo(customerId);
		assertThat(sent.has("external_customer_id")).isFalse();
		assertThat(sent.get("external_id").asString()).isEqualTo("download-81");
		assertThat(OffsetDateTime.parse(sent.get("timestamp").asString()).toInstant()).isEqualTo(happened);
		assertThat(sent.get("metadata").get("bytes").asInt()).isEqualTo(1024);
		assertThat(sent.get("metadata").get("file").asString()).isEqualTo("guide.pdf");
		assertThat(sent.get("metadata").get("resumed").asBoolean()).isTrue();
		JsonNode plain = fake.ingestedEvents().get(1);
		assertThat(plain.get("external_customer_id").asString()).isEqualTo("user-7");
		assertThat(plain.get("external_id").asString()).hasSize(36);
		assertThat(OffsetDateTime.parse(plain.get("timestamp").asString()).toInstant())
			.as("stamped by the clock when recorded")
			.isEqualTo(now);
		assertThat(this.metrics.count(UsageOutcome.SENT)).isEqualTo(2);
		assertThat(this.metrics.count(UsageOutcome.DUPLICATE)).isEqualTo(1);
	}

	@Test
	void anInvalidEventIsReportedAndTheRestOfItsBatchIngested(CapturedOutput output) {
		UsageSender sender = sender(FAST.withBatchSize(100).withFlushInterval(Duration.ofHours(1)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 100; i++) {
			if (i == 37) {
				// A well-formed id of no customer: only Polar can tell.
				usage.record(UsageEvent.forCustomer("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77", "api_call")
					.idempotencyKey("the-bad-one")
					.build());
			}
			else {
				usage.record("user-1", "api_call", Map.of("n", i));
			}
		}
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(99);
		assertThat(this.rejections).singleElement().satisfies((rejection) -> {
			assertThat(rejection.event().externalId()).isEqualTo("the-bad-one");
			assertThat(rejection.reason()).isEqualTo("customer_id: Customer not found.");
		});
		assertThat(this.metrics.count(UsageOutcome.REJECTED)).isEqualTo(1);
		assertThat(this.metrics.count(UsageOutcome.SENT)).isEqualTo(99);
		assertThat(output).contains("Polar refused usage event 'api_call' (external id the-bad-one): "
				+ "customer_id: Customer not found. It will not be sent again");
	}

	@Test
	void aRefusalNamingNoEventIsNarrowedDownByHalving() {
		fake.wireMock()
			.stubFor(post(urlPathEqualTo("/v1/events/ingest")).withRequestBody(containing("\"needle\""))
				.atPriority(1)
				.willReturn(aResponse().withStatus(422)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"Something is wrong\","
							+ "\"type\":\"value_error\"}]}")));
		UsageSender sender = sender(FAST.withBatchSize(64).withFlushInterval(Duration.ofHours(1)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 64; i++) {
			usage.record(UsageEvent.forExternalCustomer("user-1", "api_call")
				.idempotencyKey((i == 5) ? "needle" : "hay-" + i)
				.build());
		}
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(63);
		assertThat(this.rejections).singleElement().satisfies((rejection) -> {
			assertThat(rejection.event().externalId()).isEqualTo("needle");
			assertThat(rejection.reason()).isEqualTo("body: Something is wrong");
		});
		// Halving 64 events down to one: 1 + 2 * log2(64) requests.
		assertThat(fake.wireMock().getAllServeEvents()).hasSize(13);
	}

	@Test
	void aFullBufferFailsFastNamingWhatToDoAndNothingTakenIsLost() {
		fake.fail(INGEST, FakeError.serverError(503));
		UsageSender sender = sender(
				FAST.withBatchSize(10).withBufferCapacity(10).withWhenFull(FullBufferPolicy.FAIL, Duration.ZERO));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		int recorded = 0;
		UsageBufferFullException refused = null;
		for (int i = 0; i < 100 && refused == null; i++) {
			try {
				usage.record("user-1", "api_call", Map.of("n", i));
				recorded++;
			}
			catch (UsageBufferFullException ex) {
				refused = ex;
			}
		}
		assertThat(refused).isNotNull();
		assertThat(refused.getEventName()).isEqualTo("api_call");
		assertThat(refused).hasMessageContaining("polar.metering.buffer.capacity")
			.hasMessageContaining("'api_call' was not recorded");
		// The buffer, and at most one batch on its way.
		assertThat(recorded).isBetween(10, 20);
		assertThat(this.metrics.count(UsageOutcome.REFUSED)).isEqualTo(1);
		fake.reset();
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(recorded);
	}

	@Test
	void aFullBufferWaitsForRoomAndFailsOnlyAfterTheWaitTimeout() {
		fake.fail(INGEST, FakeError.serverError(503));
		UsageSender sender = sender(FAST.withBatchSize(10)
			.withBufferCapacity(10)
			.withWhenFull(FullBufferPolicy.WAIT, Duration.ofMillis(200)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 10; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		// A full batch goes out at once; once it has failed, the buffer fills up.
		await().atMost(Duration.ofMinutes(1)).until(() -> this.metrics.retries() > 0);
		assertThatExceptionOfType(UsageBufferFullException.class).isThrownBy(() -> {
			for (int i = 10; i < 100; i++) {
				usage.record("user-1", "api_call", Map.of("n", i));
			}
		})
			.withMessageContaining("no room was made within polar.metering.buffer.wait-timeout (PT0.2S)")
			.withMessageContaining("The last ingest failed: 503 from Polar");
		long recorded = this.metrics.count(UsageOutcome.RECORDED);
		fake.reset();
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize((int) recorded);
	}

	@Test
	void aFullBufferThatWaitsRecordsEverythingWhilePolarIsSlow() {
		fake.delayNext(5, INGEST, Duration.ofMillis(300));
		UsageSender sender = sender(FAST.withBatchSize(10)
			.withBufferCapacity(10)
			.withWhenFull(FullBufferPolicy.WAIT, Duration.ofMinutes(1)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 100; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		sender.stop();
		assertThat(this.metrics.count(UsageOutcome.REFUSED)).isZero();
		assertThat(fake.ingestedEvents()).hasSize(100);
	}

	@Test
	void stoppingSendsEverythingBuffered() {
		UsageSender sender = sender(FAST.withBatchSize(500).withFlushInterval(Duration.ofHours(1)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 1234; i++) {
			usage.record("user-" + (i % 3), "api_call", Map.of("n", i));
		}
		sender.stop();
		assertThat(fake.ingestedEvents()).hasSize(1234);
		assertThat(sender.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> usage.record("user-1", "api_call"))
			.withMessageContaining("has stopped");
	}

	@Test
	void whatCannotBeSentWithinTheShutdownTimeoutIsCountedAsUnsent(CapturedOutput output) {
		fake.fail(INGEST, FakeError.serverError(503));
		UsageSender sender = sender(FAST.withBatchSize(10).withShutdownTimeout(Duration.ofMillis(500)));
		PolarUsage usage = new PolarUsage(sender, Clock.systemUTC());
		for (int i = 0; i < 25; i++) {
			usage.record("user-1", "api_call", Map.of("n", i));
		}
		sender.stop();
		assertThat(sender.isRunning()).isFalse();
		assertThat(fake.ingestedEvents()).isEmpty();
		assertThat(this.metrics.count(UsageOutcome.UNSENT)).isEqualTo(25);
		assertThat(output).contains(
				"25 usage events could not be sent to Polar within " + "polar.metering.shutdown-timeout (PT0.5S)");
	}

	/**
	 * The times the ingest requests reached the fake, earliest first.
	 */
	private static List<Instant> ingestRequestTimes() {
		return fake.wireMock()
			.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.filter((request) -> request.getUrl().startsWith("/v1/events/ingest"))
			.map((request) -> request.getLoggedDate().toInstant())
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	private UsageSender sender(MeteringSettings settings) {
		PolarClient polar = PolarClient.builder().baseUrl(fake.baseUrl()).accessToken(FakePolar.ACCESS_TOKEN).build();
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("polar-metering-test-");
		UsageSender sender = new UsageSender(polar.events(), settings, scheduler, this.metrics, (event) -> {
			if (event instanceof UsageRejectedEvent rejected) {
				this.rejections.add(rejected);
			}
			else if (event instanceof UsageIngestedEvent batch) {
				this.ingested.add(batch);
			}
		});
		sender.start();
		this.senders.add(sender);
		return sender;
	}

}
