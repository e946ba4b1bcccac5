package dev.polarspring.client.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON answers shaped like Polar's, for the resource client tests.
 */
final class Fixtures {

	private Fixtures() {
	}

	/**
	 * A product with one fixed price, one custom benefit and metadata, every required
	 * field set.
	 * @param id the product id
	 * @return the JSON object
	 */
	static String product(String id) {
		return """
				{"id": "%1$s", "created_at": "2026-01-02T03:04:05.123456Z", "modified_at": null,
				 "trial_interval": null, "trial_interval_count": null, "name": "Product %1$s",
				 "description": "A product", "visibility": "public", "recurring_interval": "month",
				 "recurring_interval_count": 1, "meter_interval": null, "meter_interval_count": null,
				 "is_recurring": true, "is_archived": false,
				 "organization_id": "0b5a2f6e-6d7c-4a59-9a43-6b0a5f0f1c11", "metadata": {"plan": "pro", "seats": 5},
				 "prices": [{"created_at": "2026-01-02T03:04:05Z", "modified_at": null,
				   "id": "price_%1$s", "source": "catalog", "amount_type": "fixed", "price_currency": "usd",
				   "tax_behavior": null, "is_archived": false, "product_id": "%1$s", "price_amount": 1500}],
				 "benefits": [{"id": "ben_%1$s", "created_at": "2026-01-02T03:04:05Z", "modified_at": null,
				   "type": "custom", "description": "Support", "selectable": true, "deletable": true,
				   "is_deleted": false, "organization_id": "0b5a2f6e-6d7c-4a59-9a43-6b0a5f0f1c11", "metadata": {},
				   "visibility": "public", "properties": {"note": "Write to us"}, "visibility_configurable": true}],
				 "medias": [], "attached_custom_fields": []}""".formatted(id);
	}

	/**
	 * A page-numbered list of products.
	 * @param totalCount the number of products in all pages
	 * @param maxPage the last page number
	 * @param ids the ids of the products on this page
	 * @return the JSON object
	 */
	static String productPage(int totalCount, int maxPage, String... ids) {
		List<String> items = new ArrayList<>();
		for (String id : ids) {
			items.add(product(id));
		}
		return "{\"items\": [" + String.join(", ", items) + "], \"pagination\": {\"total_count\": " + totalCount
				+ ", \"max_page\": " + maxPage + "}}";
	}

	/**
	 * A cursor-paginated list of user events.
	 * @param hasNextPage whether another page follows
	 * @param ids the ids of the events on this page
	 * @return the JSON object
	 */
	static String eventCursorPage(boolean hasNextPage, String... ids) {
		List<String> items = new ArrayList<>();
		for (String id : ids) {
			items.add("""
					{"id": "%s", "timestamp": "2026-01-02T03:04:05Z",
					 "organization_id": "0b5a2f6e-6d7c-4a59-9a43-6b0a5f0f1c11", "customer_id": null, "customer": null,
					 "external_customer_id": "user_42", "label": "API call", "name": "api_call", "source": "user",
					 "metadata": {"tokens": 120}}""".formatted(id));
		}
		return "{\"items\": [" + String.join(", ", items) + "], \"pagination\": {\"has_next_page\": " + hasNextPage
				+ "}}";
	}

	/**
	 * An empty page-numbered list.
	 * @return the JSON object
	 */
	static String emptyPage() {
		return "{\"items\": [], \"pagination\": {\"total_count\": 0, \"max_page\": 1}}";
	}

}
