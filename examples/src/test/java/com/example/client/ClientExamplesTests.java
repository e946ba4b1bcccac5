package com.example.client;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.PolarServer;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.Customer;
import dev.polarspring.client.model.EventsIngestResponse;
import dev.polarspring.client.model.Meter;
import dev.polarspring.client.model.Product;
import dev.polarspring.test.FakeMeter;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's client examples, each against a fake Polar.
 */
class ClientExamplesTests {

	static final FakePolar fake = FakePolar.builder().meters(FakeMeter.sum("Tokens", "api_call", "tokens")).start();

	final PolarClient polar = PolarClient.builder()
		.baseUrl(fake.baseUrl())
		.accessToken(FakePolar.ACCESS_TOKEN)
		.retrySettings(RetrySettings.disabled())
		.build();

	@AfterEach
	void reset() {
		fake.reset();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void theSandboxClientTalksToTheSandbox() {
		assertThat(SandboxClient.create("polar_oat_example").settings().baseUrl())
			.isEqualTo(PolarServer.SANDBOX.baseUrl());
	}

	@Test
	void callsReadAndUpdateInThreeStates() {
		CustomerAccounts accounts = new CustomerAccounts(this.polar);
		String productId = fake.product("Pro Plan").id();
		assertThat(accounts.product(productId).name()).isEqualTo("Pro Plan");
		assertThat(accounts.customer("user-42")).isEmpty();

		Customer customer = fake.purchase(productId, "user-42").customer();
		assertThat(accounts.customer("user-42")).map(Customer::id).contains(customer.id());

		// The fake keeps customers as they are; answer the update with the customer.
		fake.respond("PATCH /v1/customers/{id}", 200, PolarJson.mapper().writeValueAsString(customer));
		accounts.rename(customer.id(), "Ada Lovelace");
		fake.wireMock()
			.verify(patchRequestedFor(urlPathEqualTo("/v1/customers/" + customer.id()))
				.withRequestBody(equalToJson("{\"name\": \"Ada Lovelace\", \"billing_address\": null}")));
	}

	@Test
	void paginationKeepsTheRecurringProducts() {
		ProductSync sync = new ProductSync(this.polar);
		sync.syncPlans();
		assertThat(sync.plans().values()).extracting(Product::name).containsExactly("Pro Plan");
	}

	@Test
	void thePortalIsOpenedWithACustomerSession() {
		BillingPortal portal = new BillingPortal(this.polar);
		fake.purchase(fake.product("Starter Kit").id(), "user-42");
		assertThat(portal.portalUrl("user-42")).startsWith(fake.baseUrl());

		// The fake has no customer-portal orders: an empty page of them, to see the token
		// the portal client sends.
		fake.respond("GET /v1/customer-portal/orders/", 200,
				"{\"items\": [], \"pagination\": " + "{\"total_count\": 0, \"max_page\": 1}}");
		assertThat(portal.orders("user-42").items()).isEmpty();
		List<String> tokens = fake.wireMock()
			.findAll(getRequestedFor(urlPathEqualTo("/v1/customer-portal/orders/")))
			.stream()
			.map((request) -> request.getHeader("Authorization"))
			.toList();
		assertThat(tokens).singleElement().asString().startsWith("Bearer polar_cst_");
		fake.wireMock()
			.verify(getRequestedFor(urlPathEqualTo("/v1/customer-portal/orders/")).withHeader("Authorization",
					WireMock.notContaining(FakePolar.ACCESS_TOKEN)));
	}

	@Test
	void theCustomerStateShowsSubscriptionsBenefitsAndMeters() {
		CustomerStates states = new CustomerStates(this.polar);
		assertThat(states.subscribedProductIds("user-42")).isEmpty();

		FakePurchase purchase = fake.purchase(fake.product("Pro Plan").id(), "user-42");
		assertThat(states.subscribedProductIds("user-42")).containsExactly(purchase.order().productId());
		String benefitId = fake.benefitGrants().get(0).benefitId();
		assertThat(states.hasBenefit("user-42", benefitId)).isTrue();

		ApiCallMeter meter = new ApiCallMeter(this.polar);
		meter.apiCall("user-42", "981", 1200);
		meter.apiCall("user-42", "982", 300);
		Meter tokens = fake.meters().get(0);
		assertThat(states.consumedUnits("user-42", tokens.id())).isEqualTo(1500.0);
	}

	@Test
	void anIngestSentTwiceCountsOnce() {
		fake.purchase(fake.product("Starter Kit").id(), "user-42");
		ApiCallMeter meter = new ApiCallMeter(this.polar);
		EventsIngestResponse first = meter.apiCall("user-42", "981", 1200);
		EventsIngestResponse again = meter.apiCall("user-42", "981", 1200);
		assertThat(first.inserted()).isOne();
		assertThat(again.inserted()).isZero();
		assertThat(again.duplicates()).isOne();
		assertThat(fake.ingestedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.path("metadata").path("tokens").asInt()).isEqualTo(1200));
		fake.wireMock()
			.verify(2,
					WireMock.postRequestedFor(urlPathEqualTo("/v1/events/ingest"))
						.withRequestBody(equalToJson("{\"events\": [{\"external_id\": \"call-981\"}]}", true, true))
						.withHeader("Authorization", equalTo("Bearer " + FakePolar.ACCESS_TOKEN)));
	}

}
