package dev.polarspring.test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.SubscriptionActiveEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook test client against the starter's real endpoint, through MockMvc and
 * through a real port: signed events arrive typed and equal to what was sent,
 * redeliveries are deduplicated, forged, stale and malformed deliveries are refused.
 */
class PolarWebhookTestClientTests {

	private static final String SECRET = "whsec_test_secret";

	private static FakePolar fake;

	private static OrderPaidEvent orderPaid;

	private static SubscriptionActiveEvent subscriptionActive;

	@BeforeAll
	static void events() {
		fake = FakePolar.start();
		FakePurchase purchase = fake.purchase(fake.product("Pro Plan").id(), "user-1");
		orderPaid = purchase.event(OrderPaidEvent.class);
		subscriptionActive = purchase.event(SubscriptionActiveEvent.class);
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	class ThroughMockMvc {

		@Autowired
		MockMvc mockMvc;

		@Autowired
		ReceivedWebhookEvents received;

		PolarWebhookTestClient webhooks;

		@BeforeEach
		void client() {
			this.received.clear();
			this.webhooks = PolarWebhookTestClient.mockMvc(this.mockMvc, SECRET);
		}

		@Test
		void typedEventArrivesEqualToWhatWasSent() {
			assertThat(this.webhooks.send(orderPaid)).isEqualTo(202);
			assertThat(this.received.events()).singleElement().isInstanceOfSatisfying(OrderPaidEvent.class, (event) -> {
				assertThat(event.data()).isEqualTo(orderPaid.data());
				assertThat(event.timestamp()).isEqualTo(orderPaid.timestamp());
				assertThat(event.delivery().id()).isEqualTo(orderPaid.delivery().id());
			});
		}

		@Test
		void sameEventTwiceIsARedeliveryDispatchedOnce() {
			assertThat(this.webhooks.send(subscriptionActive)).isEqualTo(202);
			assertThat(this.webhooks.send(subscriptionActive)).isEqualTo(202);
			assertThat(this.received.events()).hasSize(1);
		}

		@Test
		void badSignatureIsForbiddenAndNotDispatched() {
			assertThat(this.webhooks.sendWithBadSignature(orderPaid)).isEqualTo(403);
			assertThat(PolarWebhookTestClient.mockMvc(this.mockMvc, "whsec_other").send(orderPaid)).isEqualTo(403);
			assertThat(this.received.events()).isEmpty();
		}

		@Test
		void staleTimestampIsForbidden() {
			Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
			assertThat(this.webhooks.withClock(anHourAgo).send(orderPaid)).isEqualTo(403);
		}

		@Test
		void rawJsonIsSentByteForByte() {
			assertThat(this.webhooks.sendJson("{\"type\":\"order.paid\"")).isEqualTo(400);
			assertThat(this.webhooks.sendJson("msg_unknown_1",
					"{\"type\":\"invoice.sent\",\"timestamp\":\"2026-10-01T12:00:00Z\",\"data\":{\"id\":\"x\"}}"))
				.isEqualTo(202);
			assertThat(this.received.events()).singleElement()
				.isInstanceOfSatisfying(UnknownWebhookEvent.class,
						(event) -> assertThat(event.type()).isEqualTo("invoice.sent"));
		}

		@Test
		void failingListenerAnswers500() {
			this.received.failing(true);
			assertThat(this.webhooks.send(orderPaid)).isEqualTo(500);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class ThroughARealPort {

		@LocalServerPort
		int port;

		@Autowired
		ReceivedWebhookEvents received;

		@Test
		void signedEventsAreAcceptedAndForgedOnesForbidden() {
			this.received.clear();
			PolarWebhookTestClient webhooks = PolarWebhookTestClient
				.to(URI.create("http://localhost:" + this.port + "/polar/webhooks"), SECRET);
			assertThat(webhooks.send(orderPaid)).isEqualTo(202);
			assertThat(webhooks.sendWithBadSignature(subscriptionActive)).isEqualTo(403);
			assertThat(this.received.events()).extracting(PolarWebhookEvent::type).containsExactly("order.paid");
		}

	}

}
