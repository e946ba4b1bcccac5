package dev.polarspring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a checkout is created with, from the body of {@code POST /v1/checkouts/} or from a
 * checkout link.
 */
record CheckoutRequest(List<String> productIds, @Nullable String successUrl, @Nullable String returnUrl,
		@Nullable String customerId, @Nullable String externalCustomerId, @Nullable String customerEmail,
		@Nullable String customerName, ObjectNode metadata, ObjectNode customerMetadata) {

	static CheckoutRequest of(ObjectNode body) {
		List<String> productIds = new ArrayList<>();
		body.path("products").forEach((id) -> productIds.add(id.asString()));
		return new CheckoutRequest(productIds, PolarDocuments.text(body, "success_url"),
				PolarDocuments.text(body, "return_url"), PolarDocuments.text(body, "customer_id"),
				PolarDocuments.text(body, "external_customer_id"), PolarDocuments.text(body, "customer_email"),
				PolarDocuments.text(body, "customer_name"), object(body, "metadata"),
				object(body, "customer_metadata"));
	}

	/** Polar's own confirmation page is where a checkout without a success URL ends. */
	CheckoutRequest withDefaultSuccessUrl(String defaultSuccessUrl) {
		return (this.successUrl != null) ? this
				: new CheckoutRequest(this.productIds, defaultSuccessUrl, this.returnUrl, this.customerId,
						this.externalCustomerId, this.customerEmail, this.customerName, this.metadata,
						this.customerMetadata);
	}

	private static ObjectNode object(ObjectNode body, String field) {
		return (body.path(field).isObject()) ? (ObjectNode) body.get(field).deepCopy() : PolarDocuments.object();
	}

}
