package dev.polarspring.client.core;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collects query parameters in the shapes Polar's API expects: a list repeats the name
 * ({@code sorting=-created_at&sorting=name}), a map becomes a deep object
 * ({@code metadata[plan]=pro}), date-times are ISO-8601 with seconds and offset, and
 * everything else is sent as its {@code toString()} (generated enums answer their wire
 * value). Values are kept raw here; they are percent-encoded when the URL is built.
 */
public final class QueryWriter {

	private final List<QueryParameter> parameters;

	QueryWriter() {
		this.parameters = new ArrayList<>();
	}

	QueryWriter(List<QueryParameter> parameters) {
		this.parameters = new ArrayList<>(parameters);
	}

	/**
	 * Adds a parameter.
	 * @param name the wire name, such as {@code organization_id}
	 * @param value the value: {@code null} is skipped, a collection or array repeats the
	 * name per element, a map adds {@code name[key]} per entry, an
	 * {@link OffsetDateTime}, {@link ZonedDateTime} or {@link Instant} is written as
	 * ISO-8601, anything else as its {@code toString()}
	 * @return this writer
	 */
	public QueryWriter add(String name, @Nullable Object value) {
		if (value == null) {
			return this;
		}
		if (value instanceof Collection<?> collection) {
			for (Object element : collection) {
				add(name, element);
			}
		}
		else if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			for (int i = 0; i < length; i++) {
				add(name, Array.get(value, i));
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, entry) -> add(name + "[" + key + "]", entry));
		}
		else {
			this.parameters.add(new QueryParameter(name, format(value)));
		}
		return this;
	}

	private static String format(Object value) {
		if (value instanceof OffsetDateTime dateTime) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
		}
		if (value instanceof ZonedDateTime dateTime) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
		}
		if (value instanceof Instant instant) {
			return DateTimeFormatter.ISO_INSTANT.format(instant);
		}
		return value.toString();
	}

	/**
	 * Removes every parameter with the given name.
	 * @param name the wire name
	 * @return this writer
	 */
	QueryWriter remove(String name) {
		this.parameters.removeIf((parameter) -> parameter.name().equals(name));
		return this;
	}

	List<QueryParameter> parameters() {
		return List.copyOf(this.parameters);
	}

	/**
	 * One name and raw value of a query string.
	 */
	record QueryParameter(String name, String value) {
	}

}
