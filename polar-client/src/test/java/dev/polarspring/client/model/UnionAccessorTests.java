package dev.polarspring.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.core.PolarJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A union declares what every kind has, so a caller reads {@code Benefit.id()} without a
 * switch, on a known kind and on one this SDK does not know.
 */
class UnionAccessorTests {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private static final String BENEFIT = """
			{"id": "ben_1", "created_at": "2026-01-02T03:04:05.123456Z", "modified_at": null, "type": "%s",
			 "description": "Early access", "selectable": true, "deletable": false, "is_deleted": false,
			 "organization_id": "org_1", "metadata": {"tier": "gold"}, "visibility": "public",
			 "properties": {"note": "hi"}, "visibility_configurable": true}
			""";

	@Test
	void sharedAccessorsReadAKnownKind() {
		Benefit benefit = MAPPER.readValue(BENEFIT.formatted("custom"), Benefit.class);
		assertThat(benefit).isInstanceOf(BenefitCustom.class);
		assertThat(benefit.id()).isEqualTo("ben_1");
		assertThat(benefit.type()).isEqualTo("custom");
		assertThat(benefit.organizationId()).isEqualTo("org_1");
		assertThat(benefit.visibility()).isEqualTo(BenefitVisibility.PUBLIC);
	}

	@Test
	void sharedAccessorsReadAnUnknownKindFromItsJson() {
		Benefit benefit = MAPPER.readValue(BENEFIT.formatted("hologram"), Benefit.class);
		assertThat(benefit).isInstanceOf(Benefit.Unknown.class);
		assertThat(benefit.id()).isEqualTo("ben_1");
		assertThat(benefit.type()).isEqualTo("hologram");
		assertThat(benefit.createdAt()).isEqualTo(OffsetDateTime.parse("2026-01-02T03:04:05.123456Z"));
		assertThat(benefit.modifiedAt()).isNull();
		assertThat(benefit.selectable()).isTrue();
		assertThat(benefit.metadata()).isEqualTo(Map.of("tier", "gold"));
		assertThat(benefit.visibility()).isEqualTo(BenefitVisibility.PUBLIC);
		assertThat(MAPPER.writeValueAsString(benefit))
			.isEqualTo(MAPPER.readTree(BENEFIT.formatted("hologram")).toString());
	}

	@Test
	void kindsInAListAreReadWhereverTheDiscriminatorIsOrWithoutOne() {
		String last = "{\"type\": \"custom\"," + BENEFIT.formatted("custom").substring(1).replace("ben_1", "ben_4");
		String json = "[" + BENEFIT.formatted("custom")
				+ ", {\"id\": \"ben_2\", \"metadata\": {\"type\": \"custom\"}}, "
				+ BENEFIT.formatted("hologram").replace("ben_1", "ben_3") + ", " + last + "]";
		List<Benefit> benefits = MAPPER.readValue(json, new TypeReference<List<Benefit>>() {
		});
		assertThat(benefits).extracting(Benefit::getClass)
			.containsExactly(BenefitCustom.class, Benefit.Unknown.class, Benefit.Unknown.class, BenefitCustom.class);
		assertThat(benefits).extracting(Benefit::id).containsExactly("ben_1", "ben_2", "ben_3", "ben_4");
		assertThat(((Benefit.Unknown) benefits.get(1)).raw().toString())
			.isEqualTo("{\"id\":\"ben_2\",\"metadata\":{\"type\":\"custom\"}}");
		// The discriminator first: everything after it is read straight from the parser.
		assertThat(benefits.get(3).metadata()).isEqualTo(Map.of("tier", "gold"));
		assertThat(benefits.get(3).visibility()).isEqualTo(BenefitVisibility.PUBLIC);
	}

	@Test
	void anUnknownKindWithoutAGuaranteedPropertyFailsNamingIt() {
		Benefit benefit = MAPPER.readValue("{\"type\": \"hologram\"}", Benefit.class);
		assertThat(benefit.modifiedAt()).isNull();
		assertThatIllegalStateException().isThrownBy(benefit::id)
			.withMessageContaining("Benefit")
			.withMessageContaining("'id'")
			.withMessageContaining("read raw()");
	}

	@Test
	void anUnknownKindWithAValueOfAnotherShapeFailsWithoutQuotingIt() {
		Benefit benefit = MAPPER.readValue("{\"type\": \"hologram\", \"created_at\": \"sk_live_secret\"}",
				Benefit.class);
		assertThatIllegalStateException().isThrownBy(benefit::createdAt)
			.withMessageContaining("'created_at'")
			.withMessageContaining("OffsetDateTime")
			.withMessageNotContaining("sk_live_secret");
	}

	@Test
	void requestBodyKindsShareAccessorsToo() {
		BenefitCreate create = BenefitCustomCreate.builder()
			.description("Early access")
			.properties(BenefitCustomCreateProperties.builder().build())
			.build();
		assertThat(create.description()).isEqualTo("Early access");
		assertThat(create.type()).isEqualTo("custom");
	}

}
