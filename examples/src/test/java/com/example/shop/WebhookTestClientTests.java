package com.example.shop;

// tag::client[]
import java.net.URI;
// end::client[]
import java.nio.charset.StandardCharsets;
// tag::client[]
import java.time.Clock;
import java.time.Duration;

// end::client[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
// tag::client[]
import org.springframework.test.web.servlet.MockMvc;

import dev.polarspring.client.webhook.OrderPaidEvent;
// end::client[]
import dev.polarspring.test.FakePolar;
// tag::client[]
import dev.polarspring.test.PolarWebhookTestClient;
// end::client[]
import dev.polarspring.test.context.AutoConfigureFakePolar;

// tag::client[]
import static org.assertj.core.api.Assertions.assertThat;
// end::client[]

/**
 * The README's webhook test client, against the shop's endpoint through MockMvc and its
 * port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.webhook.secret=whsec_test")
@AutoConfigureMockMvc
@AutoConfigureFakePolar(deliverWebhooks = false)
class WebhookTestClientTests {

	@Autowired
	MockMvc mockMvc;

	@Autowired
	FakePolar polar;

	@Autowired
	Shop shop;

	@LocalServerPort
	int port;

	@Test
	void deliveriesAnsweredAsPolarWouldSeeThem() {
		OrderPaidEvent event = this.polar.purchase(this.polar.product("Pro Plan").id(), "user-42")
			.event(OrderPaidEvent.class);
		String json = new String(PolarWebhookTestClient.payload(event), StandardCharsets.UTF_8);
		Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
		// tag::client[]

		// POST /polar/webhooks through MockMvc; mockMvc(mockMvc, path, secret) for
		// another path
		PolarWebhookTestClient webhooks = PolarWebhookTestClient.mockMvc(this.mockMvc, "whsec_test");
		// Or to a real port
		PolarWebhookTestClient real = PolarWebhookTestClient
			.to(URI.create("http://localhost:" + this.port + "/polar/webhooks"), "whsec_test");

		// Signed with another secret: refused
		assertThat(webhooks.sendWithBadSignature(event)).isEqualTo(403);
		// Outside the 5-minute tolerance: refused
		assertThat(webhooks.withClock(anHourAgo).send(event)).isEqualTo(403);
		// Signed; the webhook-id is event.delivery().id(), so sending it again is a
		// redelivery
		assertThat(webhooks.send(event)).isEqualTo(202);
		assertThat(real.send(event)).isEqualTo(202);
		// A raw body with a new webhook-id: malformed payloads, types this version does
		// not know
		assertThat(webhooks.sendJson("{\"type\": \"shop.example\", \"data\": {}}")).isEqualTo(400);
		// A raw body with a webhook-id of your own
		assertThat(webhooks.sendJson("msg_1", json)).isEqualTo(202);
		// end::client[]
		assertThat(this.shop.hasAccess("user-42")).isTrue();
	}

}
