package dev.polarspring.autoconfigure.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.polarspring.boot.billing.PolarEntitlements;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed webhooks delivered to the starter's webhook endpoint invalidate the cached
 * entitlements of the customer they are about, and only theirs; an event older than the
 * cached state, as a late retry is, leaves it in place.
 */
@SpringBootTest(classes = BillingEndpointsTests.Application.class,
		properties = { "polar.access-token=polar_oat_billing", "polar.retry.max-attempts=1",
				"polar.webhook.secret=" + PolarFixtures.WEBHOOK_SECRET,
				"polar.benefits.pro=" + PolarFixtures.PRO_BENEFIT })
@AutoConfigureMockMvc
class EntitlementEvictionWebhookTests {

	static final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		polar.start();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PolarEntitlements entitlements;

	@Autowired
	MeterRegistry meters;

	private String user;

	@DynamicPropertySource
	static void polarProperties(DynamicPropertyRegistry registry) {
		registry.add("polar.base-url", polar::baseUrl);
	}

	@AfterAll
	static void stopPolar() {
		polar.stop();
	}

	@BeforeEach
	void newCustomer() {
		this.user = "user-" + UUID.randomUUID();
		stubCustomer(this.user);
	}

	private static void stubCustomer(String externalId) {
		polar.stubFor(
				get(urlPathEqualTo(statePath(externalId))).willReturn(okJson(PolarFixtures.customerState(externalId))));
		polar.stubFor(get(urlPathEqualTo("/v1/orders/")).withQueryParam("external_customer_id", equalTo(externalId))
			.willReturn(okJson(PolarFixtures.paidOrders(externalId))));
	}

	private static String statePath(String externalId) {
		return "/v1/customers/external/" + externalId + "/state";
	}

	private int stateReads(String externalId) {
		return polar.findAll(getRequestedFor(urlPathEqualTo(statePath(externalId)))).size();
	}

	private int deliver(byte[] body) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/polar/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		Map<String, String> headers = PolarFixtures.signed(body);
		headers.forEach(request::header);
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@ParameterizedTest
	@ValueSource(strings = { "customer.state_changed", "customer.updated", "customer.deleted", "subscription.updated",
			"subscription.revoked", "order.paid", "order.refunded", "benefit_grant.created", "benefit_grant.revoked",
			"refund.created" })
	void aWebhookAboutTheCustomerMakesTheNextLookupReadPolar(String type) throws Exception {
		assertThat(this.entitlements.of(this.user).hasBenefit("pro")).isTrue();
		this.entitlements.of(this.user);
		assertThat(stateReads(this.user)).isEqualTo(1);
		assertThat(deliver(PolarFixtures.webhook(type, Instant.now(), this.user))).isEqualTo(202);
		this.entitlements.of(this.user);
		assertThat(stateReads(this.user)).isEqualTo(2);
		this.entitlements.of(this.user);
		assertThat(stateReads(this.user)).isEqualTo(2);
	}

	@Test
	void anEventOfATypeThisVersionDoesNotKnowStillInvalidates() throws Exception {
		this.entitlements.of(this.user);
		assertThat(deliver(PolarFixtures.unknownWebhook("subscription.migrated", Instant.now(), this.user)))
			.isEqualTo(202);
		this.entitlements.of(this.user);
		assertThat(stateReads(this.user)).isEqualTo(2);
	}

	@Test
	void aLateOlderEventLeavesTheNewerCachedStateInPlace() throws Exception {
		this.entitlements.of(this.user);
		// Polar's retry of an event from before the state was read: the state shows it.
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
		assertThat(deliver(PolarFixtures.webhook("subscription.active", tenMinutesAgo, this.user))).isEqualTo(202);
		this.entitlements.of(this.user);
		assertThat(stateReads(this.user)).isEqualTo(1);
		assertThat(this.meters
			.counter("polar.entitlements.invalidations", "type", "subscription.active", "outcome", "ignored_older")
			.count()).isPositive();
	}

	@Test
	void aWebhookAboutAnotherCustomerLeavesThisOneCached() throws Exception {
		String other = "user-" + UUID.randomUUID();
		stubCustomer(other);
		this.entitlements.of(this.user);
		this.entitlements.of(other);
		assertThat(deliver(PolarFixtures.webhook("subscription.updated", Instant.now(), other))).isEqualTo(202);
		this.entitlements.of(this.user);
		this.entitlements.of(other);
		assertThat(stateReads(this.user)).isEqualTo(1);
		assertThat(stateReads(other)).isEqualTo(2);
	}

	@Test
	void checkoutAndProductEventsChangeNoEntitlement() throws Exception {
		this.entitlements.of(this.user);
		assertThat(deliver(PolarFixtures.webhook("checkout.updated", Instant.now(), this.user))).isEqualTo(202);
		assertThat(deliver(PolarFixtures.webhook("product.updated", Instant.now(), this.user))).isEqualTo(202);
		this.entitlements.of(this.user);
		assertThat(stateReads(this.user)).isEqualTo(1);
	}

	@Test
	void lookupsAreCountedByResult() {
		double misses = this.meters.counter("polar.entitlements.lookups", "result", "miss").count();
		double hits = this.meters.counter("polar.entitlements.lookups", "result", "hit").count();
		this.entitlements.of(this.user);
		this.entitlements.of(this.user);
		assertThat(this.meters.counter("polar.entitlements.lookups", "result", "miss").count()).isEqualTo(misses + 1);
		assertThat(this.meters.counter("polar.entitlements.lookups", "result", "hit").count()).isEqualTo(hits + 1);
	}

}
