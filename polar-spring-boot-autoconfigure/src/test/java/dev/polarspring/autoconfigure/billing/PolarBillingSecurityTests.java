package dev.polarspring.autoconfigure.billing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.polarspring.boot.billing.PolarAuthorization;
import dev.polarspring.boot.billing.PolarCustomerResolver;
import dev.polarspring.boot.billing.SpringSecurityCustomerResolver;
import dev.polarspring.boot.billing.UnknownAliasException;
import dev.polarspring.client.error.InternalServerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Entitlements in a real Spring Security filter chain: access rules built with
 * {@link PolarAuthorization} in {@code authorizeHttpRequests}, {@code @PreAuthorize} on
 * the {@code polarEntitlements} bean, and the checkout endpoint made out to the
 * authenticated principal. Runs in the surefire execution with Boot's security
 * auto-configuration.
 */
@SpringBootTest(classes = PolarBillingSecurityTests.SecuredStore.class,
		properties = { "polar.access-token=polar_oat_billing", "polar.retry.max-attempts=1",
				"polar.checkout.enabled=true", "polar.products.pro=" + PolarFixtures.PRO_PRODUCT,
				"polar.products.starter=" + PolarFixtures.STARTER_PRODUCT,
				"polar.benefits.pro=" + PolarFixtures.PRO_BENEFIT })
@AutoConfigureMockMvc
class PolarBillingSecurityTests {

	static final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		polar.start();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PolarAuthorization authorization;

	@Autowired
	PolarCustomerResolver resolver;

	@DynamicPropertySource
	static void polarProperties(DynamicPropertyRegistry registry) {
		registry.add("polar.base-url", polar::baseUrl);
	}

	@AfterAll
	static void stopPolar() {
		polar.stop();
	}

	@BeforeEach
	void stubPolar() {
		polar.resetAll();
		// user-42 subscribes to Pro (with its benefit) and bought Starter; user-7 never
		// bought.
		polar.stubFor(WireMock.get(urlPathEqualTo("/v1/customers/external/user-42/state"))
			.willReturn(okJson(PolarFixtures.customerState("user-42"))));
		polar.stubFor(WireMock.get(urlPathEqualTo("/v1/orders/"))
			.withQueryParam("external_customer_id", equalTo("user-42"))
			.willReturn(okJson(PolarFixtures.paidOrders("user-42", PolarFixtures.STARTER_PRODUCT))));
		polar.stubFor(WireMock.get(urlPathEqualTo("/v1/customers/external/user-7/state"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"ResourceNotFound\",\"detail\":\"Not found\"}")));
		polar.stubFor(WireMock.get(urlPathEqualTo("/v1/customers/external/user-9/state"))
			.willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"Service Unavailable\"}")));
		polar.stubFor(post(urlPathEqualTo("/v1/checkouts/")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(PolarFixtures.checkout("https://sandbox.polar.sh/checkout/polar_c_secured"))));
	}

	private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		String credentials = Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
		return request.header("Authorization", "Basic " + credentials);
	}

	@Test
	void theDefaultCustomerIsThePrincipal() {
		assertThat(this.resolver).isInstanceOf(SpringSecurityCustomerResolver.class);
	}

	@Test
	void aBenefitRuleLetsInOnlyCustomersWithTheBenefit() throws Exception {
		this.mvc.perform(as("user-42", get("/pro/area"))).andExpect(status().isOk());
		this.mvc.perform(as("user-7", get("/pro/area"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/pro/area"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists("WWW-Authenticate"));
	}

	@Test
	void subscriptionAndPurchaseRulesReadTheirPartOfTheState() throws Exception {
		this.mvc.perform(as("user-42", get("/members/lounge"))).andExpect(status().isOk());
		this.mvc.perform(as("user-7", get("/members/lounge"))).andExpect(status().isForbidden());
		this.mvc.perform(as("user-42", get("/starter/download"))).andExpect(status().isOk());
		this.mvc.perform(as("user-7", get("/starter/download"))).andExpect(status().isForbidden());
	}

	@Test
	void preAuthorizeReadsThePolarEntitlementsBean() throws Exception {
		this.mvc.perform(as("user-42", get("/reports"))).andExpect(status().isOk());
		this.mvc.perform(as("user-7", get("/reports"))).andExpect(status().isForbidden());
	}

	@Test
	void aRuleWhoseStateCannotBeReadFailsClosed() {
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> this.mvc.perform(as("user-9", get("/pro/area"))));
	}

	@Test
	void anUnknownAliasFailsWhenTheRuleIsBuilt() {
		assertThatExceptionOfType(UnknownAliasException.class)
			.isThrownBy(() -> this.authorization.hasBenefit("platinum"))
			.withMessageContaining("polar.benefits.platinum");
	}

	@Test
	void theCheckoutEndpointIsMadeOutToThePrincipal() throws Exception {
		this.mvc.perform(as("user-7", get("/polar/checkout").param("products", "pro")))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "https://sandbox.polar.sh/checkout/polar_c_secured"));
		polar.verify(postRequestedFor(urlPathEqualTo("/v1/checkouts/"))
			.withRequestBody(equalToJson("{\"external_customer_id\":\"user-7\"}", false, true)));
		this.mvc.perform(get("/polar/checkout").param("products", "pro")).andExpect(status().isUnauthorized());
		assertThat(polar.findAll(postRequestedFor(urlPathEqualTo("/v1/checkouts/")))).hasSize(1);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableMethodSecurity
	static class SecuredStore {

		@Bean
		SecurityFilterChain storeSecurity(HttpSecurity http, PolarAuthorization polar) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/pro/**")
					.access(polar.hasBenefit("pro"))
					.requestMatchers("/members/**")
					.access(polar.isSubscribed("pro"))
					.requestMatchers("/starter/**")
					.access(polar.hasPurchased("starter"))
					.anyRequest()
					.authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("user-42").password("{noop}secret").roles("USER").build(),
					User.withUsername("user-7").password("{noop}secret").roles("USER").build(),
					User.withUsername("user-9").password("{noop}secret").roles("USER").build());
		}

		@Bean
		Pages pages() {
			return new Pages();
		}

	}

	@RestController
	static class Pages {

		@GetMapping({ "/pro/area", "/members/lounge", "/starter/download" })
		String page() {
			return "welcome";
		}

		@GetMapping("/reports")
		@PreAuthorize("@polarEntitlements.hasBenefit(authentication.name, 'pro')")
		public String reports() {
			return "reports";
		}

	}

}
