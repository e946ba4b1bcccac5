package dev.polarspring.autoconfigure.billing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.webhook.WebhookSigner;
import dev.polarspring.client.webhook.WebhookVector;

/**
 * Polar's answers and webhooks for the billing tests, made from the shared webhook
 * vectors (every property as Polar sends it) with the ids of these tests written in.
 */
final class PolarFixtures {

	static final String WEBHOOK_SECRET = "whsec_YmlsbGluZy10ZXN0cy1vZi1wb2xhci1zcHJpbmctYm9vdA==";

	static final String CUSTOMER_ID = "7d2c1f0e-4b3a-4c5d-8e9f-0a1b2c3d4e5f";

	static final String PRO_PRODUCT = "11111111-2222-4333-8444-555555555555";

	static final String STARTER_PRODUCT = "22222222-3333-4444-8555-666666666666";

	static final String PRO_BENEFIT = "33333333-4444-4555-8666-777777777777";

	static final String METER = "44444444-5555-4666-8777-888888888888";

	static final String SUBSCRIPTION_ID = "55555555-6666-4777-8888-999999999999";

	private PolarFixtures() {
	}

	/** A customer subscribed to the Pro product with the Pro benefit and a meter. */
	static String customerState(String externalId) {
		ObjectNode state = data("customer.state_changed");
		state.put("id", CUSTOMER_ID);
		state.put("external_id", externalId);
		state.putNull("deleted_at");
		ObjectNode subscription = (ObjectNode) state.get("active_subscriptions").get(0);
		subscription.put("id", SUBSCRIPTION_ID);
		subscription.put("product_id", PRO_PRODUCT);
		subscription.put("status", "active");
		subscription.put("cancel_at_period_end", false);
		((ArrayNode) state.get("active_subscriptions")).removeAll().add(subscription);
		ObjectNode benefit = (ObjectNode) state.get("granted_benefits").get(1);
		benefit.put("benefit_id", PRO_BENEFIT);
		benefit.put("benefit_type", "custom");
		((ArrayNode) state.get("granted_benefits")).removeAll().add(benefit);
		ObjectNode meter = (ObjectNode) state.get("active_meters").get(0);
		meter.put("meter_id", METER);
		((ArrayNode) state.get("active_meters")).removeAll().add(meter);
		return state.toString();
	}

	/** A page of the customer's paid orders, one per product. */
	static String paidOrders(String externalId, String... productIds) {
		ObjectNode page = PolarJson.mapper().createObjectNode();
		ArrayNode items = page.putArray("items");
		for (String productId : productIds) {
			ObjectNode order = data("order.paid");
			order.put("id", UUID.randomUUID().toString());
			order.put("status", "paid");
			order.put("product_id", productId);
			order.put("customer_id", CUSTOMER_ID);
			((ObjectNode) order.get("customer")).put("external_id", externalId);
			items.add(order);
		}
		ObjectNode pagination = page.putObject("pagination");
		pagination.put("total_count", productIds.length);
		pagination.put("max_page", 1);
		return page.toString();
	}

	/** A checkout whose page is at the URL. */
	static String checkout(String url) {
		ObjectNode checkout = data("checkout.created");
		checkout.put("url", url);
		return checkout.toString();
	}

	/** A customer session whose portal is at the URL. */
	static String customerSession(String portalUrl) {
		ObjectNode customer = data("customer.created");
		customer.put("id", CUSTOMER_ID);
		ObjectNode session = PolarJson.mapper().createObjectNode();
		session.put("created_at", "2026-10-01T09:00:00Z");
		session.putNull("modified_at");
		session.put("id", UUID.randomUUID().toString());
		session.put("token", "polar_cst_billing_tests_token");
		session.put("expires_at", "2026-10-01T10:00:00Z");
		session.putNull("return_url");
		session.put("customer_portal_url", portalUrl);
		session.put("customer_id", CUSTOMER_ID);
		session.set("customer", customer);
		return session.toString();
	}

	/**
	 * The body of a webhook of a type about the customer, sent at a time.
	 * @param type such as {@code subscription.updated}
	 * @param timestamp the event's timestamp
	 * @param externalId the customer's external id, or {@code null} to leave it out
	 */
	static byte[] webhook(String type, Instant timestamp, String externalId) {
		ObjectNode payload = payload(type);
		payload.put("timestamp", timestamp.toString());
		ObjectNode data = (ObjectNode) payload.get("data");
		if (data.has("customer") && data.get("customer").isObject()) {
			((ObjectNode) data.get("customer")).put("external_id", externalId);
			((ObjectNode) data.get("customer")).put("id", CUSTOMER_ID);
			data.put("customer_id", CUSTOMER_ID);
		}
		else if (data.has("external_id")) {
			data.put("external_id", externalId);
			data.put("id", CUSTOMER_ID);
		}
		else if (data.has("customer_id")) {
			data.put("customer_id", CUSTOMER_ID);
		}
		return payload.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A webhook of a type this version does not know, about the customer. */
	static byte[] unknownWebhook(String type, Instant timestamp, String externalId) {
		ObjectNode payload = payload("subscription.updated");
		payload.put("type", type);
		payload.put("timestamp", timestamp.toString());
		((ObjectNode) payload.get("data").get("customer")).put("external_id", externalId);
		return payload.toString().getBytes(StandardCharsets.UTF_8);
	}

	static Map<String, String> signed(byte[] body) {
		String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
		return new LinkedHashMap<>(WebhookSigner.of(WEBHOOK_SECRET).headers(id, Instant.now(), body));
	}

	private static ObjectNode data(String type) {
		return (ObjectNode) payload(type).get("data");
	}

	private static ObjectNode payload(String type) {
		String body = WebhookVector.load()
			.stream()
			.filter((vector) -> (type + ": valid").equals(vector.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No valid vector of type " + type))
			.body();
		JsonNode payload = PolarJson.mapper().readTree(body);
		return (ObjectNode) payload;
	}

}
