package dev.polarspring.client.model;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.core.PolarJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The generated record deserializers read what Jackson read for records, and fail where
 * it failed.
 */
class RecordDeserializerTests {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private static final String REQUIRED = """
			"id": "p1", "created_at": "2025-01-02T03:04:05Z", "name": "Pro", "visibility": "public",
			"organization_id": "o1\"""";

	@Test
	void absentNullableValuesAreNullAndAbsentCollectionsEmpty() {
		Product product = MAPPER.readValue("{" + REQUIRED + ", \"is_recurring\": true, \"is_archived\": false}",
				Product.class);
		assertThat(product.id()).isEqualTo("p1");
		assertThat(product.isRecurring()).isTrue();
		assertThat(product.description()).isNull();
		assertThat(product.modifiedAt()).isNull();
		assertThat(product.prices()).isEmpty();
		assertThat(product.metadata()).isEmpty();
	}

	@Test
	void metadataReadsAsJacksonReadsAMapOfAnyValues() {
		String metadata = "{\"plan\": \"pro\", \"seats\": 3, \"big\": 12345678901, "
				+ "\"huge\": 123456789012345678901234567890, \"ratio\": 0.1000000000000000055511151231257827, "
				+ "\"tiny\": 1.5e-300, \"zero\": -0.0, \"beyond\": 1e400, \"exact\": 2.5E+1, \"flag\": false, \"on\": true, \"none\": null, \"plan\": \"again\", "
				+ "\"list\": [1, [2.5, {\"a\": \"b\"}]], \"nested\": {\"x\": {\"y\": []}}, \"empty\": {}}";
		Map<String, Object> expected = MAPPER.readValue(metadata, new TypeReference<Map<String, Object>>() {
		});
		Product product = MAPPER.readValue("{" + REQUIRED + ", \"is_recurring\": true, \"is_archived\": false, "
				+ "\"metadata\": " + metadata + "}", Product.class);
		assertThat(product.metadata()).containsExactlyEntriesOf(expected);
		assertThat(product.metadata().get("huge")).isInstanceOf(BigInteger.class);
		assertThat(product.metadata().get("big")).isInstanceOf(Long.class);
		assertThat(product.metadata().get("seats")).isInstanceOf(Integer.class);
		assertThat(product.metadata().get("ratio")).isInstanceOf(Double.class);
		assertThat(product.metadata().get("zero")).isEqualTo(-0.0d);
		assertThat(product.metadata().get("beyond")).isEqualTo(Double.POSITIVE_INFINITY);
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> MAPPER.readValue("{" + REQUIRED + ", \"metadata\": {\"a\": [1, }", Product.class))
			.satisfies((ex) -> assertThat(ex.getPathReference()).contains("metadata").contains("[\"a\"]"));
	}

	@Test
	void unknownPropertiesAreSkippedWhateverTheirShape() {
		Product product = MAPPER.readValue(
				"{\"zz\": {\"a\": [1, {\"b\": null}]}, " + REQUIRED
						+ ", \"zz_list\": [[], {}], \"is_recurring\": false, \"is_archived\": true, \"zz_last\": 1}",
				Product.class);
		assertThat(product.name()).isEqualTo("Pro");
		assertThat(product.isArchived()).isTrue();
	}

	@Test
	void anAbsentPrimitiveFailsAsJacksonDoesNamingTheProperty() {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> MAPPER.readValue("{" + REQUIRED + ", \"is_archived\": false}", Product.class))
			.withMessageContaining("Cannot map `null` into type `boolean`")
			.satisfies((ex) -> assertThat(ex.getPath()).extracting(JacksonException.Reference::getPropertyName)
				.containsExactly("is_recurring"));
	}

	@Test
	void aValueOfTheWrongShapeFailsWithThePathToIt() {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> MAPPER.readValue("[{" + REQUIRED + ", \"is_recurring\": false, \"is_archived\": false, "
					+ "\"medias\": [{\"id\": [1]}]}]", Product[].class))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting((reference) -> (reference.getIndex() >= 0)
					? String.valueOf(reference.getIndex()) : reference.getPropertyName())
				.containsExactly("0", "medias", "0", "id"));
	}

	@Test
	void aTupleIsReadItemByItemFromAnArrayOnly() {
		assertThat(MAPPER.readValue("[\"FR123\", \"eu_vat\"]", TaxId.class))
			.isEqualTo(new TaxId("FR123", TaxIDFormat.EU_VAT));
		assertThat(MAPPER.readValue("[\"FR123\"]", TaxId.class)).as("a missing item is null")
			.isEqualTo(new TaxId("FR123", null));
		assertThat(MAPPER.readValue("[\"FR123\", \"eu_vat\", {\"later\": [1]}, 2]", TaxId.class))
			.as("further items are skipped")
			.isEqualTo(new TaxId("FR123", TaxIDFormat.EU_VAT));
		assertThat(MAPPER.readValue("[\"FR123\", \"zz_new\"]", TaxId.class).format()).isEqualTo(TaxIDFormat.UNKNOWN);
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> MAPPER.readValue("{\"value\": \"FR123\", \"format\": \"eu_vat\"}", TaxId.class))
			.withMessageContaining("TaxId");
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> MAPPER.readValue("[[\"FR123\"], \"eu_vat\"]", TaxId.class))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting(JacksonException.Reference::getPropertyName)
				.containsExactly("value"));
	}

	@Test
	void anythingButAnObjectIsAMismatch() {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> MAPPER.readValue("[\"p1\"]", Product[].class))
			.withMessageContaining("Product");
	}

}
