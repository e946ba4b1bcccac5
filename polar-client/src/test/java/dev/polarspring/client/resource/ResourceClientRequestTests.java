package dev.polarspring.client.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.model.AuthorizationCodeTokenRequest;
import dev.polarspring.client.model.BenefitCustom;
import dev.polarspring.client.model.CustomerOrder;
import dev.polarspring.client.model.CustomerSession;
import dev.polarspring.client.model.CustomerSessionCustomerIDCreate;
import dev.polarspring.client.model.Event;
import dev.polarspring.client.model.MetricDashboardSchema;
import dev.polarspring.client.model.OrderReceipt;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.model.ProductPriceFixed;
import dev.polarspring.client.model.ProductSortProperty;
import dev.polarspring.client.model.ProductUpdate;
import dev.polarspring.client.model.TimeInterval;
import dev.polarspring.client.model.TokenResponse;
import dev.polarspring.client.model.UserEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Calls the generated resource clients against a stub server and pins exactly what they
 * send: method, path, query encoding, headers and bodies, and how each kind of answer
 * comes back.
 */
class ResourceClientRequestTests {

	private static final String TOKEN = "polar_oat_ResourceClientToken";

	private static final String SESSION = "polar_cst_ResourceClientSession";

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private PolarClient client;

	@BeforeEach
	void setUp() {
		this.client = PolarClient.builder()
			.accessToken(TOKEN)
			.baseUrl(polar.baseUrl())
			.sleeper(new RecordingSleeper())
			.build();
	}

	@Test
	void listSendsArraysMetadataAndSortingInTheQueryWithVersionAndToken() {
		polar.stubFor(get(urlPathEqualTo("/v1/products/")).willReturn(okJson(Fixtures.productPage(1, 1, "prod_1"))));
		Page<Product> page = this.client.products()
			.list(ProductsListParams.builder()
				.id("prod_1", "prod_2")
				.isArchived(false)
				.limit(100)
				.sorting(ProductSortProperty.CREATED_AT_, ProductSortProperty.NAME)
				.metadata("plan", "pro plus")
				.metadata("seats", 5)
				.build());
		Product product = page.items().get(0);
		assertThat(product.id()).isEqualTo("prod_1");
		assertThat(product.prices().get(0)).isInstanceOf(ProductPriceFixed.class);
		assertThat(product.benefits().get(0)).isInstanceOf(BenefitCustom.class);
		assertThat(page.totalCount()).hasValue(1);
		polar.verify(getRequestedFor(urlEqualTo("/v1/products/?id=prod_1&id=prod_2&is_archived=false&limit=100"
				+ "&sorting=-created_at&sorting=name&metadata%5Bplan%5D=pro%20plus&metadata%5Bseats%5D=5"))
			.withHeader("Polar-Version", equalTo("2026-10"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void patchSendsOnlyTheSetPropertiesWithAnExplicitNull() {
		polar.stubFor(patch(urlEqualTo("/v1/products/prod_1")).willReturn(okJson(Fixtures.product("prod_1"))));
		Product product = this.client.products()
			.update("prod_1", ProductUpdate.builder().name("Pro Max").description(null).build());
		assertThat(product.name()).isEqualTo("Product prod_1");
		polar.verify(patchRequestedFor(urlEqualTo("/v1/products/prod_1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"name\": \"Pro Max\", \"description\": null}", false, false)));
	}

	@Test
	void pathParametersArePercentEncodedInTemplateOrder() {
		polar.stubFor(get(urlEqualTo("/v1/customers/external/ext%2F1%202/members/m%201"))
			.willReturn(okJson("{\"id\": \"mem_1\"}")));
		this.client.customers().members().getExternal("ext/1 2", "m 1");
		polar.verify(getRequestedFor(urlEqualTo("/v1/customers/external/ext%2F1%202/members/m%201")));
	}

	@Test
	void autoPagerWalksThreePagesWithTheSameQuery() {
		stubProductPage(1, "p1", "p2");
		stubProductPage(2, "p3", "p4");
		stubProductPage(3, "p5");
		Page<Product> first = this.client.products()
			.list(ProductsListParams.builder().organizationId("org_1").limit(2).build());
		assertThat(first.autoPager().stream().map(Product::id)).containsExactly("p1", "p2", "p3", "p4", "p5");
		for (int page = 2; page <= 3; page++) {
			polar.verify(getRequestedFor(urlPathEqualTo("/v1/products/"))
				.withQueryParam("page", equalTo(String.valueOf(page)))
				.withQueryParam("limit", equalTo("2"))
				.withQueryParam("organization_id", equalTo("org_1")));
		}
		polar.verify(3, getRequestedFor(urlPathEqualTo("/v1/products/")));
	}

	private static void stubProductPage(int page, String... ids) {
		polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.withQueryParam("page", (page == 1) ? absent() : equalTo(String.valueOf(page)))
			.willReturn(okJson(Fixtures.productPage(5, 3, ids))));
	}

	@Test
	void eventsListFollowsCursorPagination() {
		polar.stubFor(get(urlPathEqualTo("/v1/events/")).withQueryParam("page", absent())
			.willReturn(okJson(Fixtures.eventCursorPage(true, "evt_1", "evt_2"))));
		polar.stubFor(get(urlPathEqualTo("/v1/events/")).withQueryParam("page", equalTo("2"))
			.willReturn(okJson(Fixtures.eventCursorPage(false, "evt_3"))));
		Page<Event> first = this.client.events().list(EventsListParams.builder().parentId("evt_root").depth(1).build());
		assertThat(first.totalCount()).isEmpty();
		assertThat(first.hasNextPage()).isTrue();
		assertThat(first.autoPager().stream().map((event) -> ((UserEvent) event).id())).containsExactly("evt_1",
				"evt_2", "evt_3");
		polar.verify(getRequestedFor(urlEqualTo("/v1/events/?parent_id=evt_root&depth=1&page=2")));
	}

	@Test
	void customerPortalCallsCarryTheSessionToken() {
		polar.stubFor(get(urlPathEqualTo("/v1/customer-portal/orders/")).willReturn(okJson(Fixtures.emptyPage())));
		Page<CustomerOrder> orders = this.client.customerPortal(SESSION)
			.orders()
			.list(CustomerPortalOrdersListParams.builder().productId("prod_1").build());
		assertThat(orders.items()).isEmpty();
		polar.verify(getRequestedFor(urlEqualTo("/v1/customer-portal/orders/?product_id=prod_1"))
			.withHeader("Authorization", equalTo("Bearer " + SESSION)));
	}

	@Test
	void customerPortalSessionTokenCanBeGivenPerCall() {
		polar.stubFor(get(urlEqualTo("/v1/customer-portal/wallets/")).willReturn(okJson(Fixtures.emptyPage())));
		this.client.customerPortal().wallets().list(RequestOptions.builder().customerSessionToken(SESSION).build());
		polar.verify(getRequestedFor(urlEqualTo("/v1/customer-portal/wallets/")).withHeader("Authorization",
				equalTo("Bearer " + SESSION)));
	}

	@Test
	void oauth2TokenIsAFormPostWithoutAuthorization() {
		polar.stubFor(post(urlEqualTo("/v1/oauth2/token")).willReturn(okJson("{\"access_token\": \"polar_at_1\", "
				+ "\"token_type\": \"Bearer\", \"expires_in\": 3600, \"refresh_token\": null, \"scope\": \"openid\", "
				+ "\"id_token\": \"eyJ\"}")));
		TokenResponse token = this.client.oauth2()
			.token(AuthorizationCodeTokenRequest.builder()
				.clientId("client_1")
				.clientSecret("s3cr3t&=")
				.code("code_1")
				.redirectUri("https://shop.example/callback")
				.build());
		assertThat(token.accessToken()).isEqualTo("polar_at_1");
		polar.verify(postRequestedFor(urlEqualTo("/v1/oauth2/token"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withHeader("Authorization", absent())
			.withFormParam("grant_type", equalTo("authorization_code"))
			.withFormParam("client_id", equalTo("client_1"))
			.withFormParam("client_secret", equalTo("s3cr3t&="))
			.withFormParam("code", equalTo("code_1"))
			.withFormParam("redirect_uri", equalTo("https://shop.example/callback")));
	}

	@Test
	void operationWithoutSecuritySendsNoAuthorization() {
		polar.stubFor(get(urlEqualTo("/v1/customer-portal/organizations/acme")).willReturn(okJson("{}")));
		this.client.customerPortal().organizations().get("acme");
		polar.verify(getRequestedFor(urlEqualTo("/v1/customer-portal/organizations/acme")).withHeader("Authorization",
				absent()));
	}

	@Test
	void csvExportIsReadWholeOrAsAStream() throws IOException {
		String csv = "id,amount\nord_1,1500\n";
		polar.stubFor(get(urlPathEqualTo("/v1/orders/export"))
			.willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(csv)));
		OrdersExportParams params = OrdersExportParams.builder().productId("prod_1", "prod_2").build();
		assertThat(this.client.orders().export(params)).isEqualTo(csv);
		try (InputStream stream = this.client.orders().exportStream(params)) {
			assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv);
		}
		polar.verify(2, getRequestedFor(urlEqualTo("/v1/orders/export?product_id=prod_1&product_id=prod_2")));
	}

	@Test
	void deleteAnswersNothingAndSendsItsQuery() {
		polar.stubFor(delete(urlPathEqualTo("/v1/customers/cus_1")).willReturn(aResponse().withStatus(204)));
		this.client.customers().delete("cus_1", CustomersDeleteParams.builder().anonymize(true).build());
		polar.verify(deleteRequestedFor(urlEqualTo("/v1/customers/cus_1?anonymize=true")));
	}

	@Test
	void receiptStillBeingGeneratedIsNull() {
		polar.stubFor(get(urlEqualTo("/v1/orders/ord_1/receipt")).willReturn(aResponse().withStatus(202)));
		OrderReceipt receipt = this.client.orders().receipt("ord_1");
		assertThat(receipt).isNull();
	}

	@Test
	void answerWithoutSchemaIsAJsonTree() {
		polar.stubFor(get(urlEqualTo("/v1/oauth2/register/client_1"))
			.willReturn(okJson("{\"client_id\": \"client_1\", \"client_name\": \"Shop\"}")));
		JsonNode client = this.client.oauth2().clients().get("client_1");
		assertThat(client.path("client_name").asString()).isEqualTo("Shop");
	}

	@Test
	void arrayAnswerIsAList() {
		polar.stubFor(
				get(urlEqualTo("/v1/metrics/dashboards?organization_id=org_1")).willReturn(okJson("[{\"created_at\": "
						+ "\"2026-01-02T03:04:05Z\", \"modified_at\": null, \"id\": \"dash_1\", \"name\": \"Revenue\", "
						+ "\"metrics\": [\"revenue\"], \"organization_id\": \"org_1\"}]")));
		List<MetricDashboardSchema> dashboards = this.client.metrics()
			.listDashboards(MetricsListDashboardsParams.builder().organizationId("org_1").build());
		assertThat(dashboards).extracting(MetricDashboardSchema::name).containsExactly("Revenue");
	}

	@Test
	void requiredQueryParametersAreSentAndCheckedBeforeSending() {
		polar.stubFor(get(urlPathEqualTo("/v1/metrics/")).willReturn(okJson("{}")));
		this.client.metrics()
			.get(MetricsGetParams.builder()
				.startDate(LocalDate.of(2026, 1, 1))
				.endDate(LocalDate.of(2026, 1, 31))
				.interval(TimeInterval.DAY)
				.build());
		polar
			.verify(getRequestedFor(urlEqualTo("/v1/metrics/?start_date=2026-01-01&end_date=2026-01-31&interval=day")));
		assertThatIllegalStateException()
			.isThrownBy(() -> MetricsGetParams.builder().startDate(LocalDate.of(2026, 1, 1)).build())
			.withMessage(
					"MetricsGetParams needs the parameters [endDate, interval]; set them on the builder before build()");
	}

	@Test
	void customerSessionIsCreatedFromATypedBody() {
		polar.stubFor(post(urlEqualTo("/v1/customer-sessions/")).willReturn(okJson("{\"created_at\": "
				+ "\"2026-01-02T03:04:05Z\", \"modified_at\": null, \"id\": \"cs_1\", \"token\": \"polar_cst_new\", "
				+ "\"expires_at\": \"2026-01-02T04:04:05Z\", \"return_url\": null, "
				+ "\"customer_portal_url\": \"https://polar.sh/portal\", \"customer_id\": \"cus_1\", \"customer\": {}}")));
		CustomerSession session = this.client.customerSessions()
			.create(CustomerSessionCustomerIDCreate.builder().customerId("cus_1").build());
		assertThat(session.token()).isEqualTo("polar_cst_new");
		polar.verify(postRequestedFor(urlEqualTo("/v1/customer-sessions/"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withRequestBody(equalToJson("{\"customer_id\": \"cus_1\"}")));
	}

	@Test
	void paramsObjectsAreValuesThatKeepCredentialsOutOfToString() {
		CustomerPortalCustomersCheckEmailUpdateParams params = CustomerPortalCustomersCheckEmailUpdateParams.builder()
			.token("polar_evt_secret")
			.build();
		assertThat(params.toString()).doesNotContain("polar_evt_secret").contains("token=***");
		assertThat(ProductsListParams.builder().id("a").limit(5).build())
			.isEqualTo(ProductsListParams.builder().id(List.of("a")).limit(5).build())
			.hasSameHashCodeAs(ProductsListParams.builder().id("a").limit(5).build());
	}

}
