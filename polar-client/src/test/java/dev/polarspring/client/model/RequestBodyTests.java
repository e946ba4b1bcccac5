package dev.polarspring.client.model;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.core.PolarJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Request bodies send exactly what their builder was told: PATCH keeps "not set", "null"
 * and "value" apart, required properties are checked, unknown properties can be added.
 */
class RequestBodyTests {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	@Test
	void patchSendsTheSetValueTheExplicitNullAndNothingElse() {
		ProductUpdate update = ProductUpdate.builder().name("Pro plan").description(null).build();
		assertThat(json(update)).isEqualTo(MAPPER.readTree("{\"name\":\"Pro plan\",\"description\":null}"));
		assertThat(update.isSet("name")).isTrue();
		assertThat(update.isSet("description")).isTrue();
		assertThat(update.description()).isNull();
		assertThat(update.isSet("visibility")).isFalse();
		assertThat(update.visibility()).isNull();
	}

	@Test
	void emptyPatchSendsAnEmptyObject() {
		assertThat(MAPPER.writeValueAsString(ProductUpdate.builder().build())).isEqualTo("{}");
	}

	@Test
	void decodedPatchKeepsWhichPropertiesWereSet() {
		String json = "{\"description\":null,\"is_archived\":true}";
		ProductUpdate update = MAPPER.readValue(json, ProductUpdate.class);
		assertThat(update.isSet("description")).isTrue();
		assertThat(update.isSet("name")).isFalse();
		assertThat(update.isArchived()).isTrue();
		assertThat(json(update)).isEqualTo(MAPPER.readTree(json));
	}

	@Test
	void buildRejectsAMissingRequiredPropertyNamingIt() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> ProductCreateRecurring.builder().name("Pro").build())
			.withMessageContaining("'prices'")
			.withMessageContaining("prices(...)");
	}

	@Test
	void nonNullablePropertyRejectsNullWhenSet() {
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> ProductCreateRecurring.builder().name(null))
			.withMessageContaining("name");
	}

	@Test
	void createBodyWritesItsConstantsAndOmitsWhatWasNotSet() {
		BenefitCustomCreate create = BenefitCustomCreate.builder()
			.description("Priority support")
			.properties(BenefitCustomCreateProperties.builder().build())
			.build();
		JsonNode json = json(create);
		assertThat(json.path("type").asString()).isEqualTo("custom");
		assertThat(json.path("description").asString()).isEqualTo("Priority support");
		assertThat(json.has("metadata")).isFalse();
	}

	@Test
	void additionalPropertiesAreSentAndKnownNamesRejected() {
		ProductUpdate update = ProductUpdate.builder().additionalProperty("brand_new_flag", true).build();
		assertThat(json(update)).isEqualTo(MAPPER.readTree("{\"brand_new_flag\":true}"));
		assertThat(update.additionalProperties()).containsEntry("brand_new_flag", true);
		assertThatIllegalArgumentException().isThrownBy(() -> ProductUpdate.builder().additionalProperty("name", "x"))
			.withMessageContaining("name(");
	}

	@Test
	void toBuilderChangesACopyOnly() {
		ProductUpdate original = ProductUpdate.builder().name("A").build();
		ProductUpdate changed = original.toBuilder().visibility(ProductVisibility.PUBLIC).build();
		assertThat(json(original)).isEqualTo(MAPPER.readTree("{\"name\":\"A\"}"));
		assertThat(json(changed)).isEqualTo(MAPPER.readTree("{\"name\":\"A\",\"visibility\":\"public\"}"));
		assertThat(changed).isNotEqualTo(original)
			.isEqualTo(original.toBuilder().visibility(ProductVisibility.PUBLIC).build());
	}

	@Test
	void unionRequestBodyIsWrittenAsItsVariant() {
		ProductCreate create = ProductCreateOneTime.builder()
			.name("E-book")
			.prices(List.of(ProductPriceFixedCreate.builder().priceAmount(1500).build()))
			.build();
		JsonNode json = json(create);
		assertThat(json.path("prices").get(0).path("amount_type").asString()).isEqualTo("fixed");
		assertThat(MAPPER.readValue(json.toString(), ProductCreate.class)).isEqualTo(create);
	}

	@Test
	void toStringNeverShowsCredentials() {
		RefreshTokenRequest request = RefreshTokenRequest.builder()
			.clientId("client")
			.clientSecret("very-secret-value")
			.refreshToken("refresh-token-value")
			.build();
		assertThat(request.toString()).contains("clientId=client")
			.doesNotContain("very-secret-value")
			.doesNotContain("refresh-token-value");
	}

	@Test
	void recordToStringNeverShowsCredentials() {
		CustomerSession session = MAPPER.readValue("{\"id\":\"s1\",\"token\":\"polar_cst_secret-value\"}",
				CustomerSession.class);
		assertThat(session.token()).isEqualTo("polar_cst_secret-value");
		assertThat(session.toString()).contains("id=s1").contains("token=***").doesNotContain("secret-value");
	}

	private static JsonNode json(Object value) {
		return MAPPER.readTree(MAPPER.writeValueAsString(value));
	}

}
