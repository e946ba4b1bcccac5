package com.example.shop;

// tag::mockmvc-tests[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakeWebhookDelivery;
import dev.polarspring.test.context.AutoConfigureFakePolar;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "polar.webhook.secret=whsec_test")
@AutoConfigureMockMvc
@AutoConfigureFakePolar
class ShopMockMvcTests {

	@Autowired
	FakePolar polar;

	@Autowired
	Shop shop;

	@Test
	void paidOrderGrantsAccessWithoutAPort() {
		// No server: the fake delivers its webhooks through the application's MockMvc.
		this.polar.purchase(this.polar.product("Pro Plan").id(), "user-42");
		assertThat(this.shop.hasAccess("user-42")).isTrue();
		assertThat(this.polar.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(202);
	}

}
// end::mockmvc-tests[]
