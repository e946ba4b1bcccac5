package dev.polarspring.client.core;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

/**
 * The body of a list operation: {@code {"items": [...], "pagination": {...}}}, where
 * pagination is either page-numbered ({@code total_count}, {@code max_page}) or
 * cursor-like ({@code has_next_page}).
 *
 * @param <T> the item type
 * @param items the items of the page
 * @param pagination what the page says about the pages after it
 */
record PageResponse<T>(@Nullable List<T> items, @Nullable Pagination pagination) {

	private static final ClassValue<ResponseType<?>> TYPES = new ClassValue<>() {

		@Override
		protected ResponseType<?> computeValue(Class<?> itemType) {
			JavaType type = PolarJson.mapper().getTypeFactory().constructParametricType(PageResponse.class, itemType);
			return ResponseType.json(type, "Page<" + itemType.getSimpleName() + ">");
		}

	};

	@SuppressWarnings("unchecked")
	static <T> ResponseType<PageResponse<T>> type(Class<T> itemType) {
		return (ResponseType<PageResponse<T>>) TYPES.get(itemType);
	}

	/**
	 * Both shapes of Polar's pagination object in one: a page-numbered list fills the
	 * first two fields, a cursor-paginated one the last.
	 *
	 * @param totalCount the number of items in all pages
	 * @param maxPage the number of the last page
	 * @param hasNextPage whether another page follows
	 */
	record Pagination(@JsonProperty("total_count") @Nullable Long totalCount,
			@JsonProperty("max_page") @Nullable Integer maxPage,
			@JsonProperty("has_next_page") @Nullable Boolean hasNextPage) {
	}

}
