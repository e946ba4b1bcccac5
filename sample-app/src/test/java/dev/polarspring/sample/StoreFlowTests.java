package dev.polarspring.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.Subscription;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.SubscriptionActiveEvent;
import dev.polarspring.test.FakePolar;
import dev.polarspring.test.FakePurchase;
import dev.polarspring.test.FakeWebhookDelivery;
import dev.polarspring.test.PolarWebhookTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store offline, end to end over HTTP on a real port: the catalog comes from the fake
 * Polar, "Buy" goes through the starter's checkout endpoint to the fake's checkout,
 * paying there sends signed webhooks to the store, and the account page shows what the
 * shopper owns, read through the starter's entitlements. Webhooks are processed durably:
 * answered once stored, dispatched a moment later, so what they change is awaited.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "polar.access-token=")
class StoreFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	FakePolar fake;

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

	private static String shopperId(StoreVisitor visitor) {
		return visitor.get("/account").text("shopper");
	}

	private List<FakeWebhookDelivery> webhooksAbout(String shopper) {
		return this.fake.webhooks().stream().filter((webhook) -> webhook.payload().contains(shopper)).toList();
	}

	/**
	 * Waits for the account page to read right: webhooks are processed after they are
	 * answered, so what they change shows a moment later.
	 */
	private static void awaitAccount(StoreVisitor visitor, Consumer<StoreVisitor.Page> assertion) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertion.accept(visitor.get("/account")));
	}

	@Test
	void catalogListsPolarsProductsWithTheirPricesAndBuyLinks() {
		StoreVisitor.Page catalog = new StoreVisitor(this.port).get("/");
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(catalog.body()).contains("<h2>Starter Kit</h2>", "$19.00", "<h2>Pro Plan</h2>", "$9.00 / month",
				"<h2>Desktop License</h2>", "$49.00", "Offline mode", "href=\"/polar/checkout?products=starter\"",
				"href=\"/polar/checkout?products=pro\"", "href=\"/polar/checkout?products=desktop\"");
	}

	@Test
	void buyGoesThroughTheStartersCheckoutEndpointForThisShopper() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		StoreVisitor.Page buy = visitor.buy("starter");
		assertThat(buy.status()).isEqualTo(303);
		assertThat(buy.location()).startsWith(this.fake.baseUrl() + "/checkout/polar_c_");
		assertThat(visitor.get(buy.location()).text("product")).isEqualTo("Starter Kit");
		assertThat(shopper).startsWith("guest-");
		assertThat(this.fake.checkouts()).filteredOn((each) -> shopper.equals(each.externalCustomerId()))
			.singleElement()
			.satisfies((checkout) -> {
				assertThat(checkout.productId()).isEqualTo(this.fake.product("Starter Kit").id());
				assertThat(checkout.status().value()).isEqualTo("open");
				assertThat(checkout.successUrl())
					.isEqualTo("http://localhost:" + this.port + "/success?checkout_id={CHECKOUT_ID}");
			});
	}

	@Test
	void anUnknownProductIsAPlainBadRequest() {
		StoreVisitor.Page buy = new StoreVisitor(this.port).buy("nope");
		assertThat(buy.status()).isEqualTo(400);
		assertThat(buy.body()).isEqualTo("There is no product 'nope'.\n");
	}

	@Test
	void payingDeliversWebhooksAndTheAccountShowsTheAccess() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		assertThat(visitor.get("/account").text("nothing-yet")).startsWith("You have not bought anything yet.");
		StoreVisitor.Page success = visitor.buyAndPay("pro", "ada@example.com");
		assertThat(success.text("confirmation")).isEqualTo("Your payment for Pro Plan went through.");
		assertThat(webhooksAbout(shopper)).extracting(FakeWebhookDelivery::type)
			.contains("order.paid", "subscription.created", "subscription.active", "benefit_grant.created",
					"customer.state_changed");
		assertThat(webhooksAbout(shopper)).extracting(FakeWebhookDelivery::status).containsOnly(202);
		awaitAccount(visitor, (account) -> assertThat(account.text("owned"))
			.contains("Product Access What it gives you", "Pro Plan Subscription Active, renews", "Pro member area"));
	}

	@Test
	void theWebhooksPanelShowsOrderPaidArriveAndTheAccessAppear() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		assertThat(visitor.get("/account").text("no-webhooks")).isEqualTo("None yet: they arrive when you pay.");
		StoreVisitor.Page success = visitor.buyAndPay("pro", "ada@example.com");
		FakeWebhookDelivery orderPaid = webhooksAbout(shopper).stream()
			.filter((webhook) -> webhook.type().equals("order.paid"))
			.findFirst()
			.orElseThrow();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			StoreVisitor.Page page = visitor.get(success.url());
			assertThat(page.text("access")).isEqualTo("Polar's order.paid webhook has arrived: your access is ready.");
			assertThat(page.body()).doesNotContain("http-equiv=\"refresh\"");
			assertThat(page.text("webhooks")).contains(
					"order.paid " + orderPaid.webhookId() + " The order for Pro Plan was paid: $9.00.",
					"subscription.active", "benefit_grant.created", "Benefit granted: Pro member area.",
					"customer.state_changed", "Your access changed: you now have 1 active subscription and 1 benefit.");
		});
		assertThat(visitor.get("/account").text("webhooks")).contains("Time Event Webhook id Outcome",
				"order.paid " + orderPaid.webhookId() + " The order for Pro Plan was paid: $9.00.", "checkout.updated",
				"The checkout for Pro Plan was paid.");
	}

	@Test
	void webhooksAreStoredInTheInboxAndProcessedByItsWorkers() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay("starter", "ada@example.com");
		List<String> ids = webhooksAbout(shopper).stream().map(FakeWebhookDelivery::webhookId).toList();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(5);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids).allSatisfy(
					(id) -> assertThat(this.jdbc.sql("SELECT status FROM polar_webhook_inbox WHERE delivery_id = ?")
						.param(id)
						.query(String.class)
						.optional()).contains("PROCESSED")));
	}

	@Test
	void aLicenseKeyIsShownInFullToItsOwnerWithACopyButtonAndInThePortal() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay("desktop", "grace@example.com");
		String key = this.fake.licenseKeys()
			.stream()
			.filter((licenseKey) -> shopper.equals(licenseKey.customer().externalId()))
			.findFirst()
			.orElseThrow()
			.key();
		awaitAccount(visitor, (account) -> {
			assertThat(account.text("owned"))
				.contains("Desktop License Purchase Paid Desktop license key " + key + " Copy");
			assertThat(account.body()).contains("<code class=\"license-key\" id=\"key-0\">" + key + "</code>",
					"<button type=\"button\" class=\"copy\" data-copy=\"key-0\">Copy</button>");
		});
		StoreVisitor.Page portal = visitor.get(visitor.get("/polar/portal").location());
		assertThat(portal.text("license-keys")).isEqualTo(key + " , granted, 0 of 3 activations");
	}

	@Test
	void theNextCheckoutStartsWithTheEmailTheGuestPaidWith() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		StoreVisitor.Page first = visitor.get(visitor.buy("starter").location());
		assertThat(first.body()).contains("name=\"customer_email\" value=\"\"");
		visitor.buyAndPay("starter", "grace@example.com");
		// Remembered from Polar's customer.created, which the inbox's workers process.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(visitor.get(visitor.buy("pro").location()).body())
				.contains("name=\"customer_email\" value=\"grace@example.com\""));
	}

	@Test
	void pagesHaveAnIconAndNothingTheyLoadIsMissing() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		assertThat(visitor.get("/").body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">",
				"<link rel=\"stylesheet\" href=\"/style.css\">", "<script src=\"/copy.js\" defer></script>");
		assertThat(visitor.get("/favicon.svg").status()).isEqualTo(200);
		assertThat(visitor.get("/style.css").status()).isEqualTo(200);
		assertThat(visitor.get("/copy.js").status()).isEqualTo(200);
		// Asked for by browsers on pages without a link, such as the endpoints' plain
		// answers.
		assertThat(visitor.get("/favicon.ico").status()).isEqualTo(200);
	}

	@Test
	void aDownloadIsMeteredAndTheAccountShowsPolarsCount() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay("starter", "ada@example.com");
		awaitAccount(visitor, (account) -> {
			assertThat(account.body()).contains("<button type=\"submit\" id=\"download\">Download the kit</button>");
			assertThat(account.text("no-usage")).isEqualTo("No downloads counted yet.");
		});
		for (int i = 0; i < 2; i++) {
			StoreVisitor.Page download = visitor.post("/downloads/starter-kit");
			assertThat(download.status()).isEqualTo(200);
			assertThat(download.contentDisposition()).isEqualTo("attachment; filename=\"starter-kit.md\"");
			assertThat(download.body()).startsWith("# Starter Kit");
		}
		awaitAccount(visitor,
				(account) -> assertThat(account.text("usage")).contains("Downloads : 2 this billing period"));
		assertThat(this.fake.ingestedEvents())
			.filteredOn((event) -> shopper.equals(event.path("external_customer_id").asString()))
			.hasSize(2)
			.allSatisfy((event) -> {
				assertThat(event.get("name").asString()).isEqualTo("download");
				assertThat(event.get("metadata").get("file").asString()).isEqualTo("starter-kit.md");
			});
	}

	@Test
	void withoutTheBenefitADownloadIsRefusedAndNotMetered() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay("pro", "ada@example.com");
		StoreVisitor.Page download = visitor.post("/downloads/starter-kit");
		assertThat(download.status()).isEqualTo(403);
		assertThat(download.body()).isEqualTo("The Starter Kit downloads come with the Starter Kit: buy it first.\n");
		assertThat(this.fake.ingestedEvents())
			.noneMatch((event) -> shopper.equals(event.path("external_customer_id").asString()));
	}

	@Test
	void aWebhookDeliveredAgainChangesNothing() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay("starter", "ada@example.com");
		FakeWebhookDelivery orderPaid = webhooksAbout(shopper).stream()
			.filter((webhook) -> webhook.type().equals("order.paid"))
			.findFirst()
			.orElseThrow();
		// Polar's retry: the same webhook-id, deduplicated by the starter.
		assertThat(this.fake.redeliver(orderPaid.webhookId())).isEqualTo(202);
		// The same event under a new webhook-id (a manual redelivery).
		PolarWebhookTestClient webhooks = webhooks();
		assertThat(webhooks.sendJson(orderPaid.payload())).isEqualTo(202);
		assertThat(webhooks.sendJson(orderPaid.payload())).isEqualTo(202);
		awaitAccount(visitor, (account) -> assertThat(account.text("owned")).isEqualTo(
				"Product Access What it gives you Starter Kit Purchase Paid Starter Kit downloads Download the kit"));
		// Once in the panel for its webhook-id: the redelivery was not dispatched again.
		awaitAccount(visitor,
				(account) -> assertThat(account.text("webhooks").split(orderPaid.webhookId(), -1)).hasSize(2));
	}

	@Test
	void cancellingASubscriptionEndsAccessAndALateOlderEventDoesNotBringItBack() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buyAndPay("pro", "ada@example.com");
		Subscription subscription = this.fake.subscriptions()
			.stream()
			.filter((each) -> shopper.equals(each.customer().externalId()))
			.findFirst()
			.orElseThrow();
		awaitAccount(visitor, (account) -> assertThat(account.text("owned")).contains("Active, renews"));

		this.fake.cancelSubscription(subscription.id(), false);
		awaitAccount(visitor, (account) -> assertThat(account.text("owned"))
			.contains("Pro Plan Subscription Canceled, access until"));

		this.fake.cancelSubscription(subscription.id(), true);
		awaitAccount(visitor, (account) -> assertThat(account.text("owned"))
			.contains("Pro Plan Subscription Ended Nothing any more"));

		// Webhooks are not ordered: the earlier subscription.active arriving now changes
		// nothing.
		SubscriptionActiveEvent late = this.fake.webhooks()
			.stream()
			.filter((webhook) -> webhook.type().equals("subscription.active") && webhook.payload().contains(shopper))
			.findFirst()
			.map((webhook) -> (SubscriptionActiveEvent) webhook.event())
			.orElseThrow();
		assertThat(webhooks().sendJson(new String(PolarWebhookTestClient.payload(late), StandardCharsets.UTF_8)))
			.isEqualTo(202);
		assertThat(visitor.get("/account").text("owned")).contains("Pro Plan Subscription Ended Nothing any more");
	}

	@Test
	void forgedWebhooksAreRefusedAndNeverProcessed() {
		FakePurchase purchase = this.fake.purchase(this.fake.product("Starter Kit").id(), "guest-forger");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(activityCount("guest-forger")).isEqualTo(purchase.webhooks().size()));
		assertThat(webhooks().sendWithBadSignature(purchase.event(OrderPaidEvent.class))).isEqualTo(403);
		assertThat(activityCount("guest-forger")).isEqualTo(purchase.webhooks().size());
	}

	private long activityCount(String shopper) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_activity WHERE external_customer_id = ?")
			.param(shopper)
			.query(Long.class)
			.single();
	}

	@Test
	void manageBillingOpensTheCustomerPortalOnceTheShopperHasSomething() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		assertThat(visitor.get("/account").body()).doesNotContain("id=\"portal\"");
		StoreVisitor.Page before = visitor.get("/polar/portal");
		assertThat(before.status()).isEqualTo(404);
		assertThat(before.body()).contains("You have no billing account yet");

		visitor.buyAndPay("starter", "ada@example.com");
		awaitAccount(visitor, (account) -> assertThat(account.body())
			.contains("<a class=\"button\" href=\"/polar/portal\" id=\"portal\""));
		StoreVisitor.Page portal = visitor.get("/polar/portal");
		assertThat(portal.status()).isEqualTo(303);
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

	@Test
	void anUnpaidCheckoutSaysSoAndLinksBackToIt() {
		StoreVisitor visitor = new StoreVisitor(this.port);
		String shopper = shopperId(visitor);
		visitor.buy("starter");
		Checkout open = this.fake.checkouts()
			.stream()
			.filter((each) -> shopper.equals(each.externalCustomerId()))
			.findFirst()
			.orElseThrow();
		StoreVisitor.Page page = visitor.get("/success?checkout_id=" + open.id());
		assertThat(page.text("confirmation")).isEqualTo("Your checkout for Starter Kit is not paid yet.");
		assertThat(page.body()).contains("href=\"" + open.url() + "\"");
	}

}
