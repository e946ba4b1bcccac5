package dev.polarspring.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.SubscriptionActiveEvent;
import dev.polarspring.sample.entitlement.Entitlement;
import dev.polarspring.sample.entitlement.EntitlementRepository;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;
import dev.polarspring.test.FakeWebhookDelivery;
import dev.polarspring.test.PolarWebhookTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The store offline, end to end over HTTP: the catalog comes from the fake Polar, "Buy"
 * opens the fake's checkout, paying there sends signed webhooks to the store, and the
 * store keeps one entitlement per order, subscription and benefit however often and in
 * whatever order the webhooks come.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.access-token=")
class StoreFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	FakePolar fake;

	@Autowired
	EntitlementRepository entitlements;

	@Autowired
	JdbcClient jdbc;

	@Value("${polar.webhook.secret}")
	String webhookSecret;

	/**
	 * A sender to the store's endpoint with the store's secret, for deliveries the fake
	 * would not make.
	 */
	private PolarWebhookTestClient webhooks() {
		return PolarWebhookTestClient.to(URI.create("http://localhost:" + this.port + "/polar/webhooks"),
				this.webhookSecret);
	}

	private String shopperId(StoreVisitor visitor) {
		return visitor.get("/account").text("shopper");
	}

	private long rows(String sourceId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM entitlement WHERE source_id = ?")
			.param(sourceId)
			.query(Long.class)
			.single();
	}

	@Test
	void catalogListsPolarsProductsWithTheirPrices() {
		StoreVisitor.Page catalog = new StoreVisitor(this.port).get("/");
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(catalog.body()).contains("<h2>Starter Kit</h2>", "$19.00", "<h2>Pro Plan</h2>", "$9.00 / month",
				"<h2>Desktop License</h2>", "$49.00", "Offline mode");
	}

	@Test
	void buyRedirectsToTheCheckoutForThisShopper() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		StoreVisitor.Page buy = visitor.post("/buy", "productId", this.fake.product("Starter Kit").id());
		assertThat(buy.status()).isEqualTo(302);
		assertThat(buy.location()).startsWith(this.fake.baseUrl() + "/checkout/polar_c_");
		StoreVisitor.Page checkout = visitor.get(buy.location());
		assertThat(checkout.text("product")).isEqualTo("Starter Kit");
		assertThat(shopper).startsWith("guest-");
		assertThat(this.fake.checkouts()).filteredOn((each) -> shopper.equals(each.externalCustomerId()))
			.singleElement()
			.satisfies((each) -> assertThat(each.status().value()).isEqualTo("open"));
	}

	@Test
	void payingDeliversWebhooksAndGrantsAccess() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		StoreVisitor.Page success = visitor.buyAndPay(this.fake.product("Pro Plan").id(), "ada@example.com");
		assertThat(success.text("confirmation")).startsWith("Your checkout for Pro Plan is succeeded");
		List<FakeWebhookDelivery> sent = this.fake.webhooks()
			.stream()
			.filter((webhook) -> webhook.payload().contains(shopper))
			.toList();
		assertThat(sent).extracting(FakeWebhookDelivery::type)
			.contains("order.paid", "subscription.created", "subscription.active", "benefit_grant.created");
		assertThat(sent).extracting(FakeWebhookDelivery::status).containsOnly(202);
		assertThat(this.entitlements.findByExternalCustomerId(shopper))
			.extracting(Entitlement::name, Entitlement::kind, Entitlement::active)
			.containsExactlyInAnyOrder(tuple("Pro Plan", Entitlement.Kind.SUBSCRIPTION, true),
					tuple("Pro member area", Entitlement.Kind.BENEFIT, true));
		StoreVisitor.Page account = visitor.get("/account");
		assertThat(account.text("entitlements")).contains("Pro Plan Subscription Active Renews",
				"Pro member area Benefit Active");
	}

	@Test
	void aLicenseKeyPurchaseShowsTheKey() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay(this.fake.product("Desktop License").id(), "grace@example.com");
		String displayKey = this.fake.licenseKeys()
			.stream()
			.filter((key) -> key.customer().externalId().equals(shopper))
			.findFirst()
			.orElseThrow()
			.displayKey();
		assertThat(visitor.get("/account").text("entitlements")).contains("Desktop License Purchase Active",
				"Desktop license key Benefit Active License key " + displayKey);
	}

	@Test
	void anEntitlementIsStoredOnceHoweverOftenItsWebhookComes() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "guest-twice");
		FakeWebhookDelivery orderPaid = purchase.webhooks()
			.stream()
			.filter((webhook) -> webhook.type().equals("order.paid"))
			.findFirst()
			.orElseThrow();
		assertThat(rows(purchase.order().id())).isEqualTo(1);

		// Polar's retry: the same webhook-id, deduplicated by the starter.
		assertThat(this.fake.redeliver(orderPaid.webhookId())).isEqualTo(202);
		// The same event under a new webhook-id (a manual redelivery): the store's upsert
		// holds.
		PolarWebhookTestClient webhooks = webhooks();
		assertThat(webhooks.sendJson(orderPaid.payload())).isEqualTo(202);
		assertThat(webhooks.sendJson(orderPaid.payload())).isEqualTo(202);

		assertThat(rows(purchase.order().id())).isEqualTo(1);
		assertThat(this.entitlements.findByExternalCustomerId("guest-twice")).extracting(Entitlement::name)
			.containsExactlyInAnyOrder("Starter Kit", "Starter Kit downloads");
	}

	@Test
	void cancellingASubscriptionEndsAccessAndALateOldEventDoesNotRestoreIt() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Pro Plan").id(), "guest-cancels");
		this.fake.cancelSubscription(purchase.subscription().id(), false);
		assertThat(this.entitlements.findByExternalCustomerId("guest-cancels"))
			.filteredOn((entitlement) -> entitlement.kind() == Entitlement.Kind.SUBSCRIPTION)
			.singleElement()
			.satisfies((entitlement) -> {
				assertThat(entitlement.active()).isTrue();
				assertThat(entitlement.detail()).startsWith("Canceled, access until");
			});
		this.fake.cancelSubscription(purchase.subscription().id(), true);
		assertThat(this.entitlements.findByExternalCustomerId("guest-cancels")).extracting(Entitlement::active)
			.containsOnly(false);

		// Webhooks are not ordered: the earlier subscription.active arriving now changes
		// nothing.
		SubscriptionActiveEvent late = purchase.event(SubscriptionActiveEvent.class);
		PolarWebhookTestClient webhooks = webhooks();
		assertThat(webhooks.sendJson(new String(PolarWebhookTestClient.payload(late), StandardCharsets.UTF_8)))
			.isEqualTo(202);
		assertThat(this.entitlements.findByExternalCustomerId("guest-cancels")).extracting(Entitlement::active)
			.containsOnly(false);
	}

	@Test
	void forgedWebhooksGrantNothing() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "guest-forger");
		this.jdbc.sql("DELETE FROM entitlement WHERE external_customer_id = 'guest-forger'").update();
		PolarWebhookTestClient webhooks = webhooks();
		assertThat(webhooks.sendWithBadSignature(purchase.event(OrderPaidEvent.class))).isEqualTo(403);
		assertThat(this.entitlements.findByExternalCustomerId("guest-forger")).isEmpty();
	}

	@Test
	void accountLinksToTheCustomerPortalAfterAPurchase() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		StoreVisitor.Page before = visitor.post("/account/portal", "x", "y");
		assertThat(before.location()).endsWith("/account");
		assertThat(visitor.get("/account").body()).contains("the customer portal opens after a purchase");
		visitor.buyAndPay(this.fake.product("Starter Kit").id(), "ada@example.com");
		StoreVisitor.Page portal = visitor.post("/account/portal", "x", "y");
		assertThat(portal.location()).startsWith(this.fake.baseUrl() + "/portal?customer_session_token=polar_cst_");
		StoreVisitor.Page portalPage = visitor.get(portal.location());
		assertThat(portalPage.body()).contains("Starter Kit, $19.00, paid",
				"href=\"http://localhost:" + this.port + "/account\"");
	}

	@Test
	void successPageShowsOnlyTheShoppersOwnCheckout() {
		FakePurchase someoneElse = this.fake.purchase(this.fake.product("Starter Kit").id(), "guest-other");
		StoreVisitor visitor = new StoreVisitor(this.port);
		StoreVisitor.Page page = visitor.get("/success?checkout_id=" + someoneElse.checkout().id());
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/account");
	}

}
