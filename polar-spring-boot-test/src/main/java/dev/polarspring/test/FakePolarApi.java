package dev.polarspring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;

/**
 * The HTTP face of the fake Polar: routes each request to the {@link FakePolarState} and
 * answers as Polar does (status, JSON, pagination, validation errors, 401 without a
 * token), and serves the checkout page, its payment form and the customer portal page.
 */
final class FakePolarApi {

	private static final int DEFAULT_LIMIT = 10;

	private static final int MAX_LIMIT = 100;

	private final FakePolarState state;

	private final Consumer<List<FakePolarState.Webhook>> outbox;

	private final List<Route> routes = new ArrayList<>();

	FakePolarApi(FakePolarState state, Consumer<List<FakePolarState.Webhook>> outbox) {
		this.state = state;
		this.outbox = outbox;
		api("GET", "/v1/products/", this::listProducts);
		api("GET", "/v1/products/{id}", (request, path) -> ok(state.product(path.get(0))));
		api("POST", "/v1/checkouts/", this::createCheckout);
		api("GET", "/v1/checkouts/{id}", (request, path) -> ok(state.checkout(path.get(0))));
		api("POST", "/v1/checkout-links/", this::createCheckoutLink);
		api("GET", "/v1/checkout-links/", (request, path) -> page(request, state.checkoutLinks(), List.of()));
		api("GET", "/v1/checkout-links/{id}", (request, path) -> ok(state.checkoutLink(path.get(0))));
		api("GET", "/v1/customers/", this::listCustomers);
		api("GET", "/v1/customers/{id}", (request, path) -> ok(state.customer(path.get(0))));
		api("GET", "/v1/customers/external/{external_id}",
				(request, path) -> ok(state.customerByExternalId(path.get(0))));
		api("GET", "/v1/customers/{id}/state", (request, path) -> ok(state.customerState(path.get(0))));
		api("GET", "/v1/customers/external/{external_id}/state", (request,
				path) -> ok(state.customerState(state.customerByExternalId(path.get(0)).get("id").asString())));
		api("POST", "/v1/customer-sessions/", this::createCustomerSession);
		api("GET", "/v1/orders/", this::listOrders);
		api("GET", "/v1/orders/{id}", (request, path) -> ok(state.order(path.get(0))));
		api("GET", "/v1/subscriptions/", this::listSubscriptions);
		api("GET", "/v1/subscriptions/{id}", (request, path) -> ok(state.subscription(path.get(0))));
		api("POST", "/v1/events/ingest", this::ingest);
		api("GET", "/v1/meters/", (request, path) -> page(request, state.meters(),
				List.of(filter("id", "id"), filter("organization_id", "organization_id"))));
		api("GET", "/v1/meters/{id}", (request, path) -> ok(state.meter(path.get(0))));
		api("GET", "/v1/license-keys/", (request, path) -> page(request, newestFirst(licenseKeyReads()),
				List.of(filter("benefit_id", "benefit_id"), filter("organization_id", "organization_id"))));
		api("GET", "/v1/license-keys/{id}", (request, path) -> ok(state.licenseKeyWithActivations(path.get(0))));
		api("POST", "/v1/license-keys/validate", this::validateLicenseKey);
		api("POST", "/v1/license-keys/activate", this::activateLicenseKey);
		api("POST", "/v1/license-keys/deactivate", this::deactivateLicenseKey);
		// The customer portal's license key operations need no token: desktop apps call
		// them.
		open("POST", "/v1/customer-portal/license-keys/validate", this::validateLicenseKey);
		open("POST", "/v1/customer-portal/license-keys/activate", this::activateLicenseKey);
		open("POST", "/v1/customer-portal/license-keys/deactivate", this::deactivateLicenseKey);
		open("GET", "/v1/checkout-links/{client_secret}/redirect", (request, path) -> FakeResponse.redirect(302,
				state.openCheckoutLink(path.get(0)).get("url").asString()));
		open("GET", "/checkout/{client_secret}", this::checkoutPage);
		open("POST", "/checkout/{client_secret}/confirm", this::pay);
		open("GET", "/checkout/{client_secret}/confirmation", (request, path) -> FakeResponse.html(200,
				FakeCheckoutPages.confirmation(state.checkoutBySecret(path.get(0)))));
		open("GET", "/portal", this::portal);
		open("POST", "/portal/subscriptions/{id}/cancel", this::cancelFromPortal);
	}

	private void api(String method, String template, Handler handler) {
		this.routes.add(new Route(method, compile(template), true, handler));
	}

	private void open(String method, String template, Handler handler) {
		this.routes.add(new Route(method, compile(template), false, handler));
	}

	/**
	 * {@code /v1/products/{id}} matches with or without a trailing slash, as Polar's
	 * paths do.
	 */
	private static Pattern compile(String template) {
		String trimmed = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
		return Pattern.compile("^" + trimmed.replaceAll("\\{[^}]+}", "([^/]+)") + "/?$");
	}

	FakeResponse handle(FakeRequest request) {
		boolean pathMatched = false;
		for (Route route : this.routes) {
			Matcher matcher = route.pattern().matcher(request.path());
			if (!matcher.matches()) {
				continue;
			}
			pathMatched = true;
			if (!route.method().equals(request.method())) {
				continue;
			}
			List<String> path = new ArrayList<>();
			for (int i = 1; i <= matcher.groupCount(); i++) {
				path.add(URLDecoder.decode(matcher.group(i), StandardCharsets.UTF_8));
			}
			try {
				if (route.authenticated() && !hasBearerToken(request)) {
					return FakeResponse.error(FakeError.unauthorized());
				}
				return route.handler().handle(request, path);
			}
			catch (FakeApiException ex) {
				return FakeResponse.error(ex.error());
			}
		}
		return pathMatched ? FakeResponse.json(405, "{\"detail\":\"Method Not Allowed\"}")
				: FakeResponse.json(404, "{\"detail\":\"Not Found\"}");
	}

	private static boolean hasBearerToken(FakeRequest request) {
		String authorization = request.header("Authorization");
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& !authorization.substring(7).isBlank();
	}

	private FakeResponse listProducts(FakeRequest request, List<String> path) {
		return page(request, this.state.products(),
				List.of(filter("id", "id"), filter("is_archived", "is_archived"),
						filter("is_recurring", "is_recurring"), filter("organization_id", "organization_id"),
						new Filter("query", (product, queries) -> {
							String name = product.get("name").asString().toLowerCase(Locale.ROOT);
							return queries.stream().anyMatch((query) -> name.contains(query.toLowerCase(Locale.ROOT)));
						})));
	}

	private FakeResponse listCustomers(FakeRequest request, List<String> path) {
		return page(request, newestFirst(this.state.customers()),
				List.of(filter("email", "email"), filter("organization_id", "organization_id")));
	}

	private FakeResponse listOrders(FakeRequest request, List<String> path) {
		return page(request, newestFirst(this.state.orders()),
				List.of(filter("customer_id", "customer_id"), filter("product_id", "product_id"),
						filter("checkout_id", "checkout_id"), filter("subscription_id", "subscription_id"),
						filter("status", "status"), filter("organization_id", "product", "organization_id"),
						filter("external_customer_id", "customer", "external_id")));
	}

	private FakeResponse listSubscriptions(FakeRequest request, List<String> path) {
		return page(request, newestFirst(this.state.subscriptions()),
				List.of(filter("customer_id", "customer_id"), filter("product_id", "product_id"),
						filter("status", "status"), filter("organization_id", "product", "organization_id"),
						filter("external_customer_id", "customer", "external_id"),
						new Filter("active", (subscription, wanted) -> {
							String status = subscription.get("status").asString();
							return wanted
								.contains(Boolean.toString(status.equals("active") || status.equals("trialing")));
						})));
	}

	private FakeResponse createCheckout(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		return FakeResponse.json(201, this.state.createCheckout(CheckoutRequest.of(body)));
	}

	private FakeResponse createCheckoutLink(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		List<String> productIds = new ArrayList<>();
		if (body.path("products").isArray()) {
			body.get("products").forEach((id) -> productIds.add(id.asString()));
		}
		else if (body.path("product_id").isString()) {
			productIds.add(body.get("product_id").asString());
		}
		else if (body.path("product_price_id").isString()) {
			String priceId = body.get("product_price_id").asString();
			for (ObjectNode product : this.state.products()) {
				for (JsonNode price : product.get("prices")) {
					if (price.get("id").asString().equals(priceId)) {
						productIds.add(product.get("id").asString());
					}
				}
			}
			if (productIds.isEmpty()) {
				throw new FakeApiException(
						FakeError.validation("Price does not exist.", "value_error", "body", "product_price_id"));
			}
		}
		else {
			throw new FakeApiException(FakeError.validation("Field required", "missing", "body", "products"));
		}
		ObjectNode metadata = body.path("metadata").isObject() ? (ObjectNode) body.get("metadata").deepCopy()
				: PolarDocuments.object();
		return FakeResponse.json(201, this.state.createCheckoutLink(productIds, PolarDocuments.text(body, "label"),
				PolarDocuments.text(body, "success_url"), metadata));
	}

	private FakeResponse createCustomerSession(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		return FakeResponse.json(201, this.state.createCustomerSession(PolarDocuments.text(body, "customer_id"),
				PolarDocuments.text(body, "external_customer_id"), PolarDocuments.text(body, "return_url")));
	}

	private FakeResponse ingest(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		if (!body.path("events").isArray()) {
			throw new FakeApiException(FakeError.validation("Field required", "missing", "body", "events"));
		}
		List<ObjectNode> events = new ArrayList<>();
		for (JsonNode event : body.get("events")) {
			if (!event.isObject()) {
				throw new FakeApiException(FakeError.validation("Input should be a valid dictionary",
						"model_attributes_type", "body", "events", events.size()));
			}
			events.add((ObjectNode) event);
		}
		return ok(this.state.ingest(events));
	}

	private FakeResponse validateLicenseKey(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		JsonNode increment = body.path("increment_usage");
		return ok(this.state.validateLicenseKey(required(body, "key"), required(body, "organization_id"),
				PolarDocuments.text(body, "activation_id"), increment.isNumber() ? increment.asLong() : 0));
	}

	private FakeResponse activateLicenseKey(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		ObjectNode meta = body.path("meta").isObject() ? (ObjectNode) body.get("meta").deepCopy()
				: PolarDocuments.object();
		return ok(this.state.activateLicenseKey(required(body, "key"), required(body, "organization_id"),
				required(body, "label"), meta));
	}

	private FakeResponse deactivateLicenseKey(FakeRequest request, List<String> path) {
		ObjectNode body = jsonBody(request);
		this.state.deactivateLicenseKey(required(body, "key"), required(body, "organization_id"),
				required(body, "activation_id"));
		return FakeResponse.noContent();
	}

	private FakeResponse checkoutPage(FakeRequest request, List<String> path) {
		try {
			return FakeResponse.html(200, FakeCheckoutPages.checkout(this.state.checkoutBySecret(path.get(0))));
		}
		catch (FakeApiException ex) {
			return FakeResponse.html(404, FakeCheckoutPages.notFound());
		}
	}

	private FakeResponse pay(FakeRequest request, List<String> path) {
		ObjectNode checkout;
		try {
			checkout = this.state.checkoutBySecret(path.get(0));
		}
		catch (FakeApiException ex) {
			return FakeResponse.html(404, FakeCheckoutPages.notFound());
		}
		if (!checkout.get("status").asString().equals("open")) {
			return FakeResponse.html(409, FakeCheckoutPages.checkout(checkout));
		}
		String email = FakeRequest.decodeForm(request.bodyText())
			.getOrDefault("customer_email", List.of())
			.stream()
			.findFirst()
			.orElse(null);
		FakePolarState.Purchase purchase = this.state.pay(path.get(0), email);
		// Delivered before the redirect, as an application's success page expects the
		// access it grants.
		this.outbox.accept(purchase.webhooks());
		return FakeResponse.redirect(303, FakeCheckoutPages.successUrl(purchase.checkout()));
	}

	private FakeResponse portal(FakeRequest request, List<String> path) {
		String token = request.queryValue("customer_session_token");
		ObjectNode session = (token != null) ? this.state.customerSession(token) : null;
		if (token == null || session == null) {
			return FakeResponse.html(401, FakeCheckoutPages.portalSessionExpired());
		}
		String customerId = session.get("customer_id").asString();
		List<ObjectNode> orders = new ArrayList<>();
		for (ObjectNode order : newestFirst(this.state.orders())) {
			if (order.get("customer_id").asString().equals(customerId)) {
				orders.add(order);
			}
		}
		return FakeResponse.html(200, FakeCheckoutPages.portal(this.state.customerState(customerId), orders,
				this.state.licenseKeysOf(customerId), PolarDocuments.text(session, "return_url"), token));
	}

	/**
	 * The portal's "Cancel subscription" button: cancels at the end of the period, sends
	 * the webhooks, and shows the portal again.
	 */
	private FakeResponse cancelFromPortal(FakeRequest request, List<String> path) {
		String token = FakeRequest.decodeForm(request.bodyText())
			.getOrDefault("customer_session_token", List.of())
			.stream()
			.findFirst()
			.orElse(null);
		ObjectNode session = (token != null) ? this.state.customerSession(token) : null;
		if (session == null) {
			return FakeResponse.html(401, FakeCheckoutPages.portalSessionExpired());
		}
		ObjectNode subscription;
		try {
			subscription = this.state.subscription(path.get(0));
		}
		catch (FakeApiException ex) {
			return FakeResponse.html(404, FakeCheckoutPages.subscriptionNotFound());
		}
		if (!subscription.get("customer_id").asString().equals(session.get("customer_id").asString())) {
			return FakeResponse.html(404, FakeCheckoutPages.subscriptionNotFound());
		}
		String status = subscription.get("status").asString();
		boolean cancelable = (status.equals("active") || status.equals("trialing"))
				&& !subscription.get("cancel_at_period_end").asBoolean();
		if (cancelable) {
			this.outbox.accept(this.state.cancelSubscription(path.get(0), false));
		}
		return FakeResponse.redirect(303, "/portal?customer_session_token=" + token);
	}

	private List<ObjectNode> licenseKeyReads() {
		List<ObjectNode> reads = new ArrayList<>();
		this.state.licenseKeys().forEach((licenseKey) -> reads.add(PolarDocuments.licenseKeyRead(licenseKey)));
		return reads;
	}

	private static ObjectNode jsonBody(FakeRequest request) {
		JsonNode body;
		try {
			body = PolarJson.mapper().readTree(request.body());
		}
		catch (JacksonException ex) {
			throw new FakeApiException(FakeError.validation("JSON decode error", "json_invalid", "body", 0));
		}
		if (body == null || !body.isObject()) {
			throw new FakeApiException(
					FakeError.validation("Input should be a valid dictionary", "model_attributes_type", "body"));
		}
		return (ObjectNode) body;
	}

	private static String required(ObjectNode body, String field) {
		String value = PolarDocuments.text(body, field);
		if (value == null) {
			throw new FakeApiException(FakeError.validation("Field required", "missing", "body", field));
		}
		return value;
	}

	private static FakeResponse ok(ObjectNode document) {
		return FakeResponse.json(200, document);
	}

	private static List<ObjectNode> newestFirst(List<ObjectNode> documents) {
		List<ObjectNode> reversed = new ArrayList<>(documents);
		Collections.reverse(reversed);
		return reversed;
	}

	/**
	 * A filter on equality: the parameter's values against the value at the field path.
	 */
	private static Filter filter(String parameter, String... fieldPath) {
		return new Filter(parameter, (document, wanted) -> {
			JsonNode value = document;
			for (String field : fieldPath) {
				value = value.path(field);
			}
			return value.isValueNode() && !value.isNull() && wanted.contains(value.asString());
		});
	}

	private static FakeResponse page(FakeRequest request, List<ObjectNode> documents, List<Filter> filters) {
		int page = positive(request, "page", 1);
		int limit = positive(request, "limit", DEFAULT_LIMIT);
		if (limit > MAX_LIMIT) {
			throw new FakeApiException(FakeError.validation("Input should be less than or equal to 100",
					"less_than_equal", "query", "limit"));
		}
		List<ObjectNode> matching = new ArrayList<>();
		for (ObjectNode document : documents) {
			boolean matches = true;
			for (Filter filter : filters) {
				List<String> wanted = request.queryValues(filter.parameter());
				if (!wanted.isEmpty() && !filter.matches(document, wanted)) {
					matches = false;
				}
			}
			if (matches) {
				matching.add(document);
			}
		}
		int from = Math.min((page - 1) * limit, matching.size());
		int to = Math.min(from + limit, matching.size());
		return ok(PolarDocuments.page(matching.subList(from, to), limit, matching.size()));
	}

	private static int positive(FakeRequest request, String parameter, int defaultValue) {
		String value = request.queryValue(parameter);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			throw new FakeApiException(
					FakeError.validation("Input should be a valid integer, unable to parse string as an integer",
							"int_parsing", "query", parameter));
		}
		throw new FakeApiException(
				FakeError.validation("Input should be greater than 0", "greater_than", "query", parameter));
	}

	@FunctionalInterface
	private interface Handler {

		FakeResponse handle(FakeRequest request, List<String> path);

	}

	private record Route(String method, Pattern pattern, boolean authenticated, Handler handler) {
	}

	/**
	 * A list filter: keeps the documents that match the values of one query parameter.
	 */
	private record Filter(String parameter, BiPredicate<ObjectNode, List<String>> test) {

		boolean matches(ObjectNode document, List<String> wanted) {
			return this.test.test(document, wanted);
		}

	}

}
