package dev.polarspring.autoconfigure.billing;

import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.polarspring.boot.billing.PolarCustomer;
import dev.polarspring.boot.billing.PolarCustomerResolver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checkout and customer portal endpoints through MockMvc, against a Polar on
 * WireMock: what they send Polar, how they answer the user (redirect, or a plain message
 * for each failure), and which requests from other sites they refuse.
 */
@SpringBootTest(classes = BillingEndpointsTests.Application.class, properties = {
		"polar.access-token=polar_oat_billing", "polar.retry.max-attempts=1", "polar.checkout.enabled=true",
		"polar.checkout.success-url=/thanks?checkout_id={CHECKOUT_ID}",
		"polar.checkout.return-url=https://shop.example.com/pricing", "polar.checkout.metadata.source=web",
		"polar.checkout.discount-id=66666666-7777-4888-8999-aaaaaaaaaaaa", "polar.checkout.allow-discount-codes=false",
		"polar.checkout.allowed-origins=https://www.example.com", "polar.portal.enabled=true",
		"polar.portal.return-url=/account", "polar.products.pro=" + PolarFixtures.PRO_PRODUCT,
		"polar.products.starter=" + PolarFixtures.STARTER_PRODUCT, "polar.benefits.pro=" + PolarFixtures.PRO_BENEFIT })
@AutoConfigureMockMvc
class BillingEndpointsTests {

	static final String CHECKOUT_URL = "https://sandbox.polar.sh/checkout/polar_c_billing";

	static final String PORTAL_URL = "https://sandbox.polar.sh/portal?customer_session_token=polar_cst_billing";

	static final String POLAR_UNAVAILABLE = "Polar, our payment provider, cannot be reached right now. "
			+ "Please try again in a moment.\n";

	static final String POLAR_REFUSED = "Polar, our payment provider, refused the request. Please try again later.\n";

	static final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		polar.start();
	}

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void polarProperties(DynamicPropertyRegistry registry) {
		registry.add("polar.base-url", polar::baseUrl);
	}

	@AfterAll
	static void stopPolar() {
		polar.stop();
	}

	@BeforeEach
	void resetPolar() {
		polar.resetAll();
		polar.stubFor(post(urlPathEqualTo("/v1/checkouts/")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(PolarFixtures.checkout(CHECKOUT_URL))));
		polar.stubFor(post(urlPathEqualTo("/v1/customer-sessions/")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(PolarFixtures.customerSession(PORTAL_URL))));
	}

	static void polarAnswers(String path, int status, String json) {
		polar.stubFor(post(urlPathEqualTo(path)).atPriority(1)
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

	static int calls(String path) {
		return polar.findAll(postRequestedFor(urlPathEqualTo(path))).size();
	}

	ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request);
	}

	static MockHttpServletRequestBuilder asUser(MockHttpServletRequestBuilder request) {
		return request.header(Application.USER_HEADER, "user-42").header("Sec-Fetch-Site", "same-origin");
	}

	@Nested
	class Checkout {

		@Test
		void createsTheCheckoutForTheSignedInUserAndRedirectsToIt() throws Exception {
			perform(asUser(get("/polar/checkout").param("products", "pro,starter").param("seats", "3")))
				.andExpect(status().isSeeOther())
				.andExpect(header().string("Location", CHECKOUT_URL))
				.andExpect(header().string("Cache-Control", "no-store"));
			polar.verify(postRequestedFor(urlPathEqualTo("/v1/checkouts/")).withRequestBody(equalToJson("""
					{"products":["%s","%s"],"external_customer_id":"user-42","customer_email":"user-42@example.com",
					 "success_url":"http://localhost/thanks?checkout_id={CHECKOUT_ID}",
					 "return_url":"https://shop.example.com/pricing","metadata":{"source":"web"},
					 "discount_id":"66666666-7777-4888-8999-aaaaaaaaaaaa","allow_discount_codes":false,"seats":3}
					""".formatted(PolarFixtures.PRO_PRODUCT, PolarFixtures.STARTER_PRODUCT))));
		}

		@Test
		void takesProductsByIdAndRepeatedParameters() throws Exception {
			String other = "77777777-8888-4999-8aaa-bbbbbbbbbbbb";
			perform(asUser(get("/polar/checkout").param("products", other).param("products", "pro")))
				.andExpect(status().isSeeOther());
			polar.verify(postRequestedFor(urlPathEqualTo("/v1/checkouts/"))
				.withRequestBody(equalToJson("{\"products\":[\"" + other + "\",\"" + PolarFixtures.PRO_PRODUCT + "\"]}",
						false, true))
				.withRequestBody(notContaining("\"seats\"")));
		}

		@Test
		void anUnknownAliasIsABadRequestWithAPlainMessage() throws Exception {
			perform(asUser(get("/polar/checkout").param("products", "platinum"))).andExpect(status().isBadRequest())
				.andExpect(content().contentType("text/plain;charset=UTF-8"))
				.andExpect(content().string("There is no product 'platinum'.\n"));
			assertThat(calls("/v1/checkouts/")).isZero();
		}

		@Test
		void noProductOrBadSeatsAreBadRequests() throws Exception {
			perform(asUser(get("/polar/checkout"))).andExpect(status().isBadRequest())
				.andExpect(content().string("Name the product to buy: ?products=<product>.\n"));
			perform(asUser(get("/polar/checkout").param("products", "pro").param("seats", "0")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string("seats must be a whole number from 1 to 10000.\n"));
			perform(asUser(get("/polar/checkout").param("products", "pro").param("seats", "many")))
				.andExpect(status().isBadRequest());
			assertThat(calls("/v1/checkouts/")).isZero();
		}

		@Test
		void nobodySignedInIsUnauthorized() throws Exception {
			perform(get("/polar/checkout").param("products", "pro")).andExpect(status().isUnauthorized())
				.andExpect(content().string("Please sign in first: the checkout is made out to your account.\n"));
			assertThat(calls("/v1/checkouts/")).isZero();
		}

		@Test
		void polarDownIsServiceUnavailable() throws Exception {
			polarAnswers("/v1/checkouts/", 503, "{\"detail\":\"Service Unavailable\"}");
			perform(asUser(get("/polar/checkout").param("products", "pro"))).andExpect(status().isServiceUnavailable())
				.andExpect(content().string(POLAR_UNAVAILABLE));
		}

		@Test
		void polarRateLimitingIsServiceUnavailableWithItsRetryAfter() throws Exception {
			polar.stubFor(post(urlPathEqualTo("/v1/checkouts/")).atPriority(1)
				.willReturn(aResponse().withStatus(429)
					.withHeader("Retry-After", "30")
					.withHeader("Content-Type", "application/json")
					.withBody("{\"detail\":\"Too many requests\"}")));
			perform(asUser(get("/polar/checkout").param("products", "pro"))).andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"));
		}

		@Test
		void aCheckoutPolarFindsInvalidIsABadRequestWithPolarsReasons() throws Exception {
			polarAnswers("/v1/checkouts/", 422, """
					{"detail":[{"loc":["body","products",0],"msg":"Product does not exist.","type":"value_error"}]}""");
			perform(asUser(get("/polar/checkout").param("products", "pro"))).andExpect(status().isBadRequest())
				.andExpect(content().string("Polar, our payment provider, refused this checkout: "
						+ "Product does not exist. (body.products.0).\n"));
		}

		@Test
		void polarRefusingTheTokenIsABadGatewayThatSaysNothingOfIt() throws Exception {
			polarAnswers("/v1/checkouts/", 401, "{\"error\":\"invalid_token\",\"detail\":\"polar_oat_billing\"}");
			perform(asUser(get("/polar/checkout").param("products", "pro"))).andExpect(status().isBadGateway())
				.andExpect(content().string(POLAR_REFUSED));
		}

		@Test
		void requestsFromOtherSitesAreRefused() throws Exception {
			perform(get("/polar/checkout").param("products", "pro")
				.header(Application.USER_HEADER, "user-42")
				.header("Sec-Fetch-Site", "cross-site")
				.header("Referer", "https://evil.example/")).andExpect(status().isForbidden())
				.andExpect(content()
					.string("This billing link only works from this site's own pages. Please open it from there.\n"));
			perform(get("/polar/checkout").param("products", "pro")
				.header(Application.USER_HEADER, "user-42")
				.header("Referer", "https://evil.example/pricing")).andExpect(status().isForbidden());
			perform(get("/polar/checkout").param("products", "pro")
				.header(Application.USER_HEADER, "user-42")
				.header("Origin", "null")).andExpect(status().isForbidden());
			perform(asUser(get("/polar/checkout").param("products", "pro")).header("Sec-Purpose", "prefetch"))
				.andExpect(status().isForbidden());
			assertThat(calls("/v1/checkouts/")).isZero();
		}

		@Test
		void requestsFromThisSiteAnAllowedOriginOrNoBrowserAreServed() throws Exception {
			MockHttpServletRequestBuilder typed = get("/polar/checkout").param("products", "pro")
				.header(Application.USER_HEADER, "user-42")
				.header("Sec-Fetch-Site", "none");
			perform(typed).andExpect(status().isSeeOther());
			perform(get("/polar/checkout").param("products", "pro")
				.header(Application.USER_HEADER, "user-42")
				.header("Sec-Fetch-Site", "cross-site")
				.header("Referer", "https://www.example.com/pricing")).andExpect(status().isSeeOther());
			perform(get("/polar/checkout").param("products", "pro")
				.header(Application.USER_HEADER, "user-42")
				.header("Referer", "http://localhost/pricing")).andExpect(status().isSeeOther());
			perform(get("/polar/checkout").param("products", "pro").header(Application.USER_HEADER, "user-42"))
				.andExpect(status().isSeeOther());
			assertThat(calls("/v1/checkouts/")).isEqualTo(4);
		}

		@Test
		void onlyGetIsAnswered() throws Exception {
			perform(asUser(MockMvcRequestBuilders.post("/polar/checkout").param("products", "pro")))
				.andExpect(status().isMethodNotAllowed())
				.andExpect(header().string("Allow", "GET"));
			assertThat(calls("/v1/checkouts/")).isZero();
		}

	}

	@Nested
	class Portal {

		@Test
		void opensThePortalOfTheSignedInUser() throws Exception {
			perform(asUser(get("/polar/portal"))).andExpect(status().isSeeOther())
				.andExpect(header().string("Location", PORTAL_URL))
				.andExpect(header().string("Cache-Control", "no-store"));
			polar.verify(postRequestedFor(urlPathEqualTo("/v1/customer-sessions/")).withRequestBody(
					equalToJson("{\"external_customer_id\":\"user-42\",\"return_url\":\"http://localhost/account\"}")));
		}

		@Test
		void aUserPolarDoesNotKnowYetGetsAPlainNotFound() throws Exception {
			// What Polar answers for an external id it has no customer for.
			polarAnswers("/v1/customer-sessions/", 422, """
					{"detail":[{"loc":["body","external_customer_id"],"msg":"Customer does not exist.",
					"type":"value_error","input":"user-42"}]}""");
			perform(asUser(get("/polar/portal"))).andExpect(status().isNotFound())
				.andExpect(
						content().string("You have no billing account yet: it is created with your first purchase.\n"));
		}

		@Test
		void nobodySignedInIsUnauthorized() throws Exception {
			perform(get("/polar/portal")).andExpect(status().isUnauthorized());
			assertThat(calls("/v1/customer-sessions/")).isZero();
		}

		@Test
		void polarDownIsServiceUnavailable() throws Exception {
			polarAnswers("/v1/customer-sessions/", 502, "{\"detail\":\"Bad Gateway\"}");
			perform(asUser(get("/polar/portal"))).andExpect(status().isServiceUnavailable())
				.andExpect(content().string(POLAR_UNAVAILABLE));
		}

		@Test
		void anotherValidationErrorOfPolarIsABadGateway() throws Exception {
			polarAnswers("/v1/customer-sessions/", 422, """
					{"detail":[{"loc":["body","return_url"],"msg":"URL too long","type":"value_error"}]}""");
			perform(asUser(get("/polar/portal"))).andExpect(status().isBadGateway())
				.andExpect(content().string(POLAR_REFUSED));
		}

		@Test
		void requestsFromOtherSitesAreRefused() throws Exception {
			perform(get("/polar/portal").header(Application.USER_HEADER, "user-42")
				.header("Sec-Fetch-Site", "same-site")
				.header("Referer", "https://blog.localhost/")).andExpect(status().isForbidden());
			assertThat(calls("/v1/customer-sessions/")).isZero();
		}

	}

	/**
	 * A web application with the starter and a customer resolver of its own: the
	 * signed-in user is named by the {@code X-User} header, as an application's own
	 * session would. Its meter registry is Spring Boot's.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		static final String USER_HEADER = "X-User";

		@Bean
		PolarCustomerResolver headerCustomerResolver() {
			return (request) -> Optional.ofNullable(request.getHeader(USER_HEADER))
				.map((user) -> PolarCustomer.of(user).withEmail(user + "@example.com"));
		}

	}

}
