package dev.polarspring.client.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polarspring.client.core.QueryWriter.QueryParameter;
import dev.polarspring.client.core.TestApi.ProductSorting;

import static org.assertj.core.api.Assertions.assertThat;

class QueryWriterTests {

	@Test
	void nullValuesAreSkipped() {
		QueryWriter query = new QueryWriter().add("organization_id", null).add("limit", 10);
		assertThat(query.parameters()).containsExactly(new QueryParameter("limit", "10"));
	}

	@Test
	void collectionsAndArraysRepeatTheName() {
		QueryWriter query = new QueryWriter().add("id", List.of("a", "b"))
			.add("sorting", new ProductSorting[] { ProductSorting.CREATED_AT_DESC, ProductSorting.CREATED_AT })
			.add("n", new int[] { 1, 2 });
		assertThat(query.parameters()).containsExactly(new QueryParameter("id", "a"), new QueryParameter("id", "b"),
				new QueryParameter("sorting", "-created_at"), new QueryParameter("sorting", "created_at"),
				new QueryParameter("n", "1"), new QueryParameter("n", "2"));
	}

	@Test
	void nullElementsOfACollectionAreSkipped() {
		QueryWriter query = new QueryWriter().add("id", Arrays.asList("a", null, "b"));
		assertThat(query.parameters()).extracting(QueryParameter::value).containsExactly("a", "b");
	}

	@Test
	void mapsBecomeDeepObjects() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("plan", "pro");
		metadata.put("seats", List.of(1, 2));
		QueryWriter query = new QueryWriter().add("metadata", metadata);
		assertThat(query.parameters()).containsExactly(new QueryParameter("metadata[plan]", "pro"),
				new QueryParameter("metadata[seats]", "1"), new QueryParameter("metadata[seats]", "2"));
	}

	@Test
	void dateTimesAreIso8601WithSecondsAndOffset() {
		QueryWriter query = new QueryWriter()
			.add("after", OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(2)))
			.add("before", Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(query.parameters()).containsExactly(new QueryParameter("after", "2026-01-02T03:04:00+02:00"),
				new QueryParameter("before", "2026-01-02T03:04:05Z"));
	}

	@Test
	void enumsAndBooleansUseTheirTextForm() {
		QueryWriter query = new QueryWriter().add("sorting", ProductSorting.PRICE_AMOUNT_DESC)
			.add("is_archived", false);
		assertThat(query.parameters()).containsExactly(new QueryParameter("sorting", "-price_amount_type"),
				new QueryParameter("is_archived", "false"));
	}

}
