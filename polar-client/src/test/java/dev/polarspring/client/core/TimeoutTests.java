package dev.polarspring.client.core;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.core.TestApi.Product;
import dev.polarspring.client.core.TestApi.ProductCreate;
import dev.polarspring.client.error.PolarTimeoutException;

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
 * Read timeouts, from the client and per call.
 */
class TimeoutTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@BeforeEach
	void setUp() {
		polar.stubFor(get(urlEqualTo("/v1/products/slow"))
			.willReturn(okJson(TestApi.productJson("slow", "Slow")).withFixedDelay(1500)));
		polar.stubFor(get(urlEqualTo("/v1/products/fast")).willReturn(okJson(TestApi.productJson("fast", "Fast"))));
	}

	@Test
	void aPerCallTimeoutEndsTheCallWithAnExceptionNamingTheOperation() {
		ApiExecutor executor = TestApi.client(polar.baseUrl(), this.sleeper).build().executor();
		RequestOptions options = RequestOptions.builder().timeout(Duration.ofMillis(200)).maxAttempts(1).build();
		long start = System.nanoTime();
		assertThatExceptionOfType(PolarTimeoutException.class)
			.isThrownBy(() -> executor.execute(product("slow"), ResponseType.json(Product.class), options))
			.withMessageStartingWith("products:get timed out: Polar did not answer within PT0.2S")
			.satisfies((ex) -> assertThat(ex.getOperationId()).isEqualTo("products:get"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
		// The same executor still uses its own, longer timeout for other calls.
		assertThat(executor.execute(product("slow"), ResponseType.json(Product.class), RequestOptions.none()).name())
			.isEqualTo("Slow");
	}

	@Test
	void theClientReadTimeoutAppliesAndTimedOutGetsAreRetried() {
		// The first exchange in a cold JVM (loading the classes of the client and of
		// decoding) can take longer than 200 ms by itself; made with the default
		// timeout, so that below only the slow answers time out.
		TestApi.client(polar.baseUrl(), this.sleeper)
			.build()
			.executor()
			.execute(product("fast"), ResponseType.json(Product.class), RequestOptions.none());
		ApiExecutor executor = TestApi.client(polar.baseUrl(), this.sleeper)
			.readTimeout(Duration.ofMillis(200))
			.build()
			.executor();
		assertThatExceptionOfType(PolarTimeoutException.class).isThrownBy(() -> executor.execute(product("slow"),
				ResponseType.json(Product.class), RequestOptions.builder().maxAttempts(2).build()));
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/slow")));
		assertThat(executor.execute(product("fast"), ResponseType.json(Product.class), RequestOptions.none()).name())
			.isEqualTo("Fast");
	}

	@Test
	void aTimedOutPostIsNotRepeated() {
		polar.stubFor(post(urlEqualTo("/v1/products/"))
			.willReturn(okJson(TestApi.productJson("p", "P")).withFixedDelay(1500)));
		ApiExecutor executor = TestApi.client(polar.baseUrl(), this.sleeper)
			.readTimeout(Duration.ofMillis(200))
			.build()
			.executor();
		ApiRequest create = ApiRequest.builder(TestApi.PRODUCTS_CREATE)
			.jsonBody(new ProductCreate("P", 1, null))
			.build();
		assertThatExceptionOfType(PolarTimeoutException.class)
			.isThrownBy(() -> executor.execute(create, ResponseType.json(Product.class), RequestOptions.none()));
		polar.verify(1, postRequestedFor(urlEqualTo("/v1/products/")));
	}

	private static ApiRequest product(String id) {
		return ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", id).build();
	}

}
