package com.example.billing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.test.FakeError;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.context.AutoConfigureFakePolar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's billing examples against the fake Polar, signed in with HTTP basic: the
 * checkout and portal endpoints, the access rules and {@code @PreAuthorize} on
 * entitlements, the application's own checkout, and the webhooks that refresh
 * entitlements after a payment. Each test has a customer of its own: the fake forgets its
 * customers after each test, the application's cache of entitlements does not.
 */
@SpringBootTest(properties = "polar.webhook.secret=whsec_test")
@ActiveProfiles("billing")
@AutoConfigureMockMvc
@AutoConfigureFakePolar
class BillingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakePolar polar;

	@Autowired
	PolarAliases aliases;

	@Test
	void theAliasesNameTheFakesCatalog() {
		assertThat(this.aliases.productId("pro")).as("polar.products.pro of application-billing.yml")
			.isEqualTo(this.polar.product("Pro Plan").id());
		assertThat(this.aliases.productId("starter")).as("polar.products.starter of application-billing.yml")
			.isEqualTo(this.polar.product("Starter Kit").id());
		assertThat(this.aliases.benefitId("pro")).as("polar.benefits.pro of application-billing.yml")
			.isEqualTo(this.polar.product("Pro Plan").benefits().get(0).id());
	}

	@Test
	void aPaymentThroughTheCheckoutEndpointOpensTheProArea() throws Exception {
		this.mvc.perform(as("user-42", get("/pro/area"))).andExpect(status().isForbidden());
		this.mvc.perform(as("user-42", get("/account"))).andExpect(content().string("Nothing yet: see our plans."));

		MvcResult checkout = this.mvc.perform(as("user-42", get("/polar/checkout").param("products", "pro")))
			.andExpect(status().isSeeOther())
			.andReturn();
		Checkout created = this.polar.checkouts().get(0);
		assertThat(checkout.getResponse().getHeader("Location")).isEqualTo(created.url());
		assertThat(created.externalCustomerId()).isEqualTo("user-42");
		assertThat(created.successUrl()).isEqualTo("http://localhost/thanks?checkout_id={CHECKOUT_ID}");

		// Paying sends the webhooks (through MockMvc), which evict user-42's cached
		// state.
		this.polar.pay(created.id());
		this.mvc.perform(as("user-42", get("/pro/area"))).andExpect(status().isOk());
		this.mvc.perform(as("user-42", get("/members/lounge"))).andExpect(status().isOk());
		this.mvc.perform(as("user-42", get("/downloads/starter/kit.zip"))).andExpect(status().isForbidden());
		this.mvc.perform(as("user-42", get("/account"))).andExpect(content().string("You have Pro, the pro area."));
		this.mvc.perform(as("user-42", get("/reports"))).andExpect(status().isOk());
		this.mvc.perform(as("user-7", get("/reports"))).andExpect(status().isForbidden());
	}

	@Test
	void thePortalOpensForCustomersOnly() throws Exception {
		this.polar.purchase(this.polar.product("Starter Kit").id(), "user-8");
		this.mvc.perform(as("user-8", get("/polar/portal")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", startsWith(this.polar.baseUrl())));
		this.mvc.perform(as("user-7", get("/polar/portal"))).andExpect(status().isNotFound());
		this.mvc.perform(as("user-8", get("/downloads/starter/kit.zip"))).andExpect(status().isOk());
	}

	@Test
	void theEndpointsRefuseOtherSitesStrangersAndUnknownProducts() throws Exception {
		this.mvc.perform(get("/polar/checkout").param("products", "pro")).andExpect(status().isUnauthorized());
		this.mvc.perform(
				as("user-42", get("/polar/checkout").param("products", "pro")).header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("user-42", get("/polar/checkout").param("products", "platinum")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("There is no product 'platinum'.\n"));
		assertThat(this.polar.checkouts()).isEmpty();
	}

	@Test
	void whenPolarIsDownTheEndpointSaysSo() throws Exception {
		this.polar.fail("POST /v1/checkouts/", FakeError.serverError(503));
		this.mvc.perform(as("user-42", get("/polar/checkout").param("products", "pro")))
			.andExpect(status().isServiceUnavailable());
	}

	@Test
	void theTeamCheckoutCarriesSeatsAndMetadata() throws Exception {
		this.mvc.perform(as("user-7", get("/team/upgrade").param("seats", "5"))).andExpect(status().isFound());
		assertThat(this.polar.checkouts()).singleElement().satisfies((checkout) -> {
			assertThat(checkout.externalCustomerId()).isEqualTo("user-7");
			assertThat(checkout.metadata()).containsEntry("plan", "team");
			assertThat(checkout.successUrl()).isEqualTo("http://localhost/team/welcome?checkout_id={CHECKOUT_ID}");
		});
	}

	private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":example-password").getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials);
	}

}
