package dev.polarspring.test.context;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.ProductsClient;
import dev.polarspring.client.webhook.BenefitGrantCreatedEvent;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.test.FakeError;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;
import dev.polarspring.test.FakeWebhookDelivery;
import dev.polarspring.test.ReceivedWebhookEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @AutoConfigureFakePolar} on an application with a real port: the application's
 * clients call the fake, the fake's webhooks reach the application's endpoint, and each
 * test starts from a fake that knows only its catalog.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakePolar
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakePolarTests {

	@Autowired
	FakePolar fake;

	@Autowired
	ProductsClient products;

	@Value("${polar.base-url}")
	String baseUrl;

	@Value("${polar.access-token}")
	String accessToken;

	@Autowired
	ReceivedWebhookEvents received;

	@Test
	@Order(1)
	void applicationClientsCallTheFake() {
		assertThat(this.baseUrl).isEqualTo(this.fake.baseUrl());
		assertThat(this.accessToken).isEqualTo(FakePolar.ACCESS_TOKEN);
		assertThat(this.products.list().items()).extracting(Product::name)
			.containsExactly("Starter Kit", "Pro Plan", "Desktop License");
		this.fake.fail("GET /v1/products/{id}", FakeError.notFound());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.products.get(this.fake.product("Pro Plan").id()));
	}

	@Test
	@Order(2)
	void paymentsSendWebhooksToTheApplication() {
		this.received.clear();
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "user-1");
		assertThat(purchase.webhooks()).extracting(FakeWebhookDelivery::status).containsOnly(202);
		assertThat(this.received.events()).extracting(PolarWebhookEvent::type)
			.contains("order.paid", "benefit_grant.created");
		OrderPaidEvent orderPaid = (OrderPaidEvent) this.received.events()
			.stream()
			.filter(OrderPaidEvent.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(orderPaid.data()).isEqualTo(purchase.order());
		assertThat(this.received.events()).filteredOn(BenefitGrantCreatedEvent.class::isInstance).hasSize(1);
	}

	@Test
	@Order(3)
	void eachTestStartsFromTheCatalogAlone() {
		assertThat(this.fake.orders()).isEmpty();
		assertThat(this.fake.webhooks()).isEmpty();
		assertThat(this.products.get(this.fake.product("Pro Plan").id()).name()).isEqualTo("Pro Plan");
	}

}
