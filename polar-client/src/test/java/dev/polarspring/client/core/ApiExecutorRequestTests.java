package dev.polarspring.client.core;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.core.TestApi.Product;
import dev.polarspring.client.core.TestApi.ProductCreate;
import dev.polarspring.client.core.TestApi.ProductListParams;
import dev.polarspring.client.core.TestApi.ProductSorting;
import dev.polarspring.client.core.TestApi.Token;
import dev.polarspring.client.core.TestApi.TokenRequest;
import dev.polarspring.client.error.MissingTokenException;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pins exactly what goes over the wire: method, path, query encoding, headers and bodies.
 */
class ApiExecutorRequestTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApiExecutor executor;

	@BeforeEach
	void setUp() {
		this.executor = TestApi.client(polar.baseUrl(), new RecordingSleeper()).build().executor();
		polar.stubFor(any(anyUrl()).willReturn(okJson(TestApi.productJson("prod_1", "Pro"))));
	}

	@Test
	void getSendsVersionUserAgentAcceptAndBearerToken() {
		Product product = this.executor.execute(
				ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "prod_1").build(),
				ResponseType.json(Product.class), RequestOptions.none());
		assertThat(product)
			.isEqualTo(new Product("prod_1", "Pro", 1500, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
		polar.verify(getRequestedFor(urlEqualTo("/v1/products/prod_1")).withHeader("Polar-Version", equalTo("2026-10"))
			.withHeader("Authorization", equalTo("Bearer " + TestApi.TOKEN))
			.withHeader("User-Agent", equalTo("polar-spring-boot/dev"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Polar-Organization", absent()));
	}

	@Test
	void organizationAndApiVersionComeFromTheBuilder() {
		ApiExecutor executor = TestApi.client(polar.baseUrl(), new RecordingSleeper())
			.organizationId("org_123")
			.apiVersion("2026-04")
			.build()
			.executor();
		executor.execute(ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build(),
				ResponseType.json(Product.class), RequestOptions.none());
		polar.verify(getRequestedFor(urlEqualTo("/v1/products/p")).withHeader("Polar-Organization", equalTo("org_123"))
			.withHeader("Polar-Version", equalTo("2026-04")));
	}

	@Test
	void queryRepeatsArraysEncodesDeepObjectsSortingAndOffsets() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("plan", "pro plus");
		metadata.put("tier", 2);
		ProductListParams params = new ProductListParams(List.of("org_1", "org_2"), false,
				List.of(ProductSorting.CREATED_AT_DESC, ProductSorting.CREATED_AT), metadata,
				OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), 50);
		polar.stubFor(get(urlPathEqualTo("/v1/products/")).willReturn(okJson(TestApi.pageJson(0, 1))));
		this.executor.executePage(ApiRequest.builder(TestApi.PRODUCTS_LIST).query(params).build(), Product.class,
				RequestOptions.none());
		// The raw URL is pinned: a '+' left unencoded would reach Polar as a space.
		polar.verify(getRequestedFor(urlEqualTo("/v1/products/?organization_id=org_1&organization_id=org_2"
				+ "&is_archived=false&sorting=-created_at&sorting=created_at"
				+ "&metadata%5Bplan%5D=pro%20plus&metadata%5Btier%5D=2"
				+ "&created_after=2026-01-02T03%3A04%3A05%2B02%3A00&limit=50")));
	}

	@Test
	void jsonBodyIsSerializedWithTheSdkMapper() {
		this.executor.execute(ApiRequest.builder(TestApi.PRODUCTS_CREATE)
			.jsonBody(new ProductCreate("Pro", 1500, Map.of("plan", "pro")))
			.build(), ResponseType.json(Product.class), RequestOptions.none());
		polar.verify(
				postRequestedFor(urlEqualTo("/v1/products/")).withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson("""
							{"name": "Pro", "price_amount": 1500, "metadata": {"plan": "pro"}}""", false, false)));
	}

	@Test
	void formBodyIsUrlEncodedAndSendsNoAuthorizationForUnauthenticatedOperations() {
		polar.stubFor(any(urlEqualTo("/v1/oauth2/token"))
			.willReturn(okJson("{\"access_token\": \"polar_at_x\", \"token_type\": \"Bearer\"}")));
		Token token = this.executor.execute(ApiRequest.builder(TestApi.OAUTH2_TOKEN)
			.formBody(new TokenRequest("client_credentials", "client 1", "s3cr3t&=", null,
					List.of("https://a.example/cb", "https://b.example/cb")))
			.build(), ResponseType.json(Token.class), RequestOptions.none());
		assertThat(token.accessToken()).isEqualTo("polar_at_x");
		polar.verify(postRequestedFor(urlEqualTo("/v1/oauth2/token"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withHeader("Authorization", absent())
			.withRequestBody(equalTo("grant_type=client_credentials&client_id=client%201&client_secret=s3cr3t%26%3D"
					+ "&redirect_uris=https%3A%2F%2Fa.example%2Fcb&redirect_uris=https%3A%2F%2Fb.example%2Fcb")));
	}

	@Test
	void requestOptionsAddHeadersQueryAndBodyPropertiesAndReplaceTheToken() {
		RequestOptions options = RequestOptions.builder()
			.header("X-Trace", "abc")
			.queryParam("include", "benefits", "prices")
			.bodyProperty("new_field", "value")
			.bodyProperty("name", "Renamed")
			.accessToken("polar_oat_other")
			.build();
		this.executor.execute(ApiRequest.builder(TestApi.PRODUCTS_UPDATE)
			.pathParam("id", "prod_1")
			.jsonBody(new ProductCreate("Pro", 1500, null))
			.build(), ResponseType.json(Product.class), options);
		polar.verify(patchRequestedFor(urlEqualTo("/v1/products/prod_1?include=benefits&include=prices"))
			.withHeader("X-Trace", equalTo("abc"))
			.withHeader("Authorization", equalTo("Bearer polar_oat_other"))
			.withRequestBody(equalToJson("""
					{"name": "Renamed", "price_amount": 1500, "new_field": "value"}""")));
	}

	@Test
	void bodyPropertiesForABodilessOperationAreRefused() {
		RequestOptions options = RequestOptions.builder().bodyProperty("x", 1).build();
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(Product.class), options))
			.withMessageContaining("products:get sends no request body");
	}

	@Test
	void customerPortalOperationsSendTheSessionToken() {
		this.executor.withCustomerSessionToken(TestApi.SESSION_TOKEN)
			.execute(ApiRequest.builder(TestApi.PORTAL_CUSTOMER_GET).build(), ResponseType.json(Product.class),
					RequestOptions.none());
		polar.verify(getRequestedFor(urlEqualTo("/v1/customer-portal/customers/me")).withHeader("Authorization",
				equalTo("Bearer " + TestApi.SESSION_TOKEN)));
	}

	@Test
	void customerSessionTokenMayComeWithTheCall() {
		this.executor.execute(ApiRequest.builder(TestApi.PORTAL_CUSTOMER_GET).build(), ResponseType.json(Product.class),
				RequestOptions.builder().customerSessionToken(TestApi.SESSION_TOKEN).build());
		polar.verify(getRequestedFor(urlEqualTo("/v1/customer-portal/customers/me")).withHeader("Authorization",
				equalTo("Bearer " + TestApi.SESSION_TOKEN)));
	}

	@Test
	void missingAccessTokenFailsBeforeSendingAndSaysWhatToSet() {
		ApiExecutor executor = PolarClient.builder().baseUrl(polar.baseUrl()).build().executor();
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(MissingTokenException.class)
			.isThrownBy(() -> executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()))
			.withMessage("products:get needs an organization access token and none is set; call "
					+ "PolarClient.builder().accessToken(...) or pass RequestOptions.builder().accessToken(...)")
			.satisfies((ex) -> assertThat(ex.getOperationId()).isEqualTo("products:get"));
		assertThat(polar.getAllServeEvents()).isEmpty();
	}

	@Test
	void aSupplierThatHasNoTokenCountsAsMissing() {
		ApiExecutor executor = PolarClient.builder()
			.baseUrl(polar.baseUrl())
			.accessToken(() -> null)
			.build()
			.executor();
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(MissingTokenException.class)
			.isThrownBy(() -> executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()));
	}

	@Test
	void missingSessionTokenSaysHowToProvideOne() {
		ApiRequest request = ApiRequest.builder(TestApi.PORTAL_CUSTOMER_GET).build();
		assertThatExceptionOfType(MissingTokenException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()))
			.withMessage("customer_portal:customers:get needs a customer or member session token; call "
					+ "polar.customerPortal(sessionToken) or pass RequestOptions.builder().customerSessionToken(...)");
		assertThat(polar.getAllServeEvents()).isEmpty();
	}

	@Test
	void theAccessTokenSupplierIsAskedOnEveryCall() {
		String[] current = { "polar_oat_first" };
		ApiExecutor executor = TestApi.client(polar.baseUrl(), new RecordingSleeper())
			.accessToken(() -> current[0])
			.build()
			.executor();
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		executor.execute(request, ResponseType.json(Product.class), RequestOptions.none());
		current[0] = "polar_oat_second";
		executor.execute(request, ResponseType.json(Product.class), RequestOptions.none());
		polar.verify(1, getRequestedFor(urlEqualTo("/v1/products/p")).withHeader("Authorization",
				equalTo("Bearer polar_oat_first")));
		polar.verify(1, getRequestedFor(urlEqualTo("/v1/products/p")).withHeader("Authorization",
				equalTo("Bearer polar_oat_second")));
	}

	@Test
	void withOptionsDerivesAnExecutorAndLeavesTheOriginalUntouched() {
		ApiExecutor derived = this.executor.withOptions(RequestOptions.builder().header("X-Tenant", "t1").build());
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		derived.execute(request, ResponseType.json(Product.class), RequestOptions.none());
		this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none());
		polar.verify(1, getRequestedFor(urlEqualTo("/v1/products/p")).withHeader("X-Tenant", equalTo("t1")));
		polar.verify(1, getRequestedFor(urlEqualTo("/v1/products/p")).withHeader("X-Tenant", absent()));
		assertThat(this.executor.defaultOptions()).isEqualTo(RequestOptions.none());
	}

	@Test
	void withOptionsMergesOverEarlierDefaults() {
		ApiExecutor derived = this.executor.withOptions(RequestOptions.builder().header("X-A", "a").build())
			.withOptions(RequestOptions.builder().header("X-B", "b").build());
		derived.execute(ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build(),
				ResponseType.json(Product.class), RequestOptions.builder().header("X-A", "call").build());
		polar.verify(getRequestedFor(urlEqualTo("/v1/products/p")).withHeader("X-A", equalTo("call"))
			.withHeader("X-B", equalTo("b")));
	}

	@Test
	void aBaseUrlWithAPathPrefixIsKept() {
		ApiExecutor executor = TestApi.client(polar.baseUrl() + "/proxy/", new RecordingSleeper()).build().executor();
		polar.stubFor(get(urlEqualTo("/proxy/v1/products/p")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(TestApi.productJson("p", "Proxied"))));
		Product product = executor.execute(ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build(),
				ResponseType.json(Product.class), RequestOptions.none());
		assertThat(product.name()).isEqualTo("Proxied");
	}

	@Test
	void theRestClientBuilderIsClonedSoItsInterceptorsApplyButLaterChangesDoNot() {
		AtomicInteger before = new AtomicInteger();
		AtomicInteger after = new AtomicInteger();
		RestClient.Builder shared = RestClient.builder().requestInterceptor(counting(before));
		ApiExecutor executor = TestApi.client(polar.baseUrl(), new RecordingSleeper())
			.restClientBuilder(shared)
			.build()
			.executor();
		shared.requestInterceptor(counting(after));
		executor.execute(ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build(),
				ResponseType.json(Product.class), RequestOptions.none());
		assertThat(before).hasValue(1);
		assertThat(after).hasValue(0);
	}

	private static ClientHttpRequestInterceptor counting(AtomicInteger count) {
		return (request, body, execution) -> {
			count.incrementAndGet();
			return execution.execute(request, body);
		};
	}

}
