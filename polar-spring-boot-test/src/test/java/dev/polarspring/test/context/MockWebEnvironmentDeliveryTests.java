package dev.polarspring.test.context;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;
import dev.polarspring.test.FakeWebhookDelivery;
import dev.polarspring.test.ReceivedWebhookEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code @AutoConfigureFakePolar} without a port: the fake delivers through the
 * application's MockMvc when it has one, and otherwise a payment fails saying how to get
 * deliveries, instead of webhooks that never arrive.
 */
class MockWebEnvironmentDeliveryTests {

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@AutoConfigureFakePolar
	class WithMockMvc {

		@Autowired
		FakePolar fake;

		@Autowired
		ReceivedWebhookEvents received;

		@BeforeEach
		void clear() {
			this.received.clear();
		}

		@Test
		void paymentsAreDeliveredThroughMockMvc() {
			FakePurchase purchase = this.fake.purchase(this.fake.product("Pro Plan").id(), "user-1");
			assertThat(purchase.webhooks()).isNotEmpty().extracting(FakeWebhookDelivery::status).containsOnly(202);
			assertThat(this.received.events()).extracting(PolarWebhookEvent::type)
				.contains("order.paid", "subscription.active", "benefit_grant.created");
		}

		@Test
		void aFailingListenerIsAnsweredThroughMockMvcToo() {
			this.received.failing(true);
			FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "user-2");
			assertThat(purchase.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(500);
			this.received.failing(false);
			String orderPaid = purchase.webhooks()
				.stream()
				.filter((delivery) -> delivery.type().equals("order.paid"))
				.findFirst()
				.orElseThrow()
				.webhookId();
			assertThat(this.fake.redeliver(orderPaid)).isEqualTo(202);
		}

	}

	@Nested
	@SpringBootTest
	@AutoConfigureFakePolar
	class WithoutMockMvc {

		@Autowired
		FakePolar fake;

		@Test
		void aPaymentFailsSayingHowToGetDeliveries() {
			assertThatIllegalStateException()
				.isThrownBy(() -> this.fake.purchase(this.fake.product("Pro Plan").id(), "user-3"))
				.withMessageContaining("The fake Polar could not send customer.created to the application")
				.withMessageContaining("mock web environment (no port) and has no MockMvc bean")
				.withMessageContaining("@AutoConfigureMockMvc")
				.withMessageContaining("webEnvironment = WebEnvironment.RANDOM_PORT")
				.withMessageContaining("fakePolar.deliverWebhooksTo(PolarWebhookTestClient.mockMvc(mockMvc, secret))")
				.withMessageContaining("@AutoConfigureFakePolar(deliverWebhooks = false)");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.NONE)
	@AutoConfigureFakePolar
	class WithoutWebApplication {

		@Autowired
		FakePolar fake;

		@Test
		void aPaymentFailsSayingThereIsNoEndpoint() {
			assertThatIllegalStateException()
				.isThrownBy(() -> this.fake.purchase(this.fake.product("Pro Plan").id(), "user-4"))
				.withMessageContaining("not a web application (webEnvironment = NONE)")
				.withMessageContaining("RANDOM_PORT");
		}

	}

	@Nested
	@SpringBootTest
	@AutoConfigureFakePolar(deliverWebhooks = false)
	class RecordingOnly {

		@Autowired
		FakePolar fake;

		@Test
		void aPaymentRecordsItsWebhooksWithoutSendingThem() {
			FakePurchase purchase = this.fake.purchase(this.fake.product("Pro Plan").id(), "user-5");
			assertThat(purchase.webhooks()).isNotEmpty().extracting(FakeWebhookDelivery::status).containsOnly(0);
		}

	}

}
