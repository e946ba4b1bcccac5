package dev.polarspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.BenefitGrantWebhook;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.Customer;
import dev.polarspring.client.model.LicenseKeyRead;
import dev.polarspring.client.model.Meter;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.model.Subscription;

/**
 * A fake Polar API on WireMock, for tests and for running an application offline. It
 * keeps state like Polar does: checkouts created through the API can be paid on the
 * fake's checkout page (or with {@link #pay(String)}), which creates the customer, order,
 * subscription, benefit grants and license keys, and sends the webhooks Polar would send
 * to the application. Its customer portal page lists the customer's subscriptions, orders
 * and license keys.
 *
 * <pre>{@code
 * try (FakePolar fake = FakePolar.start()) {
 *     PolarClient polar = PolarClient.builder().baseUrl(fake.baseUrl()).accessToken(FakePolar.ACCESS_TOKEN).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>
 * Answers realistic, typed JSON for products (list, get), checkouts (create, get),
 * checkout links (create, list, get), customers (list, get, get by external id, state),
 * customer sessions (create), orders and subscriptions (list with filters, get), events
 * (ingest, checked and deduplicated as Polar does), meters (list, get; their readings in
 * the customer state) and license keys (list, get with activations, validate, activate,
 * deactivate). Every call needs a bearer token, any token. Errors on demand with
 * {@link #fail(String, FakeError)} and {@link #failNext(String, FakeError)}; anything
 * else with WireMock stubs on {@link #wireMock()}, which take precedence over the fake's
 * own answers.
 */
public final class FakePolar implements AutoCloseable {

	/** A token to configure the client with; the fake accepts any bearer token. */
	public static final String ACCESS_TOKEN = "polar_oat_fake_polar_access_token";

	/**
	 * The organization the fake's catalog belongs to, unless the builder says otherwise.
	 */
	public static final String DEFAULT_ORGANIZATION_ID = "1dbfc517-0bbf-4301-9ba8-555ca42b9737";

	private static final Log logger = LogFactory.getLog(FakePolar.class);

	private static final Pattern ROUTE = Pattern.compile("^(GET|POST|PATCH|PUT|DELETE) (/\\S*)$");

	private static final int ERROR_PRIORITY = 1;

	private static final int FAKE_PRIORITY = 10;

	private final WireMockServer server;

	private final FakePolarState state;

	private final Clock clock;

	private final List<FakeWebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger scenarios = new AtomicInteger();

	private final FakeFaults faults;

	private volatile @Nullable PolarWebhookTestClient webhookTarget;

	private FakePolar(Builder builder) {
		this.clock = builder.clock;
		this.state = new FakePolarState(builder.products, builder.meters, builder.organizationId, builder.clock,
				builder.seed);
		this.faults = new FakeFaults(builder.seed);
		this.webhookTarget = builder.webhookTarget;
		FakePolarApi api = new FakePolarApi(this.state, this::send);
		this.server = new WireMockServer(WireMockConfiguration.options()
			.port(builder.port)
			.bindAddress("127.0.0.1")
			.templatingEnabled(false)
			.extensions(new FakePolarRouter(api, this.faults)));
	}

	/**
	 * Starts a fake with the default catalog ({@link FakeProduct#defaults()}) on a free
	 * port.
	 * @return the running fake; close it when done
	 */
	public static FakePolar start() {
		return builder().start();
	}

	/**
	 * Starts configuring a fake.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private FakePolar startServer() {
		this.server.start();
		this.state.baseUrl("http://localhost:" + this.server.port());
		stubFakeRoutes();
		return this;
	}

	private void stubFakeRoutes() {
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(FAKE_PRIORITY)
			.willReturn(ResponseDefinitionBuilder.responseDefinition().withTransformers(FakePolarRouter.NAME)));
	}

	/**
	 * Returns the base URL to configure the client with ({@code polar.base-url}).
	 * @return such as {@code http://localhost:54321}
	 */
	public String baseUrl() {
		return this.state.baseUrl();
	}

	/**
	 * Returns the port the fake listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Returns the WireMock server, for stubs of your own and for verifying requests. A
	 * stub added here answers in place of the fake's own answer for the requests it
	 * matches.
	 * @return the server
	 */
	public WireMockServer wireMock() {
		return this.server;
	}

	/**
	 * Returns the organization of the fake's catalog, as license key calls need it.
	 * @return the organization id
	 */
	public String organizationId() {
		return this.state.organizationId();
	}

	/**
	 * Returns the catalog.
	 * @return the products, as {@code GET /v1/products/} answers them
	 */
	public List<Product> products() {
		return decode(this.state.products(), Product.class);
	}

	/**
	 * Returns a product of the catalog by name.
	 * @param name the product name, such as {@code "Pro Plan"}
	 * @return the product
	 * @throws IllegalArgumentException when the catalog has no product of that name
	 */
	public Product product(String name) {
		for (Product product : products()) {
			if (product.name().equals(name)) {
				return product;
			}
		}
		throw new IllegalArgumentException("The fake Polar has no product named '" + name + "'; it has "
				+ products().stream().map(Product::name).toList());
	}

	/**
	 * Returns the checkouts created so far.
	 * @return the checkouts, oldest first
	 */
	public List<Checkout> checkouts() {
		return decode(this.state.checkouts(), Checkout.class);
	}

	/**
	 * Returns a checkout.
	 * @param id the checkout id
	 * @return the checkout
	 * @throws IllegalArgumentException when there is no such checkout
	 */
	public Checkout checkout(String id) {
		return decode(found(() -> this.state.checkout(id), "checkout", id), Checkout.class);
	}

	/**
	 * Returns the customers created so far.
	 * @return the customers, oldest first
	 */
	public List<Customer> customers() {
		return decode(this.state.customers(), Customer.class);
	}

	/**
	 * Returns the orders created so far.
	 * @return the orders, oldest first
	 */
	public List<Order> orders() {
		return decode(this.state.orders(), Order.class);
	}

	/**
	 * Returns the subscriptions created so far.
	 * @return the subscriptions, oldest first
	 */
	public List<Subscription> subscriptions() {
		return decode(this.state.subscriptions(), Subscription.class);
	}

	/**
	 * Returns the benefit grants created so far.
	 * @return the grants, oldest first
	 */
	public List<BenefitGrantWebhook> benefitGrants() {
		return decode(this.state.benefitGrants(), BenefitGrantWebhook.class);
	}

	/**
	 * Returns the license keys issued so far.
	 * @return the keys, oldest first
	 */
	public List<LicenseKeyRead> licenseKeys() {
		return decode(this.state.licenseKeys(), LicenseKeyRead.class);
	}

	/**
	 * Returns the meters, in the order the builder was given them.
	 * @return the meters, as {@code GET /v1/meters/} answers them
	 */
	public List<Meter> meters() {
		return decode(this.state.meters(), Meter.class);
	}

	/**
	 * Returns the events ingested so far, as sent (with the {@code id} the fake gave them
	 * and a {@code timestamp} where the sender gave none).
	 * @return the events as JSON, oldest first
	 */
	public List<JsonNode> ingestedEvents() {
		return List.copyOf(this.state.events());
	}

	/**
	 * Pays an open checkout as the "Pay" button of the fake's checkout page does, and
	 * sends the webhooks for it.
	 * @param checkoutId the checkout id
	 * @return what the payment created
	 * @throws IllegalArgumentException when there is no such checkout
	 * @throws IllegalStateException when the checkout is not open
	 */
	public FakePurchase pay(String checkoutId) {
		ObjectNode checkout = found(() -> this.state.checkout(checkoutId), "checkout", checkoutId);
		if (!checkout.get("status").asString().equals("open")) {
			throw new IllegalStateException(
					"Checkout " + checkoutId + " is " + checkout.get("status").asString() + ", not open");
		}
		FakePolarState.Purchase purchase = this.state.pay(checkout.get("client_secret").asString(), null);
		List<FakeWebhookDelivery> sent = send(purchase.webhooks());
		return new FakePurchase(decode(purchase.checkout(), Checkout.class),
				decode(purchase.customer(), Customer.class), decode(purchase.order(), Order.class),
				(purchase.subscription() != null) ? decode(purchase.subscription(), Subscription.class) : null,
				decode(purchase.benefitGrants(), BenefitGrantWebhook.class),
				decode(purchase.licenseKeys(), LicenseKeyRead.class), sent);
	}

	/**
	 * Creates a checkout for a product and pays it: a customer with this external id owns
	 * the product afterwards. For tests that start from a customer who already bought
	 * something.
	 * @param productId the product id
	 * @param externalCustomerId the application's id of the customer, such as its user id
	 * @return what the payment created
	 */
	public FakePurchase purchase(String productId, String externalCustomerId) {
		ObjectNode body = PolarDocuments.object();
		body.putArray("products").add(productId);
		body.put("external_customer_id", externalCustomerId);
		body.put("customer_email", externalCustomerId.replaceAll("[^A-Za-z0-9._-]", "") + "@example.com");
		ObjectNode checkout;
		try {
			checkout = this.state.createCheckout(CheckoutRequest.of(body));
		}
		catch (FakeApiException ex) {
			throw new IllegalArgumentException("The fake Polar has no product with id '" + productId + "'", ex);
		}
		return pay(checkout.get("id").asString());
	}

	/**
	 * Cancels a subscription as the customer portal would, and sends the webhooks for it.
	 * @param subscriptionId the subscription id
	 * @param immediately {@code false} to cancel at the end of the period
	 * ({@code subscription.updated} and {@code subscription.canceled}; it stays active),
	 * {@code true} to end it now (also {@code subscription.revoked} and
	 * {@code benefit_grant.revoked})
	 * @return the webhooks sent
	 */
	public List<FakeWebhookDelivery> cancelSubscription(String subscriptionId, boolean immediately) {
		found(() -> this.state.subscription(subscriptionId), "subscription", subscriptionId);
		return send(this.state.cancelSubscription(subscriptionId, immediately));
	}

	/**
	 * Sets where the fake sends its webhooks. Without a target the fake still records
	 * them (see {@link #webhooks()}) but sends nothing.
	 * @param client a client for the application's endpoint and secret, or {@code null}
	 * for none
	 */
	public void deliverWebhooksTo(@Nullable PolarWebhookTestClient client) {
		this.webhookTarget = client;
	}

	/**
	 * Returns the webhooks the fake has sent since it started or was reset.
	 * @return the deliveries, oldest first, each with the status of its last attempt
	 */
	public List<FakeWebhookDelivery> webhooks() {
		synchronized (this.deliveries) {
			return List.copyOf(this.deliveries);
		}
	}

	/**
	 * Sends a webhook again with the same {@code webhook-id}, as Polar's retries and
	 * manual redeliveries do.
	 * @param webhookId the {@code webhook-id} of an earlier delivery
	 * @return the HTTP status the application answered with
	 * @throws IllegalArgumentException when the fake sent no such webhook
	 * @throws IllegalStateException when the fake has no target to send to
	 */
	public int redeliver(String webhookId) {
		PolarWebhookTestClient target = this.webhookTarget;
		Assert.state(target != null, "The fake Polar has no webhook target; call deliverWebhooksTo(...) first");
		synchronized (this.deliveries) {
			for (int i = 0; i < this.deliveries.size(); i++) {
				FakeWebhookDelivery delivery = this.deliveries.get(i);
				if (delivery.webhookId().equals(webhookId)) {
					int status = target.deliver(webhookId, delivery.payload().getBytes(StandardCharsets.UTF_8));
					this.deliveries.set(i, delivery.withStatus(status));
					return status;
				}
			}
		}
		throw new IllegalArgumentException("The fake Polar sent no webhook with id '" + webhookId + "'");
	}

	/**
	 * Answers every request to a route with an error, until {@link #reset()}.
	 * @param route the method and path, such as {@code "GET /v1/products/{id}"};
	 * {@code {name}} matches one path segment
	 * @param error the answer
	 */
	public void fail(String route, FakeError error) {
		this.server.stubFor(mapping(route).atPriority(ERROR_PRIORITY).willReturn(response(error)));
	}

	/**
	 * Answers the next request to a route with an error; later requests get the fake's
	 * usual answer.
	 * @param route the method and path, such as {@code "POST /v1/checkouts/"}
	 * @param error the answer
	 */
	public void failNext(String route, FakeError error) {
		failNext(1, route, error);
	}

	/**
	 * Answers the next requests to a route with an error, such as two 503s before a
	 * success to test retries; later requests get the fake's usual answer.
	 * @param times how many requests fail; at least 1
	 * @param route the method and path, such as {@code "GET /v1/products/"}
	 * @param error the answer
	 */
	public void failNext(int times, String route, FakeError error) {
		Assert.isTrue(times >= 1, () -> "times must be at least 1, was " + times);
		String scenario = "fake-polar-failure-" + this.scenarios.incrementAndGet();
		for (int i = 0; i < times; i++) {
			String state = (i == 0) ? Scenario.STARTED : "failed-" + i;
			this.server.stubFor(mapping(route).atPriority(ERROR_PRIORITY)
				.inScenario(scenario)
				.whenScenarioStateIs(state)
				.willSetStateTo("failed-" + (i + 1))
				.willReturn(response(error)));
		}
	}

	/**
	 * Answers a share of the requests to a route with an error, chosen at random (seeded,
	 * so a run repeats), until {@link #reset()}; the others get the fake's usual answer.
	 * A failed request changes nothing, as with Polar's 429 and 503. For retries against
	 * a flaky Polar:
	 *
	 * <pre>{@code
	 * fake.failSome("POST /v1/events/ingest", 0.2, FakeError.serverError(503));
	 * }</pre>
	 * @param route the method and path, such as {@code "POST /v1/events/ingest"}
	 * @param share the share of requests that fail, above 0 and at most 1
	 * @param error the answer
	 */
	public void failSome(String route, double share, FakeError error) {
		this.faults.failSome(route, share, error);
	}

	/**
	 * Handles the next requests to a route as usual, keeping what they create, but sends
	 * the answer only after a delay: a client with a shorter read timeout sees a timeout
	 * for a request that took effect, as when a network loses Polar's answer.
	 * @param times how many requests are answered late; at least 1
	 * @param route the method and path, such as {@code "POST /v1/events/ingest"}
	 * @param delay how late
	 */
	public void delayNext(int times, String route, Duration delay) {
		this.faults.delayNext(times, route, delay);
	}

	/**
	 * Answers every request to a route with a JSON body of your own, until
	 * {@link #reset()}. For anything more, stub on {@link #wireMock()}.
	 * @param route the method and path, such as {@code "GET /v1/products/{id}"}
	 * @param status the HTTP status
	 * @param json the body
	 */
	public void respond(String route, int status, String json) {
		this.server.stubFor(mapping(route).atPriority(ERROR_PRIORITY).willReturn(response(FakeError.of(status, json))));
	}

	private static MappingBuilder mapping(String route) {
		var matcher = ROUTE.matcher(route.trim());
		Assert.isTrue(matcher.matches(),
				() -> "route must be a method and a path such as 'GET /v1/products/{id}', was '" + route + "'");
		String path = matcher.group(2);
		String trimmed = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		String regex = Pattern.quote(trimmed).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "/?";
		return WireMock.request(matcher.group(1).toUpperCase(Locale.ROOT), WireMock.urlPathMatching(regex));
	}

	private static ResponseDefinitionBuilder response(FakeError error) {
		ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(error.status())
			.withHeader("Content-Type", "application/json")
			.withBody(error.body());
		error.headers().forEach(response::withHeader);
		return response;
	}

	/**
	 * Forgets everything created since the start (checkouts, customers, orders,
	 * subscriptions, grants, keys, sessions, events, webhooks), removes stubs and faults
	 * added since, and clears WireMock's request journal. The catalog, the meters and the
	 * webhook target stay.
	 */
	public void reset() {
		this.server.resetAll();
		stubFakeRoutes();
		this.state.reset();
		this.faults.reset();
		this.deliveries.clear();
	}

	/**
	 * Stops the server.
	 */
	@Override
	public void close() {
		this.server.stop();
	}

	private List<FakeWebhookDelivery> send(List<FakePolarState.Webhook> webhooks) {
		PolarWebhookTestClient target = this.webhookTarget;
		List<FakeWebhookDelivery> sent = new ArrayList<>();
		for (FakePolarState.Webhook webhook : webhooks) {
			Instant timestamp = this.clock.instant();
			String payload = PolarDocuments.webhookPayload(webhook.type(), timestamp, webhook.data()).toString();
			FakeWebhookDelivery delivery = new FakeWebhookDelivery(PolarWebhookTestClient.newWebhookId(),
					webhook.type(), payload, timestamp, 0);
			if (target != null) {
				delivery = delivery.withStatus(deliver(target, delivery));
			}
			this.deliveries.add(delivery);
			sent.add(delivery);
		}
		return sent;
	}

	private static int deliver(PolarWebhookTestClient target, FakeWebhookDelivery delivery) {
		try {
			int status = target.deliver(delivery.webhookId(), delivery.payload().getBytes(StandardCharsets.UTF_8));
			if (logger.isDebugEnabled()) {
				logger.debug("Sent " + delivery.type() + " " + delivery.webhookId() + " to " + target + ": " + status);
			}
			return status;
		}
		catch (UndeliverableWebhookException ex) {
			throw new UndeliverableWebhookException(
					"The fake Polar could not send " + delivery.type() + " to the application. " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// Like Polar, a failed delivery does not fail the payment; the status 0 tells
			// the test.
			logger.warn("Could not send " + delivery.type() + " to " + target + ": " + ex.getMessage());
			return 0;
		}
	}

	private static ObjectNode found(Supplier<ObjectNode> lookup, String what, String id) {
		try {
			return lookup.get();
		}
		catch (FakeApiException ex) {
			throw new IllegalArgumentException("The fake Polar has no " + what + " with id '" + id + "'", ex);
		}
	}

	private static <T> T decode(JsonNode document, Class<T> type) {
		return PolarJson.mapper().treeToValue(document, type);
	}

	private static <T> List<T> decode(List<ObjectNode> documents, Class<T> type) {
		List<T> decoded = new ArrayList<>();
		documents.forEach((document) -> decoded.add(decode(document, type)));
		return List.copyOf(decoded);
	}

	@Override
	public String toString() {
		return "FakePolar{" + baseUrl() + "}";
	}

	/**
	 * Configures a {@link FakePolar}.
	 */
	public static final class Builder {

		private List<FakeProduct> products = FakeProduct.defaults();

		private List<FakeMeter> meters = FakeMeter.defaults();

		private int port;

		private String organizationId = DEFAULT_ORGANIZATION_ID;

		private Clock clock = Clock.systemUTC();

		private long seed = 20261001L;

		private @Nullable PolarWebhookTestClient webhookTarget;

		private Builder() {
		}

		/**
		 * Sets the catalog, in place of {@link FakeProduct#defaults()}.
		 * @param products the products, in the order the products list answers them
		 * @return this builder
		 */
		public Builder products(FakeProduct... products) {
			return products(List.of(products));
		}

		/**
		 * Sets the catalog, in place of {@link FakeProduct#defaults()}.
		 * @param products the products, in the order the products list answers them
		 * @return this builder
		 */
		public Builder products(List<FakeProduct> products) {
			this.products = List.copyOf(products);
			return this;
		}

		/**
		 * Sets the meters, which read the ingested events; none by default.
		 * @param meters the meters, in the order the meters list answers them
		 * @return this builder
		 */
		public Builder meters(FakeMeter... meters) {
			this.meters = List.of(meters);
			return this;
		}

		/**
		 * Sets the port. Defaults to a free port.
		 * @param port the port, or {@code 0} for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, () -> "port must be between 0 and 65535, was " + port);
			this.port = port;
			return this;
		}

		/**
		 * Sets the organization the catalog belongs to.
		 * @param organizationId the organization id
		 * @return this builder
		 */
		public Builder organizationId(String organizationId) {
			Assert.hasText(organizationId, "organizationId must not be empty");
			this.organizationId = organizationId;
			return this;
		}

		/**
		 * Sets the clock for every timestamp the fake writes.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Sets the seed of the ids the fake hands out: the same seed and catalog give the
		 * same ids.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Sets where the fake sends its webhooks from the start; see
		 * {@link FakePolar#deliverWebhooksTo(PolarWebhookTestClient)}.
		 * @param client a client for the application's endpoint and secret
		 * @return this builder
		 */
		public Builder deliverWebhooksTo(PolarWebhookTestClient client) {
			this.webhookTarget = client;
			return this;
		}

		/**
		 * Starts the fake.
		 * @return the running fake; close it when done
		 */
		public FakePolar start() {
			return new FakePolar(this).startServer();
		}

	}

}
