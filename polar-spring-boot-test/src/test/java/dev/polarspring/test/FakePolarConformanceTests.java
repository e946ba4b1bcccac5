package dev.polarspring.test;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.ProductPriceFixed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the fake Polar, and every webhook it sends, has exactly the shape
 * Polar's OpenAPI spec gives it: all required properties, the right types and formats, no
 * property the spec does not have.
 */
class FakePolarConformanceTests {

	private static FakePolar fake;

	private static FakeHttp http;

	private static final OpenApiSchemas schemas = OpenApiSchemas.load();

	@BeforeAll
	static void start() {
		fake = FakePolar.start();
		http = new FakeHttp(fake);
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@BeforeEach
	void reset() {
		fake.reset();
	}

	private static JsonNode conforms(FakeHttp.Answer answer, String method, String specPath, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		List<String> violations = schemas.violations(answer.json(), schemas.response(method, specPath, status));
		assertThat(violations).as(method + " " + specPath).isEmpty();
		return answer.json();
	}

	private static String productId(String name) {
		return fake.product(name).id();
	}

	private static JsonNode createCheckout(String productName, String externalCustomerId) {
		return conforms(http.post("/v1/checkouts/", """
				{"products":["%s"],"external_customer_id":"%s","customer_email":"ada@example.com",
				 "success_url":"https://shop.example.com/success?checkout_id={CHECKOUT_ID}","metadata":{"cart":"c-1"}}
				""".formatted(productId(productName), externalCustomerId)), "post", "/v1/checkouts/", 201);
	}

	@Test
	void productsListAndGet() {
		JsonNode list = conforms(http.get("/v1/products/"), "get", "/v1/products/", 200);
		assertThat(list.get("items")).hasSize(3);
		String id = list.get("items").get(1).get("id").asString();
		conforms(http.get("/v1/products/" + id), "get", "/v1/products/{id}", 200);
	}

	@Test
	void checkoutsCreateAndGet() {
		JsonNode checkout = createCheckout("Pro Plan", "user-1");
		conforms(http.get("/v1/checkouts/" + checkout.get("id").asString()), "get", "/v1/checkouts/{id}", 200);
		fake.pay(checkout.get("id").asString());
		conforms(http.get("/v1/checkouts/" + checkout.get("id").asString()), "get", "/v1/checkouts/{id}", 200);
		conforms(http.post("/v1/checkouts/", """
				{"products":["%s"],"discount_id":"6f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77","allow_discount_codes":false,
				 "seats":5}
				""".formatted(productId("Pro Plan"))), "post", "/v1/checkouts/", 201);
	}

	@Test
	void checkoutLinksCreateListAndGet() {
		JsonNode link = conforms(http.post("/v1/checkout-links/", """
				{"payment_processor":"stripe","products":["%s"],"label":"Newsletter"}
				""".formatted(productId("Starter Kit"))), "post", "/v1/checkout-links/", 201);
		conforms(http.get("/v1/checkout-links/"), "get", "/v1/checkout-links/", 200);
		conforms(http.get("/v1/checkout-links/" + link.get("id").asString()), "get", "/v1/checkout-links/{id}", 200);
		conforms(http.post("/v1/checkout-links/", """
				{"payment_processor":"stripe","product_price_id":"%s"}
				""".formatted(((ProductPriceFixed) fake.product("Pro Plan").prices().get(0)).id())), "post",
				"/v1/checkout-links/", 201);
	}

	@Test
	void customersGetByIdAndExternalIdAndState() {
		FakePurchase purchase = fake.purchase(productId("Pro Plan"), "user-2");
		String customerId = purchase.order().customerId();
		conforms(http.get("/v1/customers/"), "get", "/v1/customers/", 200);
		conforms(http.get("/v1/customers/" + customerId), "get", "/v1/customers/{id}", 200);
		conforms(http.get("/v1/customers/external/user-2"), "get", "/v1/customers/external/{external_id}", 200);
		JsonNode state = conforms(http.get("/v1/customers/" + customerId + "/state"), "get", "/v1/customers/{id}/state",
				200);
		assertThat(state.get("active_subscriptions")).hasSize(1);
		assertThat(state.get("granted_benefits")).hasSize(1);
		conforms(http.get("/v1/customers/external/user-2/state"), "get", "/v1/customers/external/{external_id}/state",
				200);
	}

	@Test
	void customerSessionsCreate() {
		FakePurchase purchase = fake.purchase(productId("Starter Kit"), "user-3");
		conforms(http.post("/v1/customer-sessions/", "{\"external_customer_id\":\"user-3\"}"), "post",
				"/v1/customer-sessions/", 201);
		conforms(
				http.post("/v1/customer-sessions/",
						"{\"customer_id\":\"" + purchase.order().customerId()
								+ "\",\"return_url\":\"https://shop.example.com/account\"}"),
				"post", "/v1/customer-sessions/", 201);
	}

	@Test
	void ordersAndSubscriptionsListAndGet() {
		FakePurchase purchase = fake.purchase(productId("Pro Plan"), "user-4");
		fake.purchase(productId("Starter Kit"), "user-4");
		JsonNode orders = conforms(http.get("/v1/orders/?external_customer_id=user-4"), "get", "/v1/orders/", 200);
		assertThat(orders.get("items")).hasSize(2);
		conforms(http.get("/v1/orders/" + purchase.order().id()), "get", "/v1/orders/{id}", 200);
		conforms(http.get("/v1/subscriptions/?active=true"), "get", "/v1/subscriptions/", 200);
		conforms(http.get("/v1/subscriptions/" + purchase.subscription().id()), "get", "/v1/subscriptions/{id}", 200);
	}

	@Test
	void eventsIngest() {
		conforms(http.post("/v1/events/ingest", """
				{"events":[{"name":"api_call","external_customer_id":"user-5","metadata":{"tokens":120}}]}
				"""), "post", "/v1/events/ingest", 200);
	}

	@Test
	void eventsIngestRefusal() {
		conforms(http.post("/v1/events/ingest", """
				{"events":[{"name":"download","customer_id":"3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77"}]}
				"""), "post", "/v1/events/ingest", 422);
	}

	@Test
	void metersListGetAndReadingsInTheCustomerState() {
		try (FakePolar metered = FakePolar.builder().meters(FakeMeter.count("Downloads", "download")).start()) {
			FakeHttp meteredHttp = new FakeHttp(metered);
			JsonNode meters = conforms(meteredHttp.get("/v1/meters/"), "get", "/v1/meters/", 200);
			String meterId = meters.get("items").get(0).get("id").asString();
			conforms(meteredHttp.get("/v1/meters/" + meterId), "get", "/v1/meters/{id}", 200);
			metered.purchase(metered.product("Starter Kit").id(), "user-9");
			meteredHttp.post("/v1/events/ingest", """
					{"events":[{"name":"download","external_customer_id":"user-9"}]}""");
			JsonNode state = conforms(meteredHttp.get("/v1/customers/external/user-9/state"), "get",
					"/v1/customers/external/{external_id}/state", 200);
			assertThat(state.get("active_meters")).hasSize(1);
		}
	}

	@Test
	void licenseKeysValidateActivateAndDeactivate() {
		FakePurchase purchase = fake.purchase(productId("Desktop License"), "user-6");
		String key = purchase.licenseKeys().get(0).key();
		String organization = fake.organizationId();
		conforms(http.post("/v1/license-keys/validate", """
				{"key":"%s","organization_id":"%s"}""".formatted(key, organization)), "post",
				"/v1/license-keys/validate", 200);
		JsonNode activation = conforms(http.post("/v1/license-keys/activate", """
				{"key":"%s","organization_id":"%s","label":"Ada's laptop"}""".formatted(key, organization)), "post",
				"/v1/license-keys/activate", 200);
		conforms(
				http.post("/v1/customer-portal/license-keys/validate",
						"""
								{"key":"%s","organization_id":"%s","activation_id":"%s"}""".formatted(key, organization,
								activation.get("id").asString())),
				"post", "/v1/customer-portal/license-keys/validate", 200);
		JsonNode withActivations = conforms(http.get("/v1/license-keys/" + purchase.licenseKeys().get(0).id()), "get",
				"/v1/license-keys/{id}", 200);
		assertThat(withActivations.get("key").asString()).isEqualTo(key);
		assertThat(withActivations.get("activations")).hasSize(1);
		conforms(http.get("/v1/license-keys/3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77"), "get", "/v1/license-keys/{id}",
				404);
		assertThat(http
			.post("/v1/license-keys/deactivate",
					"""
							{"key":"%s","organization_id":"%s","activation_id":"%s"}""".formatted(key, organization,
							activation.get("id").asString()))
			.status()).isEqualTo(204);
	}

	@Test
	void errors() {
		conforms(http.get("/v1/products/3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77"), "get", "/v1/products/{id}", 404);
		conforms(http.post("/v1/checkouts/", "{\"products\":[\"3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77\"]}"), "post",
				"/v1/checkouts/", 422);
		conforms(http.getWithoutToken("/v1/license-keys/"), "get", "/v1/license-keys/", 401);
		FakePurchase purchase = fake.purchase(productId("Desktop License"), "user-7");
		conforms(http.get("/v1/license-keys/"), "get", "/v1/license-keys/", 200);
		String activate = """
				{"key":"%s","organization_id":"%s","label":"device"}""".formatted(purchase.licenseKeys().get(0).key(),
				fake.organizationId());
		for (int i = 0; i < 3; i++) {
			conforms(http.post("/v1/license-keys/activate", activate), "post", "/v1/license-keys/activate", 200);
		}
		conforms(http.post("/v1/license-keys/activate", activate), "post", "/v1/license-keys/activate", 403);
	}

	@Test
	void webhooksOfEveryFlow() {
		FakePurchase subscription = fake.purchase(productId("Pro Plan"), "user-8");
		fake.purchase(productId("Desktop License"), "user-8");
		fake.cancelSubscription(subscription.subscription().id(), false);
		fake.cancelSubscription(subscription.subscription().id(), true);
		List<FakeWebhookDelivery> webhooks = fake.webhooks();
		assertThat(webhooks).extracting(FakeWebhookDelivery::type)
			.contains("customer.created", "checkout.updated", "order.created", "order.paid", "subscription.created",
					"subscription.active", "subscription.updated", "subscription.canceled", "subscription.revoked",
					"benefit_grant.created", "benefit_grant.revoked", "customer.state_changed");
		for (FakeWebhookDelivery webhook : webhooks) {
			JsonNode payload = PolarJson.mapper().readTree(webhook.payload());
			assertThat(schemas.violations(payload, schemas.webhook(webhook.type()))).as(webhook.type()).isEmpty();
		}
	}

}
