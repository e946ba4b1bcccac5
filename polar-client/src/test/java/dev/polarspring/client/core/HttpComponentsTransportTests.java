package dev.polarspring.client.core;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestFactoryProvider;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.core.TestApi.Product;
import dev.polarspring.client.core.TestApi.ProductCreate;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarTimeoutException;
import dev.polarspring.client.error.RateLimitException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client sending through {@link RequestFactoryProvider#httpComponents()}: the same
 * requests, retries and timeouts as over the JDK's client, with Apache HttpClient's own
 * retries and redirects left out. (Its read timeout is the longest wait for the next
 * bytes; the JDK factory's is a deadline for the whole answer.)
 */
class HttpComponentsTransportTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private ApiExecutor executor;

	@BeforeEach
	void setUp() {
		this.executor = TestApi.client(polar.baseUrl(), this.sleeper)
			.requestFactory(RequestFactoryProvider.httpComponents())
			.build()
			.executor();
	}

	@Test
	void getAndPatchAreSentAsOverTheJdkClient() {
		polar.stubFor(get(urlEqualTo("/v1/products/p1")).willReturn(okJson(TestApi.productJson("p1", "Pro"))));
		polar.stubFor(patch(urlEqualTo("/v1/products/p1")).willReturn(okJson(TestApi.productJson("p1", "Renamed"))));
		assertThat(this.executor.execute(product("p1"), ResponseType.json(Product.class), RequestOptions.none()).name())
			.isEqualTo("Pro");
		// The reason the JDK's HttpURLConnection is not offered: it cannot send PATCH.
		ApiRequest update = ApiRequest.builder(TestApi.PRODUCTS_UPDATE)
			.pathParam("id", "p1")
			.jsonBody(new ProductCreate("Renamed", 1500, null))
			.build();
		assertThat(this.executor.execute(update, ResponseType.json(Product.class), RequestOptions.none()).name())
			.isEqualTo("Renamed");
		polar.verify(getRequestedFor(urlEqualTo("/v1/products/p1"))
			.withHeader("Authorization", equalTo("Bearer " + TestApi.TOKEN))
			// As Spring's JDK request factory asks; WireMock then compresses its answers.
			.withHeader("Accept-Encoding", containing("gzip")));
		polar.verify(
				patchRequestedFor(urlEqualTo("/v1/products/p1")).withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson("""
							{"name": "Renamed", "price_amount": 1500}""")));
	}

	@Test
	void onlyTheClientsOwnRetriesAreMade() {
		// Apache HttpClient's default strategy would retry a 503 and a 429 itself.
		polar.stubFor(get(urlEqualTo("/v1/products/down")).willReturn(aResponse().withStatus(503)));
		polar.stubFor(get(urlEqualTo("/v1/products/busy"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
		RequestOptions twoAttempts = RequestOptions.builder().maxAttempts(2).build();
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> this.executor.execute(product("down"), ResponseType.json(Product.class), twoAttempts));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.executor.execute(product("busy"), ResponseType.json(Product.class), twoAttempts));
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/down")));
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/busy")));
		assertThat(this.sleeper.waits()).hasSize(2).contains(Duration.ofSeconds(1));
	}

	@Test
	void redirectsAreNotFollowed() {
		polar.stubFor(get(urlEqualTo("/v1/products/moved"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "/v1/products/elsewhere")));
		polar.stubFor(get(urlEqualTo("/v1/products/elsewhere")).willReturn(okJson(TestApi.productJson("e", "E"))));
		assertThatExceptionOfType(PolarApiException.class).isThrownBy(
				() -> this.executor.execute(product("moved"), ResponseType.json(Product.class), RequestOptions.none()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(302));
		polar.verify(0, getRequestedFor(urlEqualTo("/v1/products/elsewhere")));
	}

	@Test
	void aReadTimeoutIsATimeoutAndATimedOutGetIsRetried() {
		polar.stubFor(get(urlEqualTo("/v1/products/slow"))
			.willReturn(okJson(TestApi.productJson("slow", "Slow")).withFixedDelay(1500)));
		RequestOptions options = RequestOptions.builder().timeout(Duration.ofMillis(200)).maxAttempts(2).build();
		assertThatExceptionOfType(PolarTimeoutException.class)
			.isThrownBy(() -> this.executor.execute(product("slow"), ResponseType.json(Product.class), options))
			.withMessageStartingWith("products:get timed out: Polar did not answer within PT0.2S");
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/slow")));
	}

	@Test
	void apacheHttpClientsConnectAndPoolTimeoutsMeanTheRequestWasNotSent() {
		assertThat(TransportFailure.of(new ConnectTimeoutException("Connect to polar timed out")))
			.isEqualTo(TransportFailure.NOT_SENT);
		assertThat(TransportFailure.of(new ConnectionRequestTimeoutException("Timeout deadline: 3 s")))
			.isEqualTo(TransportFailure.NOT_SENT);
	}

	private static ApiRequest product(String id) {
		return ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", id).build();
	}

}
