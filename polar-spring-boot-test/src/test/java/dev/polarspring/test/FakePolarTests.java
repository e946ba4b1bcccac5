package dev.polarspring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.model.RecurringInterval;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.WebhookDelivery;
import dev.polarspring.client.webhook.WebhookVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fake Polar's own behaviour: its pages, its webhooks, its seed data, and the ways a
 * test changes its answers.
 */
class FakePolarTests {

	private final FakePolar fake = FakePolar.start();

	private final FakeHttp http = new FakeHttp(this.fake);

	private WireMockServer application;

	@BeforeEach
	void startApplication() {
		this.application = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.application.start();
		this.application.stubFor(WireMock.post("/polar/webhooks").willReturn(WireMock.aResponse().withStatus(202)));
	}

	@AfterEach
	void stop() {
		this.fake.close();
		this.application.stop();
	}

	private PolarWebhookTestClient applicationEndpoint() {
		return PolarWebhookTestClient.to(URI.create(this.application.baseUrl() + "/polar/webhooks"),
				"whsec_application");
	}

	private JsonNode createCheckout(String productName, String successUrl) {
		FakeHttp.Answer answer = this.http.post("/v1/checkouts/", """
				{"products":["%s"],"external_customer_id":"user-1","success_url":"%s"}
				""".formatted(this.fake.product(productName).id(), successUrl));
		assertThat(answer.status()).isEqualTo(201);
		return answer.json();
	}

	@Test
	void checkoutPageShowsTheProductAndPayRedirectsToTheSuccessUrl() {
		JsonNode checkout = createCheckout("Pro Plan", "https://shop.example.com/success?checkout_id={CHECKOUT_ID}");
		String path = checkout.get("url").asString().substring(this.fake.baseUrl().length());
		FakeHttp.Answer page = this.http.getWithoutToken(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 id=\"product\">Pro Plan</h1>", "$9.00 / month", "id=\"pay\"",
				"Pay $9.00");

		FakeHttp.Answer paid = this.http.postForm(path + "/confirm", "customer_email=ada%40example.com");
		assertThat(paid.status()).isEqualTo(303);
		assertThat(paid.header("Location"))
			.isEqualTo("https://shop.example.com/success?checkout_id=" + checkout.get("id").asString());
		assertThat(this.fake.customers()).singleElement()
			.satisfies((customer) -> assertThat(customer.toString()).contains("email=ada@example.com"));
		assertThat(this.fake.checkout(checkout.get("id").asString()).status().value()).isEqualTo("succeeded");

		FakeHttp.Answer again = this.http.postForm(path + "/confirm", "customer_email=ada%40example.com");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("This checkout is paid.");
		assertThat(this.fake.orders()).hasSize(1);
	}

	@Test
	void checkoutWithoutSuccessUrlEndsOnTheFakesConfirmationPage() {
		FakeHttp.Answer created = this.http.post("/v1/checkouts/",
				"{\"products\":[\"" + this.fake.product("Starter Kit").id() + "\"]}");
		String path = created.json().get("url").asString().substring(this.fake.baseUrl().length());
		FakeHttp.Answer paid = this.http.postForm(path + "/confirm", "customer_email=grace%40example.com");
		assertThat(paid.header("Location")).isEqualTo(this.fake.baseUrl() + path + "/confirmation");
		assertThat(this.http.getWithoutToken(path + "/confirmation").body()).contains("Checkout succeeded");
		assertThat(this.http.getWithoutToken("/checkout/polar_c_unknown").status()).isEqualTo(404);
	}

	@Test
	void checkoutLinksOpenANewCheckout() {
		FakeHttp.Answer link = this.http.post("/v1/checkout-links/",
				"{\"payment_processor\":\"stripe\",\"product_id\":\"" + this.fake.product("Starter Kit").id() + "\"}");
		String path = link.json().get("url").asString().substring(this.fake.baseUrl().length());
		FakeHttp.Answer redirect = this.http.getWithoutToken(path);
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).startsWith(this.fake.baseUrl() + "/checkout/polar_c_");
	}

	@Test
	void paymentSendsSignedWebhooksInPolarsOrder() {
		this.fake.deliverWebhooksTo(applicationEndpoint());
		FakePurchase purchase = this.fake.purchase(this.fake.product("Pro Plan").id(), "user-1");
		assertThat(purchase.webhooks()).extracting(FakeWebhookDelivery::type)
			.containsExactly("customer.created", "checkout.updated", "order.created", "subscription.created",
					"subscription.active", "order.paid", "benefit_grant.created", "customer.state_changed");
		assertThat(purchase.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(202);

		WebhookVerifier verifier = WebhookVerifier.builder().secret("whsec_application").build();
		List<LoggedRequest> requests = this.application
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/polar/webhooks")));
		assertThat(requests).hasSize(8);
		for (int i = 0; i < requests.size(); i++) {
			LoggedRequest request = requests.get(i);
			WebhookDelivery delivery = verifier.verify(request.getBody(),
					Map.of("webhook-id", request.getHeader("webhook-id"), "webhook-timestamp",
							request.getHeader("webhook-timestamp"), "webhook-signature",
							request.getHeader("webhook-signature")));
			assertThat(delivery.id()).isEqualTo(purchase.webhooks().get(i).webhookId());
		}
		OrderPaidEvent orderPaid = purchase.event(OrderPaidEvent.class);
		assertThat(orderPaid.data().paid()).isTrue();
		assertThat(orderPaid.data().customer().externalId()).isEqualTo("user-1");
	}

	@Test
	void webhooksAreRecordedWithoutATargetAndCanBeRedelivered() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "user-1");
		assertThat(this.fake.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(0);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.fake.redeliver(purchase.webhooks().get(0).webhookId()));

		this.fake.deliverWebhooksTo(applicationEndpoint());
		FakeWebhookDelivery orderPaid = purchase.webhooks()
			.stream()
			.filter((webhook) -> webhook.type().equals("order.paid"))
			.findFirst()
			.orElseThrow();
		assertThat(this.fake.redeliver(orderPaid.webhookId())).isEqualTo(202);
		LoggedRequest redelivered = this.application
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/polar/webhooks")))
			.get(0);
		assertThat(redelivered.getHeader("webhook-id")).isEqualTo(orderPaid.webhookId());
		assertThat(redelivered.getBodyAsString()).isEqualTo(orderPaid.payload());
		assertThat(this.fake.webhooks()).filteredOn((webhook) -> webhook.webhookId().equals(orderPaid.webhookId()))
			.extracting(FakeWebhookDelivery::status)
			.containsExactly(202);
	}

	@Test
	void failedDeliveriesDoNotFailThePayment() {
		this.application.stubFor(WireMock.post("/polar/webhooks").willReturn(WireMock.aResponse().withStatus(500)));
		this.fake.deliverWebhooksTo(applicationEndpoint());
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "user-1");
		assertThat(purchase.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(500);
		this.application.stop();
		FakePurchase offline = this.fake.purchase(this.fake.product("Starter Kit").id(), "user-2");
		assertThat(offline.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(0);
	}

	@Test
	void cancellingASubscriptionAtOnceRevokesItsBenefits() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Pro Plan").id(), "user-1");
		List<FakeWebhookDelivery> atPeriodEnd = this.fake.cancelSubscription(purchase.subscription().id(), false);
		assertThat(atPeriodEnd).extracting(FakeWebhookDelivery::type)
			.containsExactly("subscription.updated", "subscription.canceled");
		assertThat(this.fake.subscriptions().get(0).cancelAtPeriodEnd()).isTrue();
		List<FakeWebhookDelivery> now = this.fake.cancelSubscription(purchase.subscription().id(), true);
		assertThat(now).extracting(FakeWebhookDelivery::type)
			.containsExactly("subscription.updated", "subscription.canceled", "subscription.revoked",
					"benefit_grant.revoked", "customer.state_changed");
		PolarWebhookEvent state = now.get(4).event();
		assertThat(state.data().toString()).contains("activeSubscriptions=[]", "grantedBenefits=[]");
	}

	@Test
	void customerPortalPageNeedsALiveSession() {
		this.fake.purchase(this.fake.product("Starter Kit").id(), "user-1");
		JsonNode session = this.http
			.post("/v1/customer-sessions/",
					"{\"external_customer_id\":\"user-1\",\"return_url\":\"https://shop.example.com/account\"}")
			.json();
		String portal = session.get("customer_portal_url").asString().substring(this.fake.baseUrl().length());
		FakeHttp.Answer page = this.http.getWithoutToken(portal);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("user-1@example.com", "<ul id=\"subscriptions\"><li>None</li></ul>",
				"Starter Kit, $19.00, paid", "<a id=\"return\" href=\"https://shop.example.com/account\">Back</a>");
		assertThat(this.http.getWithoutToken("/portal?customer_session_token=polar_cst_nope").status()).isEqualTo(401);
	}

	@Test
	void customerPortalListsTheCustomersLicenseKeysInFull() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Desktop License").id(), "user-1");
		this.fake.purchase(this.fake.product("Desktop License").id(), "user-2");
		String token = this.http.post("/v1/customer-sessions/", "{\"external_customer_id\":\"user-1\"}")
			.json()
			.get("token")
			.asString();
		String page = this.http.getWithoutToken("/portal?customer_session_token=" + token).body();
		String key = purchase.licenseKeys().get(0).key();
		assertThat(page).contains("<h2>License keys</h2>",
				"<li><code class=\"license-key\">" + key + "</code>, granted, 0 of 3 activations</li>");
		assertThat(page.split("class=\"license-key\"", -1)).as("user-2's key is not listed").hasSize(2);
	}

	@Test
	void pagesNeedNoFaviconFromTheFake() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "user-1");
		String checkoutPage = this.http.getWithoutToken(URI.create(purchase.checkout().url()).getPath()).body();
		assertThat(checkoutPage).contains("<link rel=\"icon\" href=\"data:,\">");
	}

	@Test
	void customerPortalCancelsASubscriptionAtThePeriodsEnd() {
		this.fake.deliverWebhooksTo(applicationEndpoint());
		FakePurchase purchase = this.fake.purchase(this.fake.product("Pro Plan").id(), "user-1");
		String subscriptionId = purchase.subscription().id();
		String token = this.http.post("/v1/customer-sessions/", "{\"external_customer_id\":\"user-1\"}")
			.json()
			.get("token")
			.asString();
		String portal = "/portal?customer_session_token=" + token;
		assertThat(this.http.getWithoutToken(portal).body()).contains("id=\"cancel-" + subscriptionId + "\"");

		FakeHttp.Answer canceled = this.http.postForm("/portal/subscriptions/" + subscriptionId + "/cancel",
				"customer_session_token=" + token);
		assertThat(canceled.status()).isEqualTo(303);
		assertThat(canceled.header("Location")).isEqualTo(portal);
		assertThat(this.fake.subscriptions().get(0).cancelAtPeriodEnd()).isTrue();
		assertThat(this.fake.webhooks()).extracting(FakeWebhookDelivery::type)
			.endsWith("subscription.updated", "subscription.canceled");
		assertThat(this.http.getWithoutToken(portal).body()).contains("canceled, ends").doesNotContain("id=\"cancel-");

		FakePurchase other = this.fake.purchase(this.fake.product("Pro Plan").id(), "user-2");
		assertThat(this.http
			.postForm("/portal/subscriptions/" + other.subscription().id() + "/cancel",
					"customer_session_token=" + token)
			.status()).isEqualTo(404);
		assertThat(this.http
			.postForm("/portal/subscriptions/" + subscriptionId + "/cancel", "customer_session_token=polar_cst_nope")
			.status()).isEqualTo(401);
		assertThat(this.fake.subscriptions().get(1).cancelAtPeriodEnd()).isFalse();
	}

	@Test
	void callsWithoutABearerTokenAreUnauthorized() {
		FakeHttp.Answer answer = this.http.getWithoutToken("/v1/products/");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(this.http.getWithoutToken("/v1/nothing-here").status()).isEqualTo(404);
		assertThat(this.http.post("/v1/products/abc", "{}").status()).isEqualTo(405);
	}

	@Test
	void listsCheckTheirPaginationParameters() {
		assertThat(this.http.get("/v1/products/?limit=0").json().get("detail").get(0).get("type").asString())
			.isEqualTo("greater_than");
		assertThat(this.http.get("/v1/products/?limit=101").status()).isEqualTo(422);
		assertThat(this.http.get("/v1/products/?page=x").status()).isEqualTo(422);
		JsonNode second = this.http.get("/v1/products/?limit=2&page=2").json();
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("pagination").get("max_page").asInt()).isEqualTo(2);
		assertThat(this.http.get("/v1/products/?query=plan").json().get("items")).hasSize(1);
	}

	@Test
	void malformedBodiesAreValidationErrors() {
		FakeHttp.Answer notJson = this.http.post("/v1/checkouts/", "{");
		assertThat(notJson.status()).isEqualTo(422);
		assertThat(notJson.json().get("detail").get(0).get("type").asString()).isEqualTo("json_invalid");
		FakeHttp.Answer noProducts = this.http.post("/v1/checkouts/", "{\"products\":[]}");
		assertThat(noProducts.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"products\"]");
	}

	@Test
	void customStubsAnswerBeforeTheFake() {
		this.fake.wireMock()
			.stubFor(WireMock.get(WireMock.urlPathEqualTo("/v1/products/"))
				.willReturn(WireMock.okJson("{\"items\":[],\"pagination\":{\"total_count\":0,\"max_page\":0}}")));
		assertThat(this.http.get("/v1/products/").json().get("items")).isEmpty();
		this.fake.respond("GET /v1/orders/{id}", 200, "{\"custom\":true}");
		assertThat(this.http.get("/v1/orders/anything").body()).isEqualTo("{\"custom\":true}");
		assertThat(this.http.get("/v1/orders/anything/else").status()).isEqualTo(404);
	}

	@Test
	void failuresOnDemandHavePolarsShape() {
		this.fake.fail("GET /v1/products/", FakeError.rateLimited(Duration.ofSeconds(3)));
		FakeHttp.Answer limited = this.http.get("/v1/products");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isEqualTo("3");
		this.fake.failNext(2, "POST /v1/checkouts/",
				FakeError.validation("Field required", "missing", "body", "products"));
		String body = "{\"products\":[\"" + this.fake.product("Starter Kit").id() + "\"]}";
		assertThat(this.http.post("/v1/checkouts/", body).body()).isEqualTo(
				"{\"detail\":[{\"loc\":[\"body\",\"products\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
		assertThat(this.http.post("/v1/checkouts/", body).status()).isEqualTo(422);
		assertThat(this.http.post("/v1/checkouts/", body).status()).isEqualTo(201);
		this.fake.failNext("GET /v1/orders/{id}", FakeError.serverError(502));
		assertThat(this.http.get("/v1/orders/x").status()).isEqualTo(502);
		assertThat(this.http.get("/v1/orders/x").status()).isEqualTo(404);
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.fail("/v1/orders/", FakeError.notFound()))
			.withMessageContaining("GET /v1/products/{id}");
	}

	@Test
	void resetForgetsStateAndStubsButKeepsTheCatalog() {
		String productId = this.fake.product("Starter Kit").id();
		this.fake.purchase(productId, "user-1");
		this.fake.fail("GET /v1/products/", FakeError.serverError(500));
		this.fake.reset();
		assertThat(this.fake.orders()).isEmpty();
		assertThat(this.fake.webhooks()).isEmpty();
		assertThat(this.http.get("/v1/products/").status()).isEqualTo(200);
		assertThat(this.fake.product("Starter Kit").id()).isEqualTo(productId);
	}

	@Test
	void seedCatalogClockAndIdsAreConfigurable() {
		Clock clock = Clock.fixed(Instant.parse("2026-10-01T09:30:00Z"), ZoneOffset.UTC);
		try (FakePolar custom = FakePolar.builder()
			.products(FakeProduct.recurring("Team", 4900, "eur", RecurringInterval.YEAR)
				.withDescription("For five people")
				.withBenefit(FakeBenefit.custom("Team workspace")))
			.organizationId("0b6e1e2a-7d1b-4a1e-9c55-3f2d8a7c6b10")
			.clock(clock)
			.start();
				FakePolar same = FakePolar.builder()
					.products(FakeProduct.recurring("Team", 4900, "eur", RecurringInterval.YEAR))
					.start()) {
			assertThat(custom.products()).singleElement().satisfies((product) -> {
				assertThat(product.name()).isEqualTo("Team");
				assertThat(product.organizationId()).isEqualTo("0b6e1e2a-7d1b-4a1e-9c55-3f2d8a7c6b10");
				assertThat(product.createdAt().toInstant()).isEqualTo(clock.instant());
			});
			assertThat(same.product("Team").id()).isEqualTo(custom.product("Team").id());
			FakePurchase purchase = custom.purchase(custom.product("Team").id(), "user-1");
			assertThat(purchase.subscription().currentPeriodEnd().toInstant())
				.isEqualTo(Instant.parse("2027-10-01T09:30:00Z"));
			assertThat(new String(PolarWebhookTestClient.payload(purchase.event(OrderPaidEvent.class)),
					StandardCharsets.UTF_8))
				.contains("\"total_amount\":4900", "\"currency\":\"eur\"");
			assertThatIllegalArgumentException().isThrownBy(() -> custom.product("Starter Kit"))
				.withMessage("The fake Polar has no product named 'Starter Kit'; it has [Team]");
		}
	}

}
