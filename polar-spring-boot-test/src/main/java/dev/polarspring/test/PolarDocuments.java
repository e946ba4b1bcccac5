package dev.polarspring.test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;

/**
 * Builds the JSON documents the fake Polar stores and answers with, field for field in
 * the shape of Polar's API (every property present, {@code null} where Polar sends
 * {@code null}), so that they decode into the client's models exactly as Polar's answers
 * do. The conformance test checks each one against the OpenAPI spec.
 */
final class PolarDocuments {

	private static final String[] PRODUCT_BASE = { "id", "created_at", "modified_at", "trial_interval",
			"trial_interval_count", "name", "description", "visibility", "recurring_interval",
			"recurring_interval_count", "meter_interval", "meter_interval_count", "is_recurring", "is_archived",
			"organization_id" };

	private static final String[] BENEFIT_PUBLIC = { "id", "created_at", "modified_at", "type", "description",
			"selectable", "deletable", "is_deleted", "organization_id" };

	private static final String[] SUBSCRIPTION_BASE = { "created_at", "modified_at", "id", "amount", "currency",
			"recurring_interval", "recurring_interval_count", "status", "current_period_start", "current_period_end",
			"current_meter_period_start", "current_meter_period_end", "trial_start", "trial_end",
			"cancel_at_period_end", "canceled_at", "started_at", "ends_at", "ended_at", "past_due_at",
			"pause_at_period_end", "paused_at", "resumes_at", "customer_id", "product_id", "discount_id", "checkout_id",
			"seats", "customer_cancellation_reason", "customer_cancellation_comment" };

	private static final String[] LICENSE_KEY_READ = { "id", "created_at", "modified_at", "organization_id",
			"customer_id", "customer", "benefit_id", "key", "display_key", "status", "limit_activations", "usage",
			"limit_usage", "validations", "last_validated_at", "expires_at" };

	private static final String[] ACTIVATION_BASE = { "id", "license_key_id", "label", "meta", "created_at",
			"modified_at" };

	private PolarDocuments() {
	}

	static ObjectNode object() {
		return PolarJson.mapper().createObjectNode();
	}

	/**
	 * The string value of a field, or {@code null} when it is absent, null or not a
	 * string.
	 */
	static @Nullable String text(JsonNode document, String field) {
		return document.path(field).isString() ? document.get(field).asString() : null;
	}

	static String time(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/** A new object with the named fields of the source, in that order. */
	static ObjectNode project(ObjectNode source, String... fields) {
		ObjectNode projection = object();
		for (String field : fields) {
			JsonNode value = source.get(field);
			projection.set(field, (value != null) ? value.deepCopy() : null);
		}
		return projection;
	}

	static ObjectNode benefit(FakeBenefit spec, String id, String organizationId, Instant now) {
		ObjectNode benefit = object();
		benefit.put("id", id);
		benefit.put("created_at", time(now));
		benefit.putNull("modified_at");
		benefit.put("type", spec.type());
		benefit.put("description", spec.description());
		benefit.put("selectable", true);
		benefit.put("deletable", true);
		benefit.put("is_deleted", false);
		benefit.put("organization_id", organizationId);
		benefit.putObject("metadata");
		benefit.put("visibility", "public");
		ObjectNode properties = benefit.putObject("properties");
		if (spec.isLicenseKeys()) {
			properties.put("prefix", spec.licenseKeyPrefix());
			properties.putNull("expires");
			ObjectNode activations = properties.putObject("activations");
			activations.put("limit", spec.activationLimit());
			activations.put("enable_customer_admin", true);
			properties.putNull("limit_usage");
		}
		else {
			properties.put("note", "Thanks for your purchase! Your access is ready in your account.");
		}
		benefit.put("visibility_configurable", true);
		return benefit;
	}

	static ObjectNode fixedPrice(String id, String productId, FakeProduct spec, Instant now) {
		ObjectNode price = object();
		price.put("created_at", time(now));
		price.putNull("modified_at");
		price.put("id", id);
		price.put("source", "catalog");
		price.put("amount_type", "fixed");
		price.put("price_currency", spec.currency());
		price.putNull("tax_behavior");
		price.put("is_archived", false);
		price.put("product_id", productId);
		price.put("price_amount", spec.priceAmount());
		return price;
	}

	static ObjectNode product(FakeProduct spec, String id, String organizationId, ObjectNode price, ArrayNode benefits,
			Instant now) {
		ObjectNode product = object();
		product.put("id", id);
		product.put("created_at", time(now));
		product.putNull("modified_at");
		product.putNull("trial_interval");
		product.putNull("trial_interval_count");
		product.put("name", spec.name());
		product.put("description", spec.description());
		product.put("visibility", "public");
		if (spec.recurringInterval() != null) {
			product.put("recurring_interval", spec.recurringInterval().value());
			product.put("recurring_interval_count", 1);
		}
		else {
			product.putNull("recurring_interval");
			product.putNull("recurring_interval_count");
		}
		product.putNull("meter_interval");
		product.putNull("meter_interval_count");
		product.put("is_recurring", spec.recurringInterval() != null);
		product.put("is_archived", false);
		product.put("organization_id", organizationId);
		product.putObject("metadata");
		product.putArray("prices").add(price);
		product.set("benefits", benefits);
		product.putArray("medias");
		product.putArray("attached_custom_fields");
		return product;
	}

	/** The product as a checkout shows it: public benefits, no metadata. */
	static ObjectNode checkoutProduct(ObjectNode product) {
		ObjectNode checkoutProduct = project(product, PRODUCT_BASE);
		checkoutProduct.set("prices", product.get("prices").deepCopy());
		ArrayNode benefits = checkoutProduct.putArray("benefits");
		product.get("benefits").forEach((benefit) -> benefits.add(project((ObjectNode) benefit, BENEFIT_PUBLIC)));
		checkoutProduct.putArray("medias");
		return checkoutProduct;
	}

	/** The product as a checkout link shows it: a checkout product with its metadata. */
	static ObjectNode checkoutLinkProduct(ObjectNode product) {
		ObjectNode linkProduct = object();
		linkProduct.set("metadata", product.get("metadata").deepCopy());
		linkProduct.setAll(checkoutProduct(product));
		return linkProduct;
	}

	/** The product as an order shows it: no prices, benefits or medias. */
	static ObjectNode orderProduct(ObjectNode product) {
		ObjectNode orderProduct = object();
		orderProduct.set("metadata", product.get("metadata").deepCopy());
		orderProduct.setAll(project(product, PRODUCT_BASE));
		return orderProduct;
	}

	static ObjectNode checkout(String id, String clientSecret, String url, ObjectNode product, String organizationId,
			CheckoutRequest request, Instant now) {
		ObjectNode price = (ObjectNode) product.get("prices").get(0);
		long amount = price.get("price_amount").asLong();
		ObjectNode checkout = object();
		checkout.put("id", id);
		checkout.put("created_at", time(now));
		checkout.putNull("modified_at");
		checkout.putObject("custom_field_data");
		checkout.put("payment_processor", "stripe");
		checkout.put("status", "open");
		checkout.put("client_secret", clientSecret);
		checkout.put("url", url);
		checkout.put("expires_at", time(now.plus(1, ChronoUnit.HOURS)));
		checkout.put("success_url", request.successUrl());
		checkout.put("return_url", request.returnUrl());
		checkout.putNull("embed_origin");
		checkout.put("amount", amount);
		checkout.put("seats", request.seats());
		checkout.putNull("min_seats");
		checkout.putNull("max_seats");
		checkout.put("discount_amount", 0);
		checkout.put("net_amount", amount);
		checkout.put("tax_amount", 0);
		checkout.putNull("tax_behavior");
		checkout.put("total_amount", amount);
		checkout.put("currency", price.get("price_currency").asString());
		checkout.putNull("allow_trial");
		checkout.putNull("active_trial_interval");
		checkout.putNull("active_trial_interval_count");
		checkout.putNull("trial_end");
		checkout.put("organization_id", organizationId);
		checkout.put("product_id", product.get("id").asString());
		checkout.put("product_price_id", price.get("id").asString());
		checkout.put("discount_id", request.discountId());
		checkout.put("allow_discount_codes", request.allowDiscountCodes());
		checkout.put("require_billing_address", false);
		checkout.put("is_discount_applicable", true);
		checkout.put("is_free_product_price", amount == 0);
		checkout.put("is_payment_required", amount > 0);
		checkout.put("is_payment_setup_required", product.get("is_recurring").asBoolean());
		checkout.put("is_payment_form_required", amount > 0);
		checkout.put("customer_id", request.customerId());
		checkout.put("is_business_customer", false);
		checkout.put("customer_name", request.customerName());
		checkout.put("customer_email", request.customerEmail());
		checkout.putNull("customer_ip_address");
		checkout.putNull("customer_billing_name");
		checkout.putNull("customer_billing_address");
		checkout.putNull("customer_tax_id");
		checkout.putNull("locale");
		checkout.putNull("payment_method_type");
		checkout.putObject("payment_processor_metadata");
		ObjectNode addressFields = checkout.putObject("billing_address_fields");
		addressFields.put("country", "required");
		addressFields.put("state", "disabled");
		addressFields.put("city", "disabled");
		addressFields.put("postal_code", "disabled");
		addressFields.put("line1", "disabled");
		addressFields.put("line2", "disabled");
		checkout.putNull("trial_interval");
		checkout.putNull("trial_interval_count");
		checkout.set("metadata", request.metadata());
		checkout.put("external_customer_id", request.externalCustomerId());
		checkout.putArray("products").add(checkoutProduct(product));
		checkout.set("product", checkoutProduct(product));
		checkout.set("product_price", price.deepCopy());
		checkout.putNull("prices");
		checkout.putNull("discount");
		checkout.putNull("subscription_id");
		checkout.putArray("attached_custom_fields");
		checkout.set("customer_metadata", request.customerMetadata());
		return checkout;
	}

	static ObjectNode checkoutLink(String id, String clientSecret, String url, ArrayNode products,
			String organizationId, @Nullable String label, @Nullable String successUrl, ObjectNode metadata,
			Instant now) {
		ObjectNode link = object();
		link.put("id", id);
		link.put("created_at", time(now));
		link.putNull("modified_at");
		link.putNull("trial_interval");
		link.putNull("trial_interval_count");
		link.set("metadata", metadata);
		link.put("payment_processor", "stripe");
		link.put("client_secret", clientSecret);
		link.put("success_url", successUrl);
		link.putNull("return_url");
		link.put("label", label);
		link.put("allow_discount_codes", true);
		link.put("require_billing_address", false);
		link.putNull("discount_id");
		link.putNull("seats");
		link.put("organization_id", organizationId);
		ArrayNode linkProducts = link.putArray("products");
		products.forEach((product) -> linkProducts.add(checkoutLinkProduct((ObjectNode) product)));
		link.putNull("discount");
		link.put("url", url);
		return link;
	}

	static ObjectNode customer(String id, String email, @Nullable String name, @Nullable String externalId,
			String organizationId, Instant now) {
		ObjectNode customer = object();
		customer.put("id", id);
		customer.put("created_at", time(now));
		customer.putNull("modified_at");
		customer.putObject("metadata");
		customer.put("external_id", externalId);
		customer.put("email", email);
		customer.put("email_verified", false);
		customer.put("type", "individual");
		customer.put("name", name);
		customer.put("billing_name", name);
		customer.putNull("billing_address");
		customer.putNull("tax_id");
		customer.putNull("locale");
		customer.put("organization_id", organizationId);
		customer.putNull("default_payment_method_id");
		customer.putNull("deleted_at");
		customer.putNull("first_user_event_at");
		customer.putNull("avatar_url");
		return customer;
	}

	static ObjectNode subscription(String id, ObjectNode checkout, ObjectNode customer, ObjectNode product,
			Instant now) {
		ObjectNode price = (ObjectNode) product.get("prices").get(0);
		String interval = product.get("recurring_interval").asString();
		Instant periodEnd = periodEnd(now, interval);
		ObjectNode subscription = object();
		subscription.put("created_at", time(now));
		subscription.putNull("modified_at");
		subscription.put("id", id);
		subscription.put("amount", price.get("price_amount").asLong());
		subscription.put("currency", price.get("price_currency").asString());
		subscription.put("recurring_interval", interval);
		subscription.put("recurring_interval_count", 1);
		subscription.put("status", "incomplete");
		subscription.put("current_period_start", time(now));
		subscription.put("current_period_end", time(periodEnd));
		subscription.putNull("current_meter_period_start");
		subscription.putNull("current_meter_period_end");
		subscription.putNull("trial_start");
		subscription.putNull("trial_end");
		subscription.put("cancel_at_period_end", false);
		subscription.putNull("canceled_at");
		subscription.putNull("started_at");
		subscription.putNull("ends_at");
		subscription.putNull("ended_at");
		subscription.putNull("past_due_at");
		subscription.put("pause_at_period_end", false);
		subscription.putNull("paused_at");
		subscription.putNull("resumes_at");
		subscription.put("customer_id", customer.get("id").asString());
		subscription.put("product_id", product.get("id").asString());
		subscription.putNull("discount_id");
		subscription.put("checkout_id", checkout.get("id").asString());
		subscription.putNull("seats");
		subscription.putNull("customer_cancellation_reason");
		subscription.putNull("customer_cancellation_comment");
		subscription.set("metadata", checkout.get("metadata").deepCopy());
		subscription.putObject("custom_field_data");
		subscription.set("customer", customer.deepCopy());
		subscription.set("product", product.deepCopy());
		subscription.putNull("discount");
		subscription.putArray("prices").add(price.deepCopy());
		subscription.putArray("meters");
		subscription.putNull("pending_update");
		return subscription;
	}

	private static Instant periodEnd(Instant start, String interval) {
		return switch (interval) {
			case "day" -> start.plus(1, ChronoUnit.DAYS);
			case "week" -> start.plus(7, ChronoUnit.DAYS);
			case "year" -> start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
			default -> start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
		};
	}

	/** The subscription as an order shows it: its own fields with its metadata first. */
	static ObjectNode orderSubscription(ObjectNode subscription) {
		ObjectNode orderSubscription = object();
		orderSubscription.set("metadata", subscription.get("metadata").deepCopy());
		orderSubscription.setAll(project(subscription, SUBSCRIPTION_BASE));
		return orderSubscription;
	}

	static ObjectNode order(String id, String itemId, ObjectNode checkout, ObjectNode customer, ObjectNode product,
			@Nullable ObjectNode subscription, Instant now) {
		ObjectNode price = (ObjectNode) product.get("prices").get(0);
		long amount = checkout.get("total_amount").asLong();
		ObjectNode order = object();
		order.put("id", id);
		order.put("created_at", time(now));
		order.putNull("modified_at");
		order.put("status", "pending");
		order.put("paid", false);
		order.put("subtotal_amount", amount);
		order.put("discount_amount", 0);
		order.put("net_amount", amount);
		order.put("tax_amount", 0);
		order.put("total_amount", amount);
		order.put("applied_balance_amount", 0);
		order.put("due_amount", amount);
		order.put("refunded_amount", 0);
		order.put("refunded_tax_amount", 0);
		order.put("currency", checkout.get("currency").asString());
		order.put("billing_reason", (subscription != null) ? "subscription_create" : "purchase");
		order.set("billing_name", customer.get("billing_name").deepCopy());
		order.putNull("billing_address");
		order.putNull("invoice_number");
		order.put("is_invoice_generated", false);
		order.putNull("receipt_number");
		order.putNull("seats");
		order.put("customer_id", customer.get("id").asString());
		order.put("product_id", product.get("id").asString());
		order.putNull("discount_id");
		order.put("subscription_id", (subscription != null) ? subscription.get("id").asString() : null);
		order.put("checkout_id", checkout.get("id").asString());
		order.putNull("next_payment_attempt_at");
		order.set("metadata", checkout.get("metadata").deepCopy());
		order.putObject("custom_field_data");
		order.put("platform_fee_amount", 0);
		order.putNull("platform_fee_currency");
		order.set("customer", customer.deepCopy());
		order.set("product", orderProduct(product));
		order.putNull("discount");
		order.set("subscription", (subscription != null) ? orderSubscription(subscription) : null);
		ObjectNode item = order.putArray("items").addObject();
		item.put("created_at", time(now));
		item.putNull("modified_at");
		item.put("id", itemId);
		item.put("label", product.get("name").asString());
		item.put("amount", amount);
		item.put("tax_amount", 0);
		item.put("proration", false);
		item.put("product_price_id", price.get("id").asString());
		order.put("description", product.get("name").asString());
		order.put("refundable_amount", 0);
		order.put("refundable_tax_amount", 0);
		return order;
	}

	static ObjectNode benefitGrant(String id, ObjectNode benefit, ObjectNode customer, ObjectNode order,
			@Nullable ObjectNode licenseKey, Instant now) {
		ObjectNode grant = object();
		grant.put("created_at", time(now));
		grant.putNull("modified_at");
		grant.put("id", id);
		grant.put("granted_at", time(now));
		grant.put("is_granted", true);
		grant.putNull("revoked_at");
		grant.put("is_revoked", false);
		grant.set("subscription_id", order.get("subscription_id").deepCopy());
		grant.put("order_id", order.get("id").asString());
		grant.put("customer_id", customer.get("id").asString());
		grant.putNull("member_id");
		grant.put("benefit_id", benefit.get("id").asString());
		grant.putNull("error");
		grant.set("customer", customer.deepCopy());
		grant.putNull("member");
		grant.set("benefit", benefit.deepCopy());
		ObjectNode properties = grant.putObject("properties");
		if (licenseKey != null) {
			properties.put("license_key_id", licenseKey.get("id").asString());
			properties.put("display_key", licenseKey.get("display_key").asString());
		}
		grant.putNull("previous_properties");
		return grant;
	}

	static ObjectNode licenseKey(String id, String key, ObjectNode benefit, ObjectNode customer, Instant now) {
		ObjectNode licenseKey = object();
		licenseKey.put("id", id);
		licenseKey.put("created_at", time(now));
		licenseKey.putNull("modified_at");
		licenseKey.put("organization_id", benefit.get("organization_id").asString());
		licenseKey.put("customer_id", customer.get("id").asString());
		licenseKey.set("customer", customer.deepCopy());
		licenseKey.put("benefit_id", benefit.get("id").asString());
		licenseKey.put("key", key);
		licenseKey.put("display_key", "****-" + key.substring(key.length() - 4));
		licenseKey.put("status", "granted");
		licenseKey.put("limit_activations", benefit.get("properties").get("activations").get("limit").asInt());
		licenseKey.put("usage", 0);
		licenseKey.putNull("limit_usage");
		licenseKey.put("validations", 0);
		licenseKey.putNull("last_validated_at");
		licenseKey.putNull("expires_at");
		return licenseKey;
	}

	/** The license key as the read operations show it (without activations). */
	static ObjectNode licenseKeyRead(ObjectNode licenseKey) {
		return project(licenseKey, LICENSE_KEY_READ);
	}

	/** Activations as a license key with activations lists them. */
	static ArrayNode activations(List<ObjectNode> activations) {
		ArrayNode list = object().arrayNode();
		activations.forEach((activation) -> list.add(project(activation, ACTIVATION_BASE)));
		return list;
	}

	static ObjectNode activation(String id, ObjectNode licenseKey, String label, ObjectNode meta, Instant now) {
		ObjectNode activation = object();
		activation.put("id", id);
		activation.put("license_key_id", licenseKey.get("id").asString());
		activation.put("label", label);
		activation.set("meta", meta);
		activation.put("created_at", time(now));
		activation.putNull("modified_at");
		return activation;
	}

	/** The activation as the activate operation answers: with its license key. */
	static ObjectNode activationRead(ObjectNode activation, ObjectNode licenseKey) {
		ObjectNode read = project(activation, ACTIVATION_BASE);
		read.set("license_key", licenseKeyRead(licenseKey));
		return read;
	}

	static ObjectNode validatedLicenseKey(ObjectNode licenseKey, @Nullable ObjectNode activation) {
		ObjectNode validated = licenseKeyRead(licenseKey);
		validated.set("activation", (activation != null) ? project(activation, ACTIVATION_BASE) : null);
		return validated;
	}

	static ObjectNode customerSession(String id, String token, String portalUrl, @Nullable String returnUrl,
			ObjectNode customer, Instant now) {
		ObjectNode session = object();
		session.put("created_at", time(now));
		session.putNull("modified_at");
		session.put("id", id);
		session.put("token", token);
		session.put("expires_at", time(now.plus(1, ChronoUnit.HOURS)));
		session.put("return_url", returnUrl);
		session.put("customer_portal_url", portalUrl);
		session.put("customer_id", customer.get("id").asString());
		session.set("customer", customer.deepCopy());
		return session;
	}

	/** The customer with what it has now: active subscriptions and granted benefits. */
	static ObjectNode customerState(ObjectNode customer, Iterable<ObjectNode> activeSubscriptions,
			Iterable<ObjectNode> grants) {
		ObjectNode state = customer.deepCopy();
		ArrayNode subscriptions = state.putArray("active_subscriptions");
		for (ObjectNode subscription : activeSubscriptions) {
			ObjectNode entry = project(subscription, "id", "created_at", "modified_at", "custom_field_data", "metadata",
					"status", "amount", "currency", "recurring_interval", "current_period_start", "current_period_end",
					"trial_start", "trial_end", "cancel_at_period_end", "canceled_at", "started_at", "ends_at",
					"product_id", "discount_id");
			entry.putArray("meters");
			subscriptions.add(entry);
		}
		ArrayNode benefits = state.putArray("granted_benefits");
		for (ObjectNode grant : grants) {
			ObjectNode entry = project(grant, "id", "created_at", "modified_at", "granted_at", "benefit_id");
			entry.set("benefit_type", grant.get("benefit").get("type").deepCopy());
			entry.set("benefit_metadata", grant.get("benefit").get("metadata").deepCopy());
			entry.set("properties", grant.get("properties").deepCopy());
			benefits.add(entry);
		}
		state.putArray("active_meters");
		return state;
	}

	static ObjectNode page(Iterable<ObjectNode> items, int limit, long totalCount) {
		ObjectNode list = object();
		ArrayNode array = list.putArray("items");
		items.forEach((item) -> array.add(item.deepCopy()));
		ObjectNode pagination = list.putObject("pagination");
		pagination.put("total_count", totalCount);
		pagination.put("max_page", (totalCount + limit - 1) / limit);
		return list;
	}

	/**
	 * The envelope of a webhook delivery: {@code {"type":..., "timestamp":...,
	 * "data":...}}.
	 */
	static ObjectNode webhookPayload(String type, Instant timestamp, ObjectNode data) {
		ObjectNode payload = object();
		payload.put("type", type);
		payload.put("timestamp", time(timestamp));
		payload.set("data", data.deepCopy());
		return payload;
	}

}
