package dev.polarspring.client.core;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.core.TestApi.Product;
import dev.polarspring.client.error.PolarDecodingException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How answers are read: JSON into types, bodiless answers, CSV as text or stream.
 */
class ApiExecutorResponseTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApiExecutor executor;

	@BeforeEach
	void setUp() {
		this.executor = TestApi.client(polar.baseUrl(), new RecordingSleeper()).build().executor();
	}

	@Test
	void jsonArraysDecodeIntoLists() {
		polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.willReturn(okJson("[" + TestApi.productJson("a", "A") + "," + TestApi.productJson("b", "B") + "]")));
		List<Product> products = this.executor.execute(ApiRequest.builder(TestApi.PRODUCTS_LIST).build(),
				ResponseType.jsonList(Product.class), RequestOptions.none());
		assertThat(products).extracting(Product::id).containsExactly("a", "b");
	}

	@Test
	void noContentReturnsNull() {
		polar.stubFor(delete(urlEqualTo("/v1/customers/c1")).willReturn(aResponse().withStatus(204)));
		Void result = this.executor.execute(ApiRequest.builder(TestApi.CUSTOMERS_DELETE).pathParam("id", "c1").build(),
				ResponseType.none(), RequestOptions.none());
		assertThat(result).isNull();
	}

	@Test
	void aBodilessAcceptedReturnsNullEvenForAJsonType() {
		polar.stubFor(get(urlEqualTo("/v1/orders/o1/receipt")).willReturn(aResponse().withStatus(202)));
		Product result = this.executor.execute(ApiRequest.builder(TestApi.ORDERS_RECEIPT).pathParam("id", "o1").build(),
				ResponseType.json(Product.class), RequestOptions.none());
		assertThat(result).isNull();
	}

	@Test
	void anAcceptedWithABodyIsDecoded() {
		polar.stubFor(get(urlEqualTo("/v1/orders/o1/receipt")).willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody(TestApi.productJson("o1", "Receipt"))));
		Product result = this.executor.execute(ApiRequest.builder(TestApi.ORDERS_RECEIPT).pathParam("id", "o1").build(),
				ResponseType.json(Product.class), RequestOptions.none());
		assertThat(result.name()).isEqualTo("Receipt");
	}

	@Test
	void csvExportsReadAsText() {
		polar.stubFor(get(urlEqualTo("/v1/orders/export")).willReturn(
				aResponse().withHeader("Content-Type", "text/csv; charset=utf-8").withBody("id,amount\nö1,10\n")));
		String csv = this.executor.execute(ApiRequest.builder(TestApi.ORDERS_EXPORT).build(), ResponseType.text(),
				RequestOptions.none());
		assertThat(csv).isEqualTo("id,amount\nö1,10\n");
	}

	@Test
	void csvExportsReadAsAStreamTheCallerCloses() throws Exception {
		polar.stubFor(get(urlEqualTo("/v1/orders/export"))
			.willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("id,amount\no1,10\n")));
		try (InputStream csv = this.executor.execute(ApiRequest.builder(TestApi.ORDERS_EXPORT).build(),
				ResponseType.stream(), RequestOptions.none())) {
			assertThat(new String(csv.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,amount\no1,10\n");
		}
	}

	@Test
	void anUndecodableBodyNamesTheOperationAndType() {
		polar.stubFor(get(urlEqualTo("/v1/products/p")).willReturn(okJson("{\"id\": [1, 2]}")));
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(PolarDecodingException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()))
			.withMessageStartingWith("products:get answered a body that is not a valid ResponseType{Product}")
			.satisfies((ex) -> assertThat(ex.getOperationId()).isEqualTo("products:get"));
	}

	@Test
	void anEmptySuccessBodyForAJsonTypeIsADecodingError() {
		polar.stubFor(get(urlEqualTo("/v1/products/p"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(PolarDecodingException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()))
			.withMessage("products:get answered a body that is not a valid ResponseType{Product}: "
					+ "MismatchedInputException at $ (line 1, column 0) (is Polar-Version right for this client?)");
	}

	@Test
	void anUndecodableBodyIsNeverQuotedInTheException() {
		String secret = "polar_cst_3ZmCm0dLw1eYsQvK";
		polar.stubFor(get(urlEqualTo("/v1/products/p")).willReturn(okJson("{\"id\": \"p\", \"name\": \"Pro\", "
				+ "\"price_amount\": \"" + secret + "\", \"created_at\": \"2025-01-01T00:00:00Z\"}")));
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(PolarDecodingException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("at $.price_amount (line 1, column ").doesNotContain(secret);
				assertThat(ex).hasToString(PolarDecodingException.class.getName() + ": " + ex.getMessage())
					.hasNoCause()
					.hasNoSuppressedExceptions();
			});
	}

	@Test
	void anUndecodableMapValueIsPlacedWithoutItsKey() {
		String secret = "polar_cst_3ZmCm0dLw1eYsQvK";
		polar.stubFor(get(urlEqualTo("/v1/products/p")).willReturn(okJson("{\"" + secret + "\": {\"id\": [1]}}")));
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(PolarDecodingException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(
					PolarJson.mapper().getTypeFactory().constructMapType(Map.class, String.class, Product.class),
					"products by id"), RequestOptions.none()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("at $[*].id ").doesNotContain(secret));
	}

	@Test
	void responseTypesAreCachedPerClass() {
		assertThat(ResponseType.json(Product.class)).isSameAs(ResponseType.json(Product.class));
		assertThat(ResponseType.jsonList(Product.class)).isSameAs(ResponseType.jsonList(Product.class));
	}

}
