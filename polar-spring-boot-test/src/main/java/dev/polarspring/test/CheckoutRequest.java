package dev.polarspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a checkout is created with, from the body of {@code POST /v1/checkouts/} or from a
 * checkout link. Discounts are not modelled: a {@code discount_id} is checked for its
 * format and recorded on the checkout, not applied to the amount.
 */
record CheckoutRequest(List<String> productIds, @Nullable String successUrl, @Nullable String returnUrl,
		@Nullable String customerId, @Nullable String externalCustomerId, @Nullable String customerEmail,
		@Nullable String customerName, ObjectNode metadata, ObjectNode customerMetadata, @Nullable String discountId,
		boolean allowDiscountCodes, @Nullable Long seats) {

	/** Polar's bounds of {@code seats}. */
	private static final long MAX_SEATS = 10_000;

	CheckoutRequest(List<String> productIds, @Nullable String successUrl, @Nullable String returnUrl,
			@Nullable String customerId, @Nullable String externalCustomerId, @Nullable String customerEmail,
			@Nullable String customerName, ObjectNode metadata, ObjectNode customerMetadata) {
		this(productIds, successUrl, returnUrl, customerId, externalCustomerId, customerEmail, customerName, metadata,
				customerMetadata, null, true, null);
	}

	static CheckoutRequest of(ObjectNode body) {
		List<String> productIds = new ArrayList<>();
		body.path("products").forEach((id) -> productIds.add(id.asString()));
		return new CheckoutRequest(productIds, PolarDocuments.text(body, "success_url"),
				PolarDocuments.text(body, "return_url"), PolarDocuments.text(body, "customer_id"),
				PolarDocuments.text(body, "external_customer_id"), PolarDocuments.text(body, "customer_email"),
				PolarDocuments.text(body, "customer_name"), object(body, "metadata"), object(body, "customer_metadata"),
				discountId(body), allowDiscountCodes(body), seats(body));
	}

	/** Polar's own confirmation page is where a checkout without a success URL ends. */
	CheckoutRequest withDefaultSuccessUrl(String defaultSuccessUrl) {
		return (this.successUrl != null) ? this
				: new CheckoutRequest(this.productIds, defaultSuccessUrl, this.returnUrl, this.customerId,
						this.externalCustomerId, this.customerEmail, this.customerName, this.metadata,
						this.customerMetadata, this.discountId, this.allowDiscountCodes, this.seats);
	}

	private static ObjectNode object(ObjectNode body, String field) {
		return (body.path(field).isObject()) ? (ObjectNode) body.get(field).deepCopy() : PolarDocuments.object();
	}

	private static @Nullable String discountId(ObjectNode body) {
		JsonNode value = body.path("discount_id");
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		try {
			return UUID.fromString(value.asString()).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new FakeApiException(
					FakeError.validation("Input should be a valid UUID", "uuid_parsing", "body", "discount_id"));
		}
	}

	private static boolean allowDiscountCodes(ObjectNode body) {
		JsonNode value = body.path("allow_discount_codes");
		if (value.isMissingNode() || value.isNull()) {
			return true;
		}
		if (!value.isBoolean()) {
			throw new FakeApiException(FakeError.validation("Input should be a valid boolean", "bool_type", "body",
					"allow_discount_codes"));
		}
		return value.asBoolean();
	}

	private static @Nullable Long seats(ObjectNode body) {
		JsonNode value = body.path("seats");
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber()) {
			throw new FakeApiException(
					FakeError.validation("Input should be a valid integer", "int_type", "body", "seats"));
		}
		long seats = value.asLong();
		if (seats < 1) {
			throw new FakeApiException(FakeError.validation("Input should be greater than or equal to 1",
					"greater_than_equal", "body", "seats"));
		}
		if (seats > MAX_SEATS) {
			throw new FakeApiException(FakeError.validation("Input should be less than or equal to 10000",
					"less_than_equal", "body", "seats"));
		}
		return seats;
	}

}
