package dev.polarspring.boot.billing;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.webhook.WebhookVector;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PolarCheckouts} for controllers of an application's own: defaults a builder
 * overrides, aliases, and paths resolved against the current request only.
 */
class PolarCheckoutsTests {

	private static final String PRO = "11111111-2222-4333-8444-555555555555";

	private final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private PolarCheckouts checkouts;

	@BeforeEach
	void start() {
		this.polar.start();
		ObjectNode checkout = (ObjectNode) PolarJson.mapper()
			.readTree(WebhookVector.load()
				.stream()
				.filter((vector) -> vector.name().equals("checkout.created: valid"))
				.findFirst()
				.orElseThrow()
				.body())
			.get("data");
		checkout.put("url", "https://sandbox.polar.sh/checkout/polar_c_own");
		this.polar.stubFor(post(urlPathEqualTo("/v1/checkouts/")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(checkout.toString())));
		PolarClient client = PolarClient.builder()
			.baseUrl(this.polar.baseUrl())
			.accessToken("polar_oat_checkouts")
			.retrySettings(RetrySettings.defaults().withMaxAttempts(1))
			.build();
		this.checkouts = new PolarCheckouts(client.checkouts(), new PolarAliases(Map.of("pro", PRO), Map.of()),
				new PolarCheckoutDefaults("/thanks", null, Map.of("source", "web"), null, true, null));
	}

	@AfterEach
	void stop() {
		RequestContextHolder.resetRequestAttributes();
		this.polar.stop();
	}

	@Test
	void aBuilderChangesTheDefaults() {
		String url = this.checkouts.checkout("pro")
			.customer(PolarCustomer.of("user-42").withEmail("ada@example.com").withName("Ada"))
			.successUrl("https://shop.example.com/done?checkout_id={CHECKOUT_ID}")
			.metadata("plan", "pro")
			.allowDiscountCodes(false)
			.seats(2L)
			.create()
			.url();
		assertThat(url).isEqualTo("https://sandbox.polar.sh/checkout/polar_c_own");
		this.polar.verify(postRequestedFor(urlPathEqualTo("/v1/checkouts/")).withRequestBody(equalToJson("""
				{"products":["%s"],"external_customer_id":"user-42","customer_email":"ada@example.com",
				 "customer_name":"Ada","success_url":"https://shop.example.com/done?checkout_id={CHECKOUT_ID}",
				 "metadata":{"source":"web","plan":"pro"},"allow_discount_codes":false,"seats":2}
				""".formatted(PRO))));
	}

	@Test
	void pathsAreResolvedAgainstTheCurrentRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/buy");
		request.setScheme("https");
		request.setServerName("shop.example.com");
		request.setServerPort(8443);
		request.setContextPath("/app");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		this.checkouts.checkoutUrl(PolarCustomer.of("user-42"), "pro");
		this.polar.verify(postRequestedFor(urlPathEqualTo("/v1/checkouts/")).withRequestBody(
				equalToJson("{\"success_url\":\"https://shop.example.com:8443/app/thanks\"}", false, true)));
	}

	@Test
	void aPathOutsideOfARequestIsAnErrorThatSaysWhatToDo() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.checkouts.checkoutUrl(PolarCustomer.of("user-42"), "pro"))
			.withMessage("The checkout's success URL is the path '/thanks', which is resolved against the current "
					+ "request; outside of a web request give an absolute URL");
		assertThat(this.polar.findAll(postRequestedFor(urlPathEqualTo("/v1/checkouts/")))).isEmpty();
	}

	@Test
	void productsAreNamedByIdOrAlias() {
		assertThatExceptionOfType(UnknownAliasException.class).isThrownBy(() -> this.checkouts.checkout("platinum"))
			.withMessage("'platinum' is neither a product id nor a product alias: add polar.products.platinum="
					+ "<product id> to the configuration, or use the product's id")
			.satisfies((ex) -> assertThat(ex.getAlias()).isEqualTo("platinum"));
		assertThat(new PolarAliases(Map.of("pro", PRO), Map.of()).productAlias(PRO)).contains("pro");
	}

}
