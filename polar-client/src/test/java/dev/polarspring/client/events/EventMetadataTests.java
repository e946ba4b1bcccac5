package dev.polarspring.client.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.EventMetadataInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Metadata from a map: Polar's four value types pass and are written as they are; every
 * rule Polar checks fails at the call with a message naming the key.
 */
class EventMetadataTests {

	@Test
	void writesEachEntryAsAMetadataProperty() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("model", "large");
		values.put("tokens", 1200);
		values.put("bytes", 5_000_000_000L);
		values.put("seconds", 1.5);
		values.put("cached", true);
		values.put("exact", new BigDecimal("0.10"));
		values.put("huge", new BigInteger("123456789012345678901234567890"));
		EventMetadataInput metadata = EventMetadata.of(values);
		assertThat(PolarJson.mapper().writeValueAsString(metadata))
			.isEqualTo("{\"model\":\"large\",\"tokens\":1200,\"bytes\":5000000000,\"seconds\":1.5,\"cached\":true,"
					+ "\"exact\":0.10,\"huge\":123456789012345678901234567890}");
	}

	@Test
	void emptyMapIsEmptyMetadata() {
		assertThat(PolarJson.mapper().writeValueAsString(EventMetadata.of(Map.of()))).isEqualTo("{}");
	}

	@Test
	void nullValueNamesTheKey() {
		Map<String, Object> values = new HashMap<>();
		values.put("plan", null);
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(values))
			.withMessageStartingWith("metadata 'plan' is null");
	}

	@Test
	void nestedMapNamesTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("usage", Map.of("tokens", 1))))
			.withMessage("metadata 'usage' is a map; Polar's metadata is flat: give each value its own key");
	}

	@Test
	void listNamesTheKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("tags", List.of("a"))))
			.withMessageStartingWith("metadata 'tags' is a list");
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("bytes", new int[] { 1, 2 })))
			.withMessageStartingWith("metadata 'bytes' is a list");
	}

	@Test
	void otherTypesNameTheKeyAndTheType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventMetadata.check(Map.of("when", java.time.Instant.EPOCH)))
			.withMessage("metadata 'when' is a java.time.Instant; Polar accepts a string, an integer, a number or "
					+ "a boolean");
	}

	@Test
	void numbersJsonCannotWriteAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("ratio", Double.NaN)))
			.withMessage("metadata 'ratio' is NaN; JSON has no such number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventMetadata.check(Map.of("ratio", Float.POSITIVE_INFINITY)))
			.withMessage("metadata 'ratio' is Infinity; JSON has no such number");
	}

	@Test
	void stringsAreOneToFiveHundredCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("model", "")))
			.withMessageStartingWith("metadata 'model' is an empty string");
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("prompt", "x".repeat(501))))
			.withMessage("metadata 'prompt' is 501 characters long; Polar accepts at most 500");
		EventMetadata.check(Map.of("prompt", "x".repeat(500)));
		// Characters, as Polar counts them, not UTF-16 units.
		EventMetadata.check(Map.of("prompt", "\uD83D\uDE00".repeat(500)));
	}

	@Test
	void keysAreOneToFortyCharacters() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("k".repeat(41), 1)))
			.withMessage("metadata key '" + "k".repeat(40) + "...' is 41 characters long; Polar accepts at most 40");
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("", 1)))
			.withMessageStartingWith("metadata has an empty key");
		Map<String, Object> nullKey = new HashMap<>();
		nullKey.put(null, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(nullKey))
			.withMessageStartingWith("metadata has a null key");
	}

	@Test
	void atMostFiftyKeys() {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < 51; i++) {
			values.put("k" + i, i);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(values))
			.withMessage("metadata has 51 keys; Polar accepts at most 50 per event");
		values.remove("k50");
		EventMetadata.check(values);
	}

	@Test
	void structuredKeysPointToTheirBuilderMethods() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("_cost", 12)))
			.withMessageContaining("EventMetadataInput.builder().cost(...)");
		assertThatIllegalArgumentException().isThrownBy(() -> EventMetadata.check(Map.of("_llm", "x")))
			.withMessageContaining("EventMetadataInput.builder().llm(...)");
	}

}
