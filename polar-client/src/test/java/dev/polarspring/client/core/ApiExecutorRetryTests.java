package dev.polarspring.client.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.core.TestApi.Product;
import dev.polarspring.client.core.TestApi.ProductCreate;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.error.RateLimitException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries with injected faults; the sleeper records waits instead of waiting.
 */
class ApiExecutorRetryTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private ApiExecutor executor;

	@BeforeEach
	void setUp() {
		this.executor = TestApi.client(polar.baseUrl(), this.sleeper)
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.build()
			.executor();
	}

	@Test
	void serviceUnavailableThenOkSucceedsAfterOneBackoff() {
		stubSequence(() -> get(urlEqualTo("/v1/products/p")), aResponse().withStatus(503),
				okJson(TestApi.productJson("p", "Pro")));
		assertThat(getProduct().name()).isEqualTo("Pro");
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/p")));
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofMillis(500));
	}

	@Test
	void connectionResetThenOkSucceedsForAGet() {
		stubSequence(() -> get(urlEqualTo("/v1/products/p")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				okJson(TestApi.productJson("p", "Pro")));
		assertThat(getProduct().name()).isEqualTo("Pro");
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/p")));
	}

	@Test
	void retriesStopAfterTheLimitWithGrowingBackoff() {
		polar.stubFor(get(urlEqualTo("/v1/products/p")).willReturn(aResponse().withStatus(502)));
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(this::getProduct);
		polar.verify(3, getRequestedFor(urlEqualTo("/v1/products/p")));
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
	}

	@Test
	void rateLimitWaitsRetryAfterSeconds() {
		stubSequence(() -> get(urlEqualTo("/v1/products/p")),
				aResponse().withStatus(429).withHeader("Retry-After", "3"), okJson(TestApi.productJson("p", "Pro")));
		assertThat(getProduct().name()).isEqualTo("Pro");
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void rateLimitWaitsUntilRetryAfterDate() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atOffset(ZoneOffset.UTC));
		stubSequence(() -> get(urlEqualTo("/v1/products/p")),
				aResponse().withStatus(429).withHeader("Retry-After", date), okJson(TestApi.productJson("p", "Pro")));
		assertThat(getProduct().name()).isEqualTo("Pro");
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofSeconds(5));
	}

	@Test
	void retryAfterIsCapped() {
		stubSequence(() -> get(urlEqualTo("/v1/products/p")),
				aResponse().withStatus(429).withHeader("Retry-After", "3600"), okJson(TestApi.productJson("p", "P")));
		getProduct();
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofSeconds(60));
	}

	@Test
	void rateLimitedPostIsRetriedBecausePolarDidNotProcessIt() {
		stubSequence(() -> post(urlEqualTo("/v1/products/")),
				aResponse().withStatus(429).withHeader("Retry-After", "1"), okJson(TestApi.productJson("p", "Pro")));
		assertThat(createProduct(RequestOptions.none()).name()).isEqualTo("Pro");
		polar.verify(2, postRequestedFor(urlEqualTo("/v1/products/")));
	}

	@Test
	void postIsNotRepeatedAfterServiceUnavailable() {
		stubSequence(() -> post(urlEqualTo("/v1/products/")), aResponse().withStatus(503),
				okJson(TestApi.productJson("p", "Pro")));
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> createProduct(RequestOptions.none()));
		polar.verify(1, postRequestedFor(urlEqualTo("/v1/products/")));
		assertThat(this.sleeper.waits()).isEmpty();
	}

	@Test
	void postIsNotRepeatedAfterAConnectionReset() {
		stubSequence(() -> post(urlEqualTo("/v1/products/")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				okJson(TestApi.productJson("p", "Pro")));
		assertThatExceptionOfType(PolarIoException.class).isThrownBy(() -> createProduct(RequestOptions.none()))
			.withMessageStartingWith("products:create failed talking to " + polar.baseUrl());
		polar.verify(1, postRequestedFor(urlEqualTo("/v1/products/")));
	}

	@Test
	void postIsRepeatedWhenTheCallOptsIn() {
		stubSequence(() -> post(urlEqualTo("/v1/products/")), aResponse().withStatus(503),
				okJson(TestApi.productJson("p", "Pro")));
		assertThat(createProduct(RequestOptions.builder().retryNonIdempotent(true).build()).name()).isEqualTo("Pro");
		polar.verify(2, postRequestedFor(urlEqualTo("/v1/products/")));
	}

	@Test
	void postIsRepeatedWhenTheClientOptsIn() {
		ApiExecutor executor = TestApi.client(polar.baseUrl(), this.sleeper)
			.retrySettings(RetrySettings.defaults().withJitter(0).withRetryNonIdempotent(true))
			.build()
			.executor();
		stubSequence(() -> post(urlEqualTo("/v1/products/")), aResponse().withStatus(500),
				okJson(TestApi.productJson("p", "Pro")));
		assertThat(createProduct(executor, RequestOptions.none()).name()).isEqualTo("Pro");
		polar.verify(2, postRequestedFor(urlEqualTo("/v1/products/")));
	}

	@Test
	void postIsRetriedAfterConnectionRefusedBecauseNothingWasSent() throws IOException {
		ApiExecutor executor = TestApi.client("http://127.0.0.1:" + closedPort(), this.sleeper).build().executor();
		assertThatExceptionOfType(PolarIoException.class)
			.isThrownBy(() -> createProduct(executor, RequestOptions.none()))
			.withMessageContaining("products:create failed talking to http://127.0.0.1:")
			.withMessageContaining("ConnectException");
		assertThat(this.sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
	}

	@Test
	void retriesCanBeTurnedOffPerCall() {
		polar.stubFor(get(urlEqualTo("/v1/products/p")).willReturn(aResponse().withStatus(429)));
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.executor.execute(request,
				ResponseType.json(Product.class), RequestOptions.builder().maxAttempts(1).build()));
		polar.verify(1, getRequestedFor(urlEqualTo("/v1/products/p")));
	}

	@Test
	void clientErrorsAreNeverRetried() {
		polar.stubFor(get(urlEqualTo("/v1/products/p")).willReturn(aResponse().withStatus(404)));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(this::getProduct);
		polar.verify(1, getRequestedFor(urlEqualTo("/v1/products/p")));
	}

	@Test
	void jitterShortensWaitsWithinItsFraction() {
		RetrySettings settings = RetrySettings.defaults();
		assertThat(settings.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.backoff(1, 0.999)).isBetween(Duration.ofMillis(375), Duration.ofMillis(376));
		assertThat(settings.backoff(10, 0.0)).isEqualTo(Duration.ofSeconds(8));
	}

	private Product getProduct() {
		return this.executor.execute(ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build(),
				ResponseType.json(Product.class), RequestOptions.none());
	}

	private Product createProduct(RequestOptions options) {
		return createProduct(this.executor, options);
	}

	private static Product createProduct(ApiExecutor executor, RequestOptions options) {
		return executor.execute(
				ApiRequest.builder(TestApi.PRODUCTS_CREATE).jsonBody(new ProductCreate("Pro", 1500, null)).build(),
				ResponseType.json(Product.class), options);
	}

	private static void stubSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
			ResponseDefinitionBuilder second) {
		polar.stubFor(request.get()
			.inScenario("sequence")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("second"));
		polar.stubFor(request.get().inScenario("sequence").whenScenarioStateIs("second").willReturn(second));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
