package dev.polarspring.client.model;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
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
	void eachPropertyIsSetOnItsOwnUpToTheLastOfTheLargestBody() {
		CheckoutProductsCreate prices = CheckoutProductsCreate.builder().products(List.of("p1")).prices(null).build();
		CheckoutProductsCreate locale = CheckoutProductsCreate.builder().products(List.of("p1")).locale(null).build();
		assertThat(prices.isSet("prices")).isTrue();
		assertThat(prices.isSet("locale")).isFalse();
		assertThat(prices.isSet("trial_interval")).isFalse();
		assertThat(prices.isSet("no_such_property")).isFalse();
		assertThat(json(prices)).isEqualTo(MAPPER.readTree("{\"products\":[\"p1\"],\"prices\":null}"));
		assertThat(prices).isNotEqualTo(locale)
			.isNotEqualTo(CheckoutProductsCreate.builder().products(List.of("p1")).build())
			.isEqualTo(CheckoutProductsCreate.builder().prices(null).products(List.of("p1")).build())
			.hasSameHashCodeAs(CheckoutProductsCreate.builder().prices(null).products(List.of("p1")).build());
		assertThat(prices.toString()).contains("prices=null").doesNotContain("locale");
	}

	@Test
	void aBuiltBodyKeepsItsAdditionalPropertiesWhateverItsBuilderDoesNext() {
		ProductUpdate.Builder builder = ProductUpdate.builder().additionalProperty("first", 1);
		ProductUpdate original = builder.build();
		builder.additionalProperty("second", 2);
		ProductUpdate copy = original.toBuilder().additionalProperty("third", 3).build();
		assertThat(original.additionalProperties()).containsOnlyKeys("first");
		assertThat(builder.build().additionalProperties()).containsOnlyKeys("first", "second");
		assertThat(copy.additionalProperties()).containsOnlyKeys("first", "third");
		assertThat(ProductUpdate.builder().build().additionalProperties()).isEmpty();
		assertThat(ProductUpdate.builder().build()).isEqualTo(ProductUpdate.builder().build().toBuilder().build());
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

	@Test
	void aDecodedBodyKeepsUnknownPropertiesAsTheyCameAndSkipsItsConstants() {
		CustomFieldSelectProperties properties = MAPPER.readValue(
				"{\"options\": [{\"value\": \"a\", \"label\": \"A\"}], "
						+ "\"zz\": {\"a\": [1.5, 123456789012345678901234567890, null]}, \"form_label\": \"Size\"}",
				CustomFieldSelectProperties.class);
		assertThat(properties.formLabel()).isEqualTo("Size");
		assertThat(properties.isSet("form_placeholder")).isFalse();
		assertThat(properties.options()).singleElement()
			.satisfies((option) -> assertThat(option.label()).isEqualTo("A"));
		assertThat(json(properties).path("zz"))
			.isEqualTo(MAPPER.readTree("{\"a\": [1.5, 123456789012345678901234567890, null]}"));
		BenefitCustomCreate create = MAPPER.readValue(
				"{\"type\": \"anything\", \"description\": \"d\", \"properties\": {}}", BenefitCustomCreate.class);
		assertThat(create.additionalProperties()).isEmpty();
		assertThat(json(create).path("type").asString()).isEqualTo("custom");
	}

	@Test
	void aDecodedBodyFailsWhereItsBuilderRefusesNamingTheProperty() {
		assertThatExceptionOfType(DatabindException.class).as("null for a property that may not be null")
			.isThrownBy(() -> MAPPER.readValue("{\"options\": [{\"value\": null, \"label\": \"A\"}]}",
					CustomFieldSelectProperties.class))
			.withMessageContaining("value must not be null")
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("options", "0", "value"));
		assertThatExceptionOfType(ValueInstantiationException.class).as("a required property missing")
			.isThrownBy(() -> MAPPER.readValue("[{\"options\": []}, {\"options\": [{\"label\": \"A\"}]}]",
					CustomFieldSelectProperties[].class))
			.withMessageContaining("required property 'value'")
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("1", "options", "0"));
		assertThatExceptionOfType(MismatchedInputException.class).as("a value of the wrong shape")
			.isThrownBy(() -> MAPPER.readValue("{\"options\": 5}", CustomFieldSelectProperties.class))
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("options"));
		assertThatExceptionOfType(MismatchedInputException.class).as("not an object")
			.isThrownBy(() -> MAPPER.readValue("\"x\"", CustomFieldSelectProperties.class));
		assertThatExceptionOfType(StreamReadException.class).as("malformed inside an unknown property")
			.isThrownBy(() -> MAPPER.readValue("{\"options\": [], \"zz\": [1, }", CustomFieldSelectProperties.class));
	}

	private static List<String> path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getIndex() >= 0) ? String.valueOf(reference.getIndex())
					: reference.getPropertyName())
			.toList();
	}

	private static JsonNode json(Object value) {
		return MAPPER.readTree(MAPPER.writeValueAsString(value));
	}

}
