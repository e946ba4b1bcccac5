package dev.polarspring.test;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance checker finds what it is there to find, so a passing conformance test
 * means something.
 */
class OpenApiSchemasTests {

	private final OpenApiSchemas schemas = OpenApiSchemas.load();

	private ObjectNode product() {
		try (FakePolar fake = FakePolar.start()) {
			return (ObjectNode) new FakeHttp(fake).get("/v1/products/" + fake.product("Pro Plan").id()).json();
		}
	}

	@Test
	void acceptsTheFakesProduct() {
		assertThat(this.schemas.violations(product(), this.schemas.response("get", "/v1/products/{id}", 200)))
			.isEmpty();
	}

	@Test
	void findsAMissingRequiredProperty() {
		ObjectNode product = product();
		product.remove("is_archived");
		assertThat(this.schemas.violations(product, this.schemas.response("get", "/v1/products/{id}", 200)))
			.containsExactly("$: missing required property 'is_archived'");
	}

	@Test
	void findsAPropertyTheSchemaDoesNotHave() {
		ObjectNode product = product();
		product.put("price", 900);
		assertThat(this.schemas.violations(product, this.schemas.response("get", "/v1/products/{id}", 200)))
			.containsExactly("$: property 'price' is not in the schema");
	}

	@Test
	void findsAWrongTypeInsideAUnion() {
		ObjectNode product = product();
		((ObjectNode) product.get("prices").get(0)).put("price_amount", "9.00");
		assertThat(this.schemas.violations(product, this.schemas.response("get", "/v1/products/{id}", 200)))
			.singleElement()
			.asString()
			.startsWith("$.prices[0]: matches no alternative");
	}

	@Test
	void findsABadDateAndABadEnumValue() {
		ObjectNode product = product();
		product.put("created_at", "yesterday");
		product.put("visibility", "hidden");
		assertThat(this.schemas.violations(product, this.schemas.response("get", "/v1/products/{id}", 200)))
			.containsExactly("$.created_at: 'yesterday' is not a date-time",
					"$.visibility: \"hidden\" is not one of [\"draft\",\"private\",\"public\"]");
	}

	@Test
	void checksWebhookPayloads() {
		ObjectNode payload = PolarJson.mapper().createObjectNode();
		payload.put("type", "order.paid");
		payload.put("timestamp", "2026-10-01T12:00:00Z");
		assertThat(this.schemas.violations(payload, this.schemas.webhook("order.paid")))
			.containsExactly("$: missing required property 'data'");
	}

}
