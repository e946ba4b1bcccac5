package dev.polarspring.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with spring-boot-starter-security and nothing else about security: Boot
 * locks every endpoint behind a login and CSRF protection, yet Polar's deliveries reach
 * the webhook endpoint, which verifies them itself, and the rest of the application stays
 * locked. Runs in its own surefire execution, the only one with Boot's security
 * auto-configuration.
 */
@SpringBootTest(classes = PolarWebhookSecurityTests.SecuredApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.webhook.secret=" + TestDeliveries.SECRET)
@AutoConfigureMockMvc
class PolarWebhookSecurityTests {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
						PolarWebhookAutoConfiguration.class, PolarWebhookSecurityAutoConfiguration.class))
		.withPropertyValues("polar.webhook.secret=" + TestDeliveries.SECRET);

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordedEvents events;

	@BeforeEach
	void clear() {
		this.events.clear();
	}

	@Test
	void aDeliveryNeedsNoSessionNorCsrfToken() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		HttpResponse<String> response = post("/polar/webhooks", body, TestDeliveries.signed(body));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(this.events.ordersPaid()).hasSize(1);
	}

	@Test
	void aDeliveryPassesTheSecurityFiltersOfMockMvc() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/polar/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		TestDeliveries.signed(body).forEach(request::header);
		assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(202);
		assertThat(this.events.ordersPaid()).hasSize(1);
	}

	@Test
	void anUnsignedDeliveryIsStillRefusedByTheEndpoint() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(post("/polar/webhooks", body, Map.of()).statusCode()).isEqualTo(403);
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void theRestOfTheApplicationStaysLocked() throws Exception {
		HttpResponse<String> response = post("/orders", "{}".getBytes(), Map.of());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void addsItsChainBesideBootsDefaultOne() {
		this.runner.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
			.containsOnlyKeys("polarWebhookSecurityFilterChain", "defaultSecurityFilterChain"));
	}

	@Test
	void addsItsChainBesideTheApplicationsOwn() {
		this.runner.withUserConfiguration(OwnSecurity.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.containsOnlyKeys("polarWebhookSecurityFilterChain", "ownSecurityFilterChain"));
	}

	@Test
	void addsNoChainWhenToldNot() {
		this.runner.withPropertyValues("polar.webhook.security.permit-deliveries=false")
			.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.containsOnlyKeys("defaultSecurityFilterChain"));
	}

	private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

		@Bean
		Orders orders() {
			return new Orders();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSecurity {

		@Bean
		SecurityFilterChain ownSecurityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
		}

	}

	@RestController
	static class Orders {

		@PostMapping("/orders")
		String create() {
			return "created";
		}

	}

}
