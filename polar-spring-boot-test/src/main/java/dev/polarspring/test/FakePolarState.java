package dev.polarspring.test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake Polar knows: the catalog it was started with and everything created since
 * (checkouts, customers, orders, subscriptions, benefit grants, license keys, sessions,
 * events). All documents are stored as Polar would answer them and handed out as copies.
 * Thread-safe: the fake's server threads and the test thread share it.
 */
final class FakePolarState {

	private final String organizationId;

	private final Clock clock;

	private final FakeIds ids;

	private final Map<String, ObjectNode> products = new LinkedHashMap<>();

	private final Map<String, ObjectNode> checkouts = new LinkedHashMap<>();

	private final Map<String, ObjectNode> checkoutLinks = new LinkedHashMap<>();

	private final Map<String, ObjectNode> customers = new LinkedHashMap<>();

	private final Map<String, ObjectNode> orders = new LinkedHashMap<>();

	private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();

	private final Map<String, ObjectNode> grants = new LinkedHashMap<>();

	private final Map<String, ObjectNode> licenseKeys = new LinkedHashMap<>();

	private final Map<String, ObjectNode> activations = new LinkedHashMap<>();

	private final Map<String, ObjectNode> sessions = new LinkedHashMap<>();

	private final List<ObjectNode> events = new ArrayList<>();

	private final Set<String> eventExternalIds = new HashSet<>();

	private final FakeMeters meters;

	private String baseUrl = "http://localhost";

	FakePolarState(List<FakeProduct> catalog, List<FakeMeter> meters, String organizationId, Clock clock, long seed) {
		this.organizationId = organizationId;
		this.clock = clock;
		// The catalog draws from its own sequence, so reset() can restart the other one
		// without
		// handing out a product's id again.
		FakeIds catalogIds = new FakeIds(seed);
		this.ids = new FakeIds(seed + 1);
		Instant now = clock.instant();
		for (FakeProduct spec : catalog) {
			String productId = catalogIds.uuid();
			ArrayNode benefits = PolarDocuments.object().arrayNode();
			for (FakeBenefit benefit : spec.benefits()) {
				benefits.add(PolarDocuments.benefit(benefit, catalogIds.uuid(), organizationId, now));
			}
			ObjectNode price = PolarDocuments.fixedPrice(catalogIds.uuid(), productId, spec, now);
			this.products.put(productId, PolarDocuments.product(spec, productId, organizationId, price, benefits, now));
		}
		// After the products, so adding meters leaves the products' ids as they were.
		this.meters = new FakeMeters(meters, catalogIds, organizationId, now);
	}

	String organizationId() {
		return this.organizationId;
	}

	synchronized void baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	synchronized String baseUrl() {
		return this.baseUrl;
	}

	/** Forgets everything created since the start; the catalog stays. */
	synchronized void reset() {
		this.ids.reset();
		this.checkouts.clear();
		this.checkoutLinks.clear();
		this.customers.clear();
		this.orders.clear();
		this.subscriptions.clear();
		this.grants.clear();
		this.licenseKeys.clear();
		this.activations.clear();
		this.sessions.clear();
		this.events.clear();
		this.eventExternalIds.clear();
	}

	synchronized List<ObjectNode> products() {
		return copies(this.products.values());
	}

	synchronized ObjectNode product(String id) {
		return found(this.products.get(id)).deepCopy();
	}

	synchronized List<ObjectNode> checkouts() {
		return copies(this.checkouts.values());
	}

	synchronized List<ObjectNode> checkoutLinks() {
		return copies(this.checkoutLinks.values());
	}

	synchronized List<ObjectNode> customers() {
		return copies(this.customers.values());
	}

	synchronized List<ObjectNode> orders() {
		return copies(this.orders.values());
	}

	synchronized List<ObjectNode> subscriptions() {
		return copies(this.subscriptions.values());
	}

	synchronized List<ObjectNode> benefitGrants() {
		return copies(this.grants.values());
	}

	synchronized List<ObjectNode> licenseKeys() {
		return copies(this.licenseKeys.values());
	}

	/**
	 * A license key with its activations, as {@code GET /v1/license-keys/{id}} answers
	 * it.
	 */
	synchronized ObjectNode licenseKeyWithActivations(String id) {
		ObjectNode licenseKey = found(this.licenseKeys.get(id));
		ObjectNode read = PolarDocuments.licenseKeyRead(licenseKey);
		read.set("activations", PolarDocuments.activations(activationsOf(id)));
		return read;
	}

	/** The license keys of a customer, oldest first, each with its activations. */
	synchronized List<ObjectNode> licenseKeysOf(String customerId) {
		List<ObjectNode> keys = new ArrayList<>();
		for (ObjectNode licenseKey : this.licenseKeys.values()) {
			if (customerId.equals(licenseKey.get("customer_id").asString())) {
				keys.add(licenseKeyWithActivations(licenseKey.get("id").asString()));
			}
		}
		return keys;
	}

	private List<ObjectNode> activationsOf(String licenseKeyId) {
		List<ObjectNode> activations = new ArrayList<>();
		for (ObjectNode activation : this.activations.values()) {
			if (licenseKeyId.equals(activation.get("license_key_id").asString())) {
				activations.add(activation);
			}
		}
		return activations;
	}

	synchronized List<ObjectNode> events() {
		return copies(this.events);
	}

	synchronized ObjectNode checkout(String id) {
		return found(this.checkouts.get(id)).deepCopy();
	}

	synchronized ObjectNode checkoutBySecret(String clientSecret) {
		return found(bySecret(this.checkouts, clientSecret)).deepCopy();
	}

	synchronized ObjectNode checkoutLink(String id) {
		return found(this.checkoutLinks.get(id)).deepCopy();
	}

	synchronized ObjectNode order(String id) {
		return found(this.orders.get(id)).deepCopy();
	}

	synchronized ObjectNode subscription(String id) {
		return found(this.subscriptions.get(id)).deepCopy();
	}

	synchronized ObjectNode customer(String id) {
		return found(this.customers.get(id)).deepCopy();
	}

	synchronized ObjectNode customerByExternalId(String externalId) {
		return found(findCustomerByExternalId(externalId)).deepCopy();
	}

	synchronized ObjectNode customerState(String customerId) {
		ObjectNode customer = found(this.customers.get(customerId));
		List<ObjectNode> active = new ArrayList<>();
		for (ObjectNode subscription : this.subscriptions.values()) {
			String status = subscription.get("status").asString();
			if (customerId.equals(subscription.get("customer_id").asString())
					&& (status.equals("active") || status.equals("trialing"))) {
				active.add(subscription);
			}
		}
		List<ObjectNode> granted = new ArrayList<>();
		for (ObjectNode grant : this.grants.values()) {
			if (customerId.equals(grant.get("customer_id").asString()) && grant.get("is_granted").asBoolean()) {
				granted.add(grant);
			}
		}
		ObjectNode state = PolarDocuments.customerState(customer, active, granted);
		((ArrayNode) state.get("active_meters")).addAll(this.meters.readings(customer, this.events));
		return state;
	}

	synchronized List<ObjectNode> meters() {
		return this.meters.documents();
	}

	synchronized ObjectNode meter(String id) {
		return found(this.meters.document(id));
	}

	/**
	 * The customer session of a token, or {@code null} when there is none or it expired.
	 */
	synchronized @Nullable ObjectNode customerSession(String token) {
		ObjectNode session = this.sessions.get(token);
		if (session == null || Instant.parse(session.get("expires_at").asString()).isBefore(this.clock.instant())) {
			return null;
		}
		return session.deepCopy();
	}

	synchronized ObjectNode createCheckout(CheckoutRequest request) {
		if (request.productIds().isEmpty()) {
			throw new FakeApiException(FakeError.validation("List should have at least 1 item after validation, not 0",
					"too_short", "body", "products"));
		}
		for (int i = 0; i < request.productIds().size(); i++) {
			if (!this.products.containsKey(request.productIds().get(i))) {
				throw new FakeApiException(
						FakeError.validation("Product does not exist.", "value_error", "body", "products", i));
			}
		}
		if (request.customerId() != null && !this.customers.containsKey(request.customerId())) {
			throw new FakeApiException(
					FakeError.validation("Customer does not exist.", "value_error", "body", "customer_id"));
		}
		String id = this.ids.uuid();
		String clientSecret = this.ids.secret("polar_c_", 48);
		ObjectNode product = found(this.products.get(request.productIds().get(0)));
		ObjectNode checkout = PolarDocuments.checkout(id, clientSecret, this.baseUrl + "/checkout/" + clientSecret,
				product, this.organizationId,
				request.withDefaultSuccessUrl(this.baseUrl + "/checkout/" + clientSecret + "/confirmation"),
				this.clock.instant());
		this.checkouts.put(id, checkout);
		return checkout.deepCopy();
	}

	synchronized ObjectNode createCheckoutLink(List<String> productIds, @Nullable String label,
			@Nullable String successUrl, ObjectNode metadata) {
		ArrayNode linkProducts = PolarDocuments.object().arrayNode();
		for (int i = 0; i < productIds.size(); i++) {
			ObjectNode product = this.products.get(productIds.get(i));
			if (product == null) {
				throw new FakeApiException(
						FakeError.validation("Product does not exist.", "value_error", "body", "products", i));
			}
			linkProducts.add(product);
		}
		if (linkProducts.isEmpty()) {
			throw new FakeApiException(FakeError.validation("List should have at least 1 item after validation, not 0",
					"too_short", "body", "products"));
		}
		String id = this.ids.uuid();
		String clientSecret = this.ids.secret("polar_cl_", 48);
		ObjectNode link = PolarDocuments.checkoutLink(id, clientSecret,
				this.baseUrl + "/v1/checkout-links/" + clientSecret + "/redirect", linkProducts, this.organizationId,
				label, successUrl, metadata, this.clock.instant());
		this.checkoutLinks.put(id, link);
		return link.deepCopy();
	}

	/** Opens a new checkout for a checkout link, as following the link's URL does. */
	synchronized ObjectNode openCheckoutLink(String clientSecret) {
		ObjectNode link = found(bySecret(this.checkoutLinks, clientSecret));
		List<String> productIds = new ArrayList<>();
		link.get("products").forEach((product) -> productIds.add(product.get("id").asString()));
		return createCheckout(new CheckoutRequest(productIds, PolarDocuments.text(link, "success_url"), null, null,
				null, null, null, (ObjectNode) link.get("metadata").deepCopy(), PolarDocuments.object()));
	}

	synchronized ObjectNode createCustomerSession(@Nullable String customerId, @Nullable String externalCustomerId,
			@Nullable String returnUrl) {
		ObjectNode customer;
		if (customerId != null) {
			customer = this.customers.get(customerId);
			if (customer == null) {
				throw new FakeApiException(
						FakeError.validation("Customer does not exist.", "value_error", "body", "customer_id"));
			}
		}
		else if (externalCustomerId != null) {
			customer = findCustomerByExternalId(externalCustomerId);
			if (customer == null) {
				throw new FakeApiException(FakeError.validation("Customer does not exist.", "value_error", "body",
						"external_customer_id"));
			}
		}
		else {
			throw new FakeApiException(FakeError.validation("Field required", "missing", "body", "customer_id"));
		}
		String token = this.ids.secret("polar_cst_", 43);
		ObjectNode session = PolarDocuments.customerSession(this.ids.uuid(), token,
				this.baseUrl + "/portal?customer_session_token=" + token, returnUrl, customer, this.clock.instant());
		this.sessions.put(token, session);
		return session.deepCopy();
	}

	/**
	 * Stores ingested events as Polar does: the whole batch is checked first (a 422 lists
	 * every violation, each at its event, and stores nothing), then each event is stored
	 * unless its {@code external_id} was seen before, which makes it a duplicate.
	 */
	synchronized ObjectNode ingest(List<ObjectNode> events) {
		Instant now = this.clock.instant();
		List<FakeError.Violation> violations = FakeIngestRules.violations(events, this.customers::containsKey, now);
		if (!violations.isEmpty()) {
			throw new FakeApiException(FakeError.validation(violations));
		}
		int inserted = 0;
		int duplicates = 0;
		for (ObjectNode event : events) {
			String externalId = PolarDocuments.text(event, "external_id");
			if (externalId != null && !this.eventExternalIds.add(externalId)) {
				duplicates++;
				continue;
			}
			ObjectNode stored = event.deepCopy();
			stored.put("id", this.ids.uuid());
			String timestamp = PolarDocuments.text(stored, "timestamp");
			stored.put("timestamp",
					PolarDocuments.time((timestamp != null) ? OffsetDateTime.parse(timestamp).toInstant() : now));
			this.events.add(stored);
			inserted++;
		}
		ObjectNode response = PolarDocuments.object();
		response.put("inserted", inserted);
		response.put("duplicates", duplicates);
		return response;
	}

	synchronized ObjectNode validateLicenseKey(String key, String organizationId, @Nullable String activationId,
			long incrementUsage) {
		ObjectNode licenseKey = licenseKeyFor(key, organizationId);
		ObjectNode activation = null;
		if (activationId != null) {
			activation = this.activations.get(activationId);
			if (activation == null
					|| !activation.get("license_key_id").asString().equals(licenseKey.get("id").asString())) {
				throw new FakeApiException(FakeError.notFound());
			}
		}
		licenseKey.put("validations", licenseKey.get("validations").asInt() + 1);
		licenseKey.put("usage", licenseKey.get("usage").asLong() + incrementUsage);
		licenseKey.put("last_validated_at", PolarDocuments.time(this.clock.instant()));
		return PolarDocuments.validatedLicenseKey(licenseKey, activation);
	}

	synchronized ObjectNode activateLicenseKey(String key, String organizationId, String label, ObjectNode meta) {
		ObjectNode licenseKey = licenseKeyFor(key, organizationId);
		String licenseKeyId = licenseKey.get("id").asString();
		int limit = licenseKey.get("limit_activations").asInt();
		long used = this.activations.values()
			.stream()
			.filter((activation) -> activation.get("license_key_id").asString().equals(licenseKeyId))
			.count();
		if (used >= limit) {
			throw new FakeApiException(FakeError.notPermitted("License key only supports " + limit + " activations."));
		}
		ObjectNode activation = PolarDocuments.activation(this.ids.uuid(), licenseKey, label, meta,
				this.clock.instant());
		this.activations.put(activation.get("id").asString(), activation);
		return PolarDocuments.activationRead(activation, licenseKey);
	}

	synchronized void deactivateLicenseKey(String key, String organizationId, String activationId) {
		ObjectNode licenseKey = licenseKeyFor(key, organizationId);
		ObjectNode activation = this.activations.get(activationId);
		if (activation == null
				|| !activation.get("license_key_id").asString().equals(licenseKey.get("id").asString())) {
			throw new FakeApiException(FakeError.notFound());
		}
		this.activations.remove(activationId);
	}

	private ObjectNode licenseKeyFor(String key, String organizationId) {
		for (ObjectNode licenseKey : this.licenseKeys.values()) {
			if (licenseKey.get("key").asString().equals(key)
					&& licenseKey.get("organization_id").asString().equals(organizationId)
					&& licenseKey.get("status").asString().equals("granted")) {
				return licenseKey;
			}
		}
		throw new FakeApiException(FakeError.notFound());
	}

	/**
	 * Pays an open checkout: the customer (found or created), the order, the subscription
	 * for a recurring product, a grant per benefit and a license key per license keys
	 * benefit, with the webhooks Polar sends for them, in Polar's order.
	 */
	synchronized Purchase pay(String clientSecret, @Nullable String email) {
		ObjectNode checkout = found(bySecret(this.checkouts, clientSecret));
		if (!checkout.get("status").asString().equals("open")) {
			throw new FakeApiException(FakeError.of(403,
					"{\"error\":\"AlreadyConfirmed\",\"detail\":" + "\"This checkout is already confirmed.\"}"));
		}
		Instant now = this.clock.instant();
		String time = PolarDocuments.time(now);
		List<Webhook> webhooks = new ArrayList<>();
		ObjectNode product = found(this.products.get(checkout.get("product_id").asString()));
		ObjectNode customer = customerFor(checkout, email, now, webhooks);

		checkout.put("status", "succeeded");
		checkout.put("modified_at", time);
		checkout.put("customer_id", customer.get("id").asString());
		checkout.set("customer_email", customer.get("email").deepCopy());
		webhooks.add(new Webhook("checkout.updated", checkout.deepCopy()));

		ObjectNode subscription = null;
		if (product.get("is_recurring").asBoolean()) {
			subscription = PolarDocuments.subscription(this.ids.uuid(), checkout, customer, product, now);
			subscription.put("status", "active");
			subscription.put("started_at", time);
			this.subscriptions.put(subscription.get("id").asString(), subscription);
			checkout.put("subscription_id", subscription.get("id").asString());
		}
		ObjectNode order = PolarDocuments.order(this.ids.uuid(), this.ids.uuid(), checkout, customer, product,
				subscription, now);
		this.orders.put(order.get("id").asString(), order);
		webhooks.add(new Webhook("order.created", order.deepCopy()));
		if (subscription != null) {
			webhooks.add(new Webhook("subscription.created", subscription.deepCopy()));
			webhooks.add(new Webhook("subscription.active", subscription.deepCopy()));
		}
		order.put("status", "paid");
		order.put("paid", true);
		order.put("modified_at", time);
		order.put("due_amount", 0);
		order.set("refundable_amount", order.get("total_amount").deepCopy());
		webhooks.add(new Webhook("order.paid", order.deepCopy()));

		List<ObjectNode> purchaseGrants = new ArrayList<>();
		List<ObjectNode> purchaseKeys = new ArrayList<>();
		for (JsonNode benefit : product.get("benefits")) {
			ObjectNode licenseKey = null;
			if (benefit.get("type").asString().equals("license_keys")) {
				String prefix = benefit.get("properties").get("prefix").asString();
				licenseKey = PolarDocuments.licenseKey(this.ids.uuid(), this.ids.licenseKey(prefix),
						(ObjectNode) benefit, customer, now);
				this.licenseKeys.put(licenseKey.get("id").asString(), licenseKey);
				purchaseKeys.add(licenseKey.deepCopy());
			}
			ObjectNode grant = PolarDocuments.benefitGrant(this.ids.uuid(), (ObjectNode) benefit, customer, order,
					licenseKey, now);
			this.grants.put(grant.get("id").asString(), grant);
			purchaseGrants.add(grant.deepCopy());
			webhooks.add(new Webhook("benefit_grant.created", grant.deepCopy()));
		}
		webhooks.add(new Webhook("customer.state_changed", customerState(customer.get("id").asString())));
		return new Purchase(checkout.deepCopy(), customer.deepCopy(), order.deepCopy(),
				(subscription != null) ? subscription.deepCopy() : null, purchaseGrants, purchaseKeys, webhooks);
	}

	private ObjectNode customerFor(ObjectNode checkout, @Nullable String email, Instant now, List<Webhook> webhooks) {
		String customerId = PolarDocuments.text(checkout, "customer_id");
		if (customerId != null) {
			return found(this.customers.get(customerId));
		}
		String externalId = PolarDocuments.text(checkout, "external_customer_id");
		if (externalId != null) {
			ObjectNode existing = findCustomerByExternalId(externalId);
			if (existing != null) {
				return existing;
			}
		}
		String address = (email != null && !email.isBlank()) ? email.trim()
				: Objects.requireNonNullElse(PolarDocuments.text(checkout, "customer_email"), "customer@example.com");
		for (ObjectNode existing : this.customers.values()) {
			if (existing.get("email").asString().equalsIgnoreCase(address) && externalId == null) {
				return existing;
			}
		}
		ObjectNode customer = PolarDocuments.customer(this.ids.uuid(), address,
				PolarDocuments.text(checkout, "customer_name"), externalId, this.organizationId, now);
		this.customers.put(customer.get("id").asString(), customer);
		webhooks.add(new Webhook("customer.created", customer.deepCopy()));
		return customer;
	}

	/**
	 * Cancels a subscription: at the end of the period (it stays active until then), or
	 * at once, which also revokes its benefits.
	 */
	synchronized List<Webhook> cancelSubscription(String subscriptionId, boolean immediately) {
		ObjectNode subscription = found(this.subscriptions.get(subscriptionId));
		String time = PolarDocuments.time(this.clock.instant());
		List<Webhook> webhooks = new ArrayList<>();
		subscription.put("modified_at", time);
		subscription.put("canceled_at", time);
		if (!immediately) {
			subscription.put("cancel_at_period_end", true);
			subscription.set("ends_at", subscription.get("current_period_end").deepCopy());
			webhooks.add(new Webhook("subscription.updated", subscription.deepCopy()));
			webhooks.add(new Webhook("subscription.canceled", subscription.deepCopy()));
			return webhooks;
		}
		subscription.put("status", "canceled");
		subscription.put("ends_at", time);
		subscription.put("ended_at", time);
		webhooks.add(new Webhook("subscription.updated", subscription.deepCopy()));
		webhooks.add(new Webhook("subscription.canceled", subscription.deepCopy()));
		webhooks.add(new Webhook("subscription.revoked", subscription.deepCopy()));
		for (ObjectNode grant : this.grants.values()) {
			if (subscriptionId.equals(PolarDocuments.text(grant, "subscription_id"))
					&& grant.get("is_granted").asBoolean()) {
				grant.put("modified_at", time);
				grant.put("is_granted", false);
				grant.put("is_revoked", true);
				grant.put("revoked_at", time);
				webhooks.add(new Webhook("benefit_grant.revoked", grant.deepCopy()));
			}
		}
		webhooks.add(new Webhook("customer.state_changed", customerState(subscription.get("customer_id").asString())));
		return webhooks;
	}

	private @Nullable ObjectNode findCustomerByExternalId(String externalId) {
		for (ObjectNode customer : this.customers.values()) {
			if (externalId.equals(PolarDocuments.text(customer, "external_id"))) {
				return customer;
			}
		}
		return null;
	}

	private static @Nullable ObjectNode bySecret(Map<String, ObjectNode> documents, String clientSecret) {
		for (ObjectNode document : documents.values()) {
			if (document.get("client_secret").asString().equals(clientSecret)) {
				return document;
			}
		}
		return null;
	}

	private static ObjectNode found(@Nullable ObjectNode document) {
		if (document == null) {
			throw new FakeApiException(FakeError.notFound());
		}
		return document;
	}

	private static List<ObjectNode> copies(Iterable<ObjectNode> documents) {
		List<ObjectNode> copies = new ArrayList<>();
		documents.forEach((document) -> copies.add(document.deepCopy()));
		return copies;
	}

	/** A webhook the fake sends: its event type and the data of its payload. */
	record Webhook(String type, ObjectNode data) {
	}

	/** What paying a checkout created, and the webhooks to send for it. */
	record Purchase(ObjectNode checkout, ObjectNode customer, ObjectNode order, @Nullable ObjectNode subscription,
			List<ObjectNode> benefitGrants, List<ObjectNode> licenseKeys, List<Webhook> webhooks) {
	}

}
