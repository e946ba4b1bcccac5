package com.example.shop;

// tag::shop-tests[]
import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.test.FakeError;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;
import dev.polarspring.test.PolarWebhookTestClient;
import dev.polarspring.test.context.AutoConfigureFakePolar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "polar.webhook.secret=whsec_test", "polar.retry.max-attempts=1" })
@AutoConfigureFakePolar
class ShopTests {

	@Autowired
	FakePolar polar;

	@Autowired
	Shop shop;

	@LocalServerPort
	int port;

	@Test
	void checkoutOpensOnPolarsCheckoutPage() {
		String url = this.shop.startCheckout(this.polar.product("Pro Plan").id(), "user-42");
		assertThat(url).startsWith(this.polar.baseUrl() + "/checkout/polar_c_");
		assertThat(this.polar.checkouts()).singleElement()
			.satisfies((checkout) -> assertThat(checkout.externalCustomerId()).isEqualTo("user-42"));
	}

	@Test
	void paidOrderGrantsAccess() {
		// Pays as the checkout page's "Pay" button does: order.paid and friends reach the
		// application.
		this.polar.purchase(this.polar.product("Pro Plan").id(), "user-42");
		assertThat(this.shop.hasAccess("user-42")).isTrue();
	}

	@Test
	void polarOutageReachesTheCaller() {
		this.polar.fail("POST /v1/checkouts/", FakeError.serverError(503));
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> this.shop.startCheckout(this.polar.product("Pro Plan").id(), "user-42"));
	}

	@Test
	void forgedWebhooksAreRefusedAndRedeliveriesAccepted() {
		FakePurchase purchase = this.polar.purchase(this.polar.product("Pro Plan").id(), "user-7");
		OrderPaidEvent orderPaid = purchase.event(OrderPaidEvent.class);
		PolarWebhookTestClient webhooks = PolarWebhookTestClient
			.to(URI.create("http://localhost:" + this.port + "/polar/webhooks"), "whsec_test");
		assertThat(webhooks.sendWithBadSignature(orderPaid)).isEqualTo(403);
		assertThat(webhooks.send(orderPaid)).isEqualTo(202);
	}

}
// end::shop-tests[]
