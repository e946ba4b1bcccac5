package dev.polarspring.client.core;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RetrySettings;

/**
 * Hand-made operations and models standing in for the generated ones, shaped like
 * Polar's.
 */
final class TestApi {

	static final String TOKEN = "polar_oat_TopSecretTokenValue123";

	static final String SESSION_TOKEN = "polar_cst_SessionSecretValue456";

	static final ApiOperation PRODUCTS_LIST = new ApiOperation("products:list", "products", HttpMethod.GET,
			"/v1/products/", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation PRODUCTS_GET = new ApiOperation("products:get", "products", HttpMethod.GET,
			"/v1/products/{id}", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation PRODUCTS_CREATE = new ApiOperation("products:create", "products", HttpMethod.POST,
			"/v1/products/", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation PRODUCTS_UPDATE = new ApiOperation("products:update", "products", HttpMethod.PATCH,
			"/v1/products/{id}", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation CUSTOMERS_DELETE = new ApiOperation("customers:delete", "customers", HttpMethod.DELETE,
			"/v1/customers/{id}", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation CUSTOMER_GET_EXTERNAL = new ApiOperation("customers:get_external", "customers",
			HttpMethod.GET, "/v1/customers/external/{external_id}", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation ORDERS_EXPORT = new ApiOperation("orders:export", "orders", HttpMethod.GET,
			"/v1/orders/export", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation ORDERS_RECEIPT = new ApiOperation("orders:receipt", "orders", HttpMethod.GET,
			"/v1/orders/{id}/receipt", AuthScheme.ACCESS_TOKEN);

	static final ApiOperation EVENTS_LIST = new ApiOperation("events:list", "events", HttpMethod.GET, "/v1/events/",
			AuthScheme.ACCESS_TOKEN);

	static final ApiOperation OAUTH2_TOKEN = new ApiOperation("oauth2:request_token", "oauth2", HttpMethod.POST,
			"/v1/oauth2/token", AuthScheme.NONE);

	static final ApiOperation PORTAL_CUSTOMER_GET = new ApiOperation("customer_portal:customers:get", "customer_portal",
			HttpMethod.GET, "/v1/customer-portal/customers/me", AuthScheme.CUSTOMER_SESSION);

	private TestApi() {
	}

	/**
	 * A client against the given server that never waits between retries and has no
	 * jitter, so waits can be asserted exactly.
	 */
	static PolarClient.Builder client(String baseUrl, RecordingSleeper sleeper) {
		return PolarClient.builder()
			.baseUrl(baseUrl)
			.accessToken(TOKEN)
			.sleeper(sleeper)
			.retrySettings(RetrySettings.defaults().withJitter(0));
	}

	static String productJson(String id, String name) {
		return """
				{"id": "%s", "name": "%s", "price_amount": 1500, "created_at": "2026-01-02T03:04:05Z",
				 "unknown_future_field": {"nested": true}}""".formatted(id, name);
	}

	static String pageJson(int totalCount, int maxPage, String... ids) {
		StringBuilder items = new StringBuilder();
		for (String id : ids) {
			if (!items.isEmpty()) {
				items.append(',');
			}
			items.append(productJson(id, "Product " + id));
		}
		return """
				{"items": [%s], "pagination": {"total_count": %d, "max_page": %d}}""".formatted(items, totalCount,
				maxPage);
	}

	record Product(String id, String name, @JsonProperty("price_amount") long priceAmount,
			@JsonProperty("created_at") OffsetDateTime createdAt) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProductCreate(String name, @JsonProperty("price_amount") long priceAmount,
			@Nullable Map<String, Object> metadata) {
	}

	record TokenRequest(@JsonProperty("grant_type") String grantType, @JsonProperty("client_id") String clientId,
			@JsonProperty("client_secret") String clientSecret, @Nullable String scope,
			@JsonProperty("redirect_uris") List<String> redirectUris) {
	}

	record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType) {
	}

	enum ProductSorting {

		CREATED_AT("created_at"), CREATED_AT_DESC("-created_at"), PRICE_AMOUNT_DESC("-price_amount_type");

		private final String value;

		ProductSorting(String value) {
			this.value = value;
		}

		@Override
		public String toString() {
			return this.value;
		}

	}

	/**
	 * Shaped like a generated params class: immutable, writes each set parameter by wire
	 * name.
	 */
	record ProductListParams(@Nullable List<String> organizationId, @Nullable Boolean isArchived,
			@Nullable List<ProductSorting> sorting, @Nullable Map<String, Object> metadata,
			@Nullable OffsetDateTime createdAfter, @Nullable Integer limit) implements QueryParams {

		@Override
		public void writeTo(QueryWriter query) {
			query.add("organization_id", this.organizationId)
				.add("is_archived", this.isArchived)
				.add("sorting", this.sorting)
				.add("metadata", this.metadata)
				.add("created_after", this.createdAfter)
				.add("limit", this.limit);
		}

	}

}
