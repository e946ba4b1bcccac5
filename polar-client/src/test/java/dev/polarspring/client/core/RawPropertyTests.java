package dev.polarspring.client.core;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An unknown kind of a union answers the accessors every known kind shares from its raw
 * JSON, with the SDK's mapper, and says what is wrong without quoting what Polar sent.
 */
class RawPropertyTests {

	private static final JsonNode RAW = PolarJson.mapper()
		.readTree("{\"id\": \"b1\", \"created_at\": \"2026-01-02T03:04:05.123456Z\", \"tags\": [\"a\", \"b\"], "
				+ "\"metadata\": {\"plan\": \"pro\"}, \"description\": null, \"token\": \"polar_oat_secret\"}");

	@Test
	void aRequiredPropertyIsDecodedIntoTheAccessorsType() {
		String id = RawProperty.required(RAW, "Benefit", "id", RawProperty.type(String.class));
		OffsetDateTime createdAt = RawProperty.required(RAW, "Benefit", "created_at",
				RawProperty.type(OffsetDateTime.class));
		List<String> tags = RawProperty.required(RAW, "Benefit", "tags",
				RawProperty.type(List.class, RawProperty.type(String.class)));
		Map<String, String> metadata = RawProperty.required(RAW, "Benefit", "metadata",
				RawProperty.type(Map.class, RawProperty.type(String.class), RawProperty.type(String.class)));
		assertThat(id).isEqualTo("b1");
		assertThat(createdAt).isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC));
		assertThat(tags).containsExactly("a", "b");
		assertThat(metadata).containsExactly(Map.entry("plan", "pro"));
	}

	@Test
	void aRequiredPropertyThatIsAbsentOrNullFailsNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RawProperty.required(RAW, "Benefit", "organization_id", RawProperty.type(String.class)))
			.withMessage("This Benefit is of a kind this version of the SDK does not know, and Polar sent it without "
					+ "'organization_id', which every known kind has; read raw() for what Polar sent");
		assertThatIllegalStateException()
			.isThrownBy(() -> RawProperty.required(RAW, "Benefit", "description", RawProperty.type(String.class)))
			.withMessageContaining("without 'description'");
	}

	@Test
	void anOptionalPropertyIsNullWhenAbsentOrNull() {
		assertThat(RawProperty.<String>optional(RAW, "Benefit", "description", RawProperty.type(String.class)))
			.isNull();
		assertThat(RawProperty.<String>optional(RAW, "Benefit", "organization_id", RawProperty.type(String.class)))
			.isNull();
		assertThat(RawProperty.<String>optional(RAW, "Benefit", "id", RawProperty.type(String.class))).isEqualTo("b1");
	}

	@Test
	void aValueOfAnotherShapeFailsNamingThePropertyNotTheValue() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RawProperty.optional(RAW, "Benefit", "token", RawProperty.type(Long.class)))
			.withMessage("The 'token' of this Benefit (a kind this version of the SDK does not know) is not a Long; "
					+ "read raw() for what Polar sent")
			.withNoCause();
		assertThatIllegalStateException()
			.isThrownBy(() -> RawProperty.required(RAW, "Benefit", "tags", RawProperty.type(String.class)))
			.withMessageContaining("'tags'")
			.withMessageNotContaining("[\"a\"");
	}

}
