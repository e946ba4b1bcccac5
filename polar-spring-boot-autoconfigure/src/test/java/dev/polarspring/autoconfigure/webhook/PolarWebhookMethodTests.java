package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.PolarWebhook;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PolarWebhook @PolarWebhook} methods: typed and common parameters, no parameter,
 * several methods on one path, several endpoints with their own secrets (one application
 * serving two Polar organizations), the default path and a placeholder path.
 */
@SpringBootTest(classes = PolarWebhookMethodTests.MethodsApplication.class, properties = {
		"polar.webhook.secret=" + TestDeliveries.SECRET, "app.orders-path=/shop/polar",
		"polar.webhook.endpoints.eu.path=/polar/eu", "polar.webhook.endpoints.eu.secret=" + PolarWebhookMethodTests.EU,
		"polar.webhook.endpoints.us.path=/polar/us", "polar.webhook.endpoints.us.secret=" + PolarWebhookMethodTests.US,
		"polar.webhook.endpoints.us.previous-secrets=" + PolarWebhookMethodTests.US_BEFORE_ROTATION })
@AutoConfigureMockMvc
class PolarWebhookMethodTests {

	static final String EU = "whsec_ZXUtb3JnYW5pemF0aW9uLXNlY3JldA";

	static final String US = "polar_whs_us_organization_secret";

	static final String US_BEFORE_ROTATION = "polar_whs_us_secret_before_rotation";

	@Autowired
	MockMvc mvc;

	@Autowired
	Handlers handlers;

	@Autowired
	RecordedEvents events;

	@BeforeEach
	void clear() {
		this.handlers.calls.clear();
		this.handlers.failure = null;
		this.events.clear();
	}

	@Test
	void callsTheMethodsOfTheEndpointThatTakeTheEvent() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(post("/polar/eu", body, TestDeliveries.signed(EU, TestDeliveries.newId(), body))).isEqualTo(202);
		assertThat(this.handlers.calls).containsExactlyInAnyOrder("eu order order.paid", "eu any order.paid");
		assertThat(this.events.ordersPaid()).hasSize(1);
	}

	@Test
	void skipsAMethodOfAnotherEventType() throws Exception {
		byte[] body = TestDeliveries.body("subscription.created");
		assertThat(post("/polar/eu", body, TestDeliveries.signed(EU, TestDeliveries.newId(), body))).isEqualTo(202);
		assertThat(this.handlers.calls).containsExactly("eu any subscription.created");
		assertThat(this.events.all()).hasSize(1);
	}

	@Test
	void callsAMethodWithoutParameterForEveryDelivery() throws Exception {
		byte[] body = TestDeliveries.body("subscription.created");
		assertThat(post("/polar/us", body, TestDeliveries.signed(US, TestDeliveries.newId(), body))).isEqualTo(202);
		assertThat(this.handlers.calls).containsExactly("us");
	}

	@Test
	void verifiesEachEndpointWithItsOwnSecret() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(post("/polar/us", body, TestDeliveries.signed(EU, TestDeliveries.newId(), body))).isEqualTo(403);
		assertThat(post("/polar/eu", body, TestDeliveries.signed(US, TestDeliveries.newId(), body))).isEqualTo(403);
		assertThat(post("/polar/eu", body, TestDeliveries.signed(TestDeliveries.SECRET, TestDeliveries.newId(), body)))
			.isEqualTo(403);
		assertThat(this.handlers.calls).isEmpty();
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void acceptsThePreviousSecretWhileRotating() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(post("/polar/us", body, TestDeliveries.signed(US_BEFORE_ROTATION, TestDeliveries.newId(), body)))
			.isEqualTo(202);
		assertThat(this.handlers.calls).containsExactly("us");
	}

	@Test
	void aMethodWithoutPathServesTheDefaultEndpoint() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(post("/polar/webhooks", body, TestDeliveries.signed(body))).isEqualTo(202);
		assertThat(this.handlers.calls).containsExactly("default order.paid");
	}

	@Test
	void aMethodOnItsOwnPathUsesTheDefaultSecret() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		assertThat(post("/shop/polar", body, TestDeliveries.signed(body))).isEqualTo(202);
		assertThat(post("/shop/polar", body, TestDeliveries.signed(EU, TestDeliveries.newId(), body))).isEqualTo(403);
		assertThat(this.handlers.calls).containsExactly("placeholder order.paid");
	}

	@Test
	void aMethodThatThrowsFailsTheDeliveryBeforeListenersSeeIt() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(EU, TestDeliveries.newId(), body);
		this.handlers.failure = new IllegalStateException("boom");
		assertThat(post("/polar/eu", body, headers)).isEqualTo(500);
		assertThat(this.events.all()).isEmpty();
		this.handlers.failure = null;
		assertThat(post("/polar/eu", body, headers)).isEqualTo(202);
		assertThat(this.events.all()).hasSize(1);
	}

	@Test
	void leavesTheControllerMappingsOfTheSameBeanAlone() throws Exception {
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/shop/status"))
			.andReturn()
			.getResponse()
			.getContentAsString()).isEqualTo("open");
	}

	private int post(String path, byte[] body, Map<String, String> headers) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		headers.forEach(request::header);
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class MethodsApplication {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

	@RestController
	@RequestMapping("/shop")
	static class Handlers {

		final List<String> calls = new CopyOnWriteArrayList<>();

		volatile RuntimeException failure;

		@PolarWebhook("/polar/eu")
		void euOrder(OrderPaidEvent event) {
			this.calls.add("eu order " + event.type());
		}

		@PolarWebhook(path = "/polar/eu")
		void euAny(PolarWebhookEvent event) {
			RuntimeException toThrow = this.failure;
			if (toThrow != null) {
				throw toThrow;
			}
			this.calls.add("eu any " + event.type());
		}

		@PolarWebhook("/polar/us")
		void us() {
			this.calls.add("us");
		}

		@PolarWebhook
		void defaultEndpoint(OrderPaidEvent event) {
			this.calls.add("default " + event.type());
		}

		@PolarWebhook("${app.orders-path}")
		void placeholder(OrderPaidEvent event) {
			this.calls.add("placeholder " + event.type());
		}

		@GetMapping("/status")
		String status() {
			return "open";
		}

	}

}
