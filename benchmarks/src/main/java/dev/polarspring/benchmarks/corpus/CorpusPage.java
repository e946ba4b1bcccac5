package dev.polarspring.benchmarks.corpus;

import dev.polarspring.client.model.CustomerList;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.OrderList;
import dev.polarspring.client.model.ProductList;
import dev.polarspring.client.model.SubscriptionList;

/**
 * The documents of the corpus that an API call answers: a page of 100 items of a list
 * operation, or one customer state.
 */
public enum CorpusPage {

	/** {@code GET /v1/products/}: a page of {@code Product}. */
	PRODUCTS("Product", ProductList.class, 4096),

	/** {@code GET /v1/orders/}: a page of {@code Order}, with items and discounts. */
	ORDERS("Order", OrderList.class, 0),

	/**
	 * {@code GET /v1/subscriptions/}: a page of {@code Subscription}, with meters and
	 * prices.
	 */
	SUBSCRIPTIONS("Subscription", SubscriptionList.class, 0),

	/** {@code GET /v1/customers/}: a page of {@code Customer}, individuals and teams. */
	CUSTOMERS("Customer", CustomerList.class, 0),

	/** {@code GET /v1/customers/{id}/state}: one {@code CustomerState}, not a page. */
	CUSTOMER_STATE("CustomerState", CustomerState.class, 0);

	private final String itemSchema;

	private final Class<?> recordType;

	private final int minimumItemBytes;

	CorpusPage(String itemSchema, Class<?> recordType, int minimumItemBytes) {
		this.itemSchema = itemSchema;
		this.recordType = recordType;
		this.minimumItemBytes = minimumItemBytes;
	}

	/**
	 * Returns the component schema of the items (or of the document, for one that is not
	 * a page).
	 * @return the schema name, such as {@code Product}
	 */
	public String itemSchema() {
		return this.itemSchema;
	}

	/**
	 * Returns the generated record the typed client decodes the document into.
	 * @return the record class, such as {@code ProductList}
	 */
	public Class<?> recordType() {
		return this.recordType;
	}

	/**
	 * Returns the size below which an item is left out of the page and another one made:
	 * the products of the corpus are at least 4 KB each, as on a busy organization.
	 * @return the least number of bytes of an item's JSON, 0 for any size
	 */
	public int minimumItemBytes() {
		return this.minimumItemBytes;
	}

	/**
	 * Tells whether the document is a page of items with a {@code pagination}.
	 * @return whether it is a page
	 */
	public boolean isPage() {
		return this != CUSTOMER_STATE;
	}

}
