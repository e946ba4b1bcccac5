package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polarspring.client.model.Product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A model copies the collections it is given once: a later change to them does not reach
 * it, and the ones decoding made are kept rather than copied again.
 */
class ReadOnlyCollectionsTests {

	private static final String PRODUCT = "{\"id\": \"p1\", \"created_at\": \"2026-01-02T03:04:05Z\", "
			+ "\"modified_at\": null, \"name\": \"Pro\", \"description\": null, \"is_recurring\": false, "
			+ "\"is_archived\": false, \"organization_id\": \"o1\", \"metadata\": {\"b\": 1, \"a\": null}, "
			+ "\"prices\": [], \"benefits\": [], \"medias\": [], \"attached_custom_fields\": [], "
			+ "\"recurring_interval\": null, \"recurring_interval_count\": null, \"trial_interval\": null, "
			+ "\"trial_interval_count\": null, \"visibility\": \"public\"}";

	@Test
	void aCopyDoesNotFollowTheOriginal() {
		List<String> original = new ArrayList<>(Arrays.asList("a", null, "c"));
		List<String> copy = ReadOnlyCollections.list(original);
		original.set(0, "changed");
		assertThat(copy).containsExactly("a", null, "c");
		Map<String, Integer> entries = new LinkedHashMap<>();
		entries.put("z", 1);
		entries.put("a", null);
		Map<String, Integer> mapCopy = ReadOnlyCollections.map(entries);
		entries.put("later", 2);
		assertThat(mapCopy).containsExactly(Map.entry("z", 1), new java.util.AbstractMap.SimpleEntry<>("a", null));
	}

	@Test
	void theyBehaveAsTheJdksUnmodifiableCollections() {
		List<String> list = ReadOnlyCollections.list(List.of("a", "b"));
		assertThat(list).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
		assertThat(list).hasToString("[a, b]");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add("c"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.set(0, "c"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.remove(0));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(list::clear);
		Map<String, Integer> map = ReadOnlyCollections.map(Map.of("a", 1));
		assertThat(map).isEqualTo(Map.of("a", 1)).hasSameHashCodeAs(Map.of("a", 1)).hasToString("{a=1}");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.put("b", 2));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.remove("a"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> map.entrySet().iterator().next().setValue(3));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.keySet().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> map.values().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> map.computeIfAbsent("c", (key) -> 3));
	}

	@Test
	void whatDecodingMadeIsKeptAndCannotBeChanged() {
		for (Product product : new Product[] { PolarJson.mapper().readValue(PRODUCT, Product.class),
				PolarJson.mapper().readValue(PRODUCT.getBytes(StandardCharsets.UTF_8), Product.class) }) {
			assertThat(product.metadata()).containsExactly(Map.entry("b", 1),
					new java.util.AbstractMap.SimpleEntry<>("a", null));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> product.metadata().put("c", 2));
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> product.prices().add(null));
			assertThat(ReadOnlyCollections.map(product.metadata())).isSameAs(product.metadata());
			assertThat(ReadOnlyCollections.list(product.prices())).isSameAs(product.prices());
		}
	}

}
