package com.example.webhooks;

// tag::signer[]
import java.nio.charset.StandardCharsets;
import java.time.Instant;

// end::signer[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
// tag::signer[]
import org.springframework.http.HttpHeaders;
// end::signer[]
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

// tag::signer[]
import dev.polarspring.client.webhook.WebhookSigner;
// end::signer[]
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;
import dev.polarspring.test.PolarWebhookTestClient;
import dev.polarspring.test.context.AutoConfigureFakePolar;

import static org.assertj.core.api.Assertions.assertThat;
// tag::signer[]
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
// end::signer[]

/**
 * The README's webhook examples in one application: listeners, a second endpoint with a
 * {@code @PolarWebhook} method, and the endpoints' own security chain.
 */
@SpringBootTest(properties = { "polar.webhook.secret=whsec_test", "polar.webhook.endpoints.eu.secret=whsec_eu",
		"polar.webhook.endpoints.sandbox.secret=whsec_sandbox",
		"polar.webhook.endpoints.sandbox.previous-secrets=whsec_sandbox_old" })
@ActiveProfiles("webhooks")
@AutoConfigureMockMvc
@AutoConfigureFakePolar
class WebhooksTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakePolar polar;

	@Autowired
	Fulfilment fulfilment;

	@Autowired
	EuOrders euOrders;

	@Test
	void aPaidOrderIsShippedOnceAndEveryEventAudited() {
		FakePurchase purchase = this.polar.purchase(this.polar.product("Starter Kit").id(), "user-42");
		OrderPaidEvent orderPaid = purchase.event(OrderPaidEvent.class);
		assertThat(this.polar.redeliver(orderPaid.delivery().id())).isEqualTo(202);
		assertThat(this.fulfilment.shipped()).containsKey(purchase.order().id());
		assertThat(this.fulfilment.audit()).containsOnlyOnce("order.paid " + orderPaid.delivery().id())
			.containsAll(this.polar.webhooks()
				.stream()
				.map((webhook) -> webhook.type() + " " + webhook.webhookId())
				.toList());
	}

	@Test
	void theEuEndpointHasItsOwnSecret() {
		this.polar.deliverWebhooksTo(PolarWebhookTestClient.mockMvc(this.mvc, "/polar/eu", "whsec_eu"));
		try {
			OrderPaidEvent orderPaid = this.polar.purchase(this.polar.product("Starter Kit").id(), "user-7")
				.event(OrderPaidEvent.class);
			assertThat(this.euOrders.paidOrderIds()).containsExactly(orderPaid.data().id());
			assertThat(PolarWebhookTestClient.mockMvc(this.mvc, "/polar/eu", "whsec_test").send(orderPaid))
				.isEqualTo(403);
		}
		finally {
			this.polar.deliverWebhooksTo(PolarWebhookTestClient.mockMvc(this.mvc, "whsec_test"));
		}
	}

	@Test
	void theRotatedSecretIsAcceptedToo() {
		OrderPaidEvent orderPaid = this.polar.purchase(this.polar.product("Starter Kit").id(), "user-7")
			.event(OrderPaidEvent.class);
		assertThat(PolarWebhookTestClient.mockMvc(this.mvc, "/polar/sandbox", "whsec_sandbox_old").send(orderPaid))
			.isEqualTo(202);
	}

	// tag::signer[]

	@Test
	void aSignedDeliveryIsAccepted() throws Exception {
		byte[] body = "{\"type\": \"shop.example\", \"timestamp\": \"2026-10-01T09:00:00Z\", \"data\": {}}"
			.getBytes(StandardCharsets.UTF_8); // a type this version does not know is
												// accepted too
		HttpHeaders headers = new HttpHeaders();
		WebhookSigner.of("whsec_test").headers("msg_test_1", Instant.now(), body).forEach(headers::add);
		this.mvc.perform(post("/polar/webhooks").content(body).headers(headers)).andExpect(status().isAccepted());
	}
	// end::signer[]

	@Test
	void deliveriesFromElsewhereAreRefusedHoweverSigned() throws Exception {
		byte[] body = "{\"type\": \"shop.example\", \"timestamp\": \"2026-10-01T09:00:00Z\", \"data\": {}}"
			.getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = new HttpHeaders();
		WebhookSigner.of("whsec_test").headers("msg_test_2", Instant.now(), body).forEach(headers::add);
		this.mvc.perform(post("/polar/webhooks").content(body).headers(headers).with((request) -> {
			request.setRemoteAddr("203.0.113.9");
			return request;
		})).andExpect(status().isForbidden());
		assertThat(this.fulfilment.audit()).noneMatch((line) -> line.endsWith(" msg_test_2"));
	}

}
