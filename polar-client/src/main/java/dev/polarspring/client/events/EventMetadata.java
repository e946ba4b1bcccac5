package dev.polarspring.client.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.model.EventMetadataInput;

/**
 * The metadata of an ingested event, from a map, checked against Polar's rules at the
 * call: a bad value fails where it is written, naming its key, instead of making Polar
 * refuse a whole batch with a 422.
 *
 * <pre>{@code
 * EventMetadataInput metadata = EventMetadata.of(Map.of("tokens", 1200, "model", "large"));
 * }</pre>
 *
 * <p>
 * Polar's rules (the {@code metadata} of {@code EventCreateExternalCustomer} in its API):
 * at most {@value #MAX_ENTRIES} keys of at most {@value #MAX_KEY_LENGTH} characters; each
 * value a string of 1 to {@value #MAX_STRING_LENGTH} characters, an integer, a finite
 * number or a boolean. Polar's structured keys {@code _cost} and {@code _llm} are set
 * with {@code EventMetadataInput.builder().cost(...)} and {@code llm(...)}, not from a
 * map.
 */
public final class EventMetadata {

	/** Most keys one event's metadata may have. */
	public static final int MAX_ENTRIES = 50;

	/** Most characters in a key. */
	public static final int MAX_KEY_LENGTH = 40;

	/** Most characters in a string value. */
	public static final int MAX_STRING_LENGTH = 500;

	private static final BiConsumer<@Nullable String, @Nullable Object> ENTRY_CHECK = EventMetadata::checkEntry;

	private EventMetadata() {
	}

	/**
	 * Builds the metadata of an event from a map.
	 * @param metadata keys to strings, integers, numbers or booleans
	 * @return the metadata, to give to an event's {@code metadata(...)}
	 * @throws IllegalArgumentException if a key or value breaks Polar's rules; the
	 * message names the key
	 */
	public static EventMetadataInput of(Map<String, ?> metadata) {
		check(metadata);
		EventMetadataInput.Builder builder = EventMetadataInput.builder();
		metadata.forEach(builder::additionalProperty);
		return builder.build();
	}

	/**
	 * Checks a map against Polar's rules for event metadata, without building anything.
	 * @param metadata keys to strings, integers, numbers or booleans
	 * @throws IllegalArgumentException if a key or value breaks Polar's rules; the
	 * message names the key
	 */
	public static void check(Map<String, ?> metadata) {
		if (metadata == null) {
			throw new IllegalArgumentException("metadata must not be null; pass Map.of() for none");
		}
		if (metadata.size() > MAX_ENTRIES) {
			throw new IllegalArgumentException(
					"metadata has " + metadata.size() + " keys; Polar accepts at most " + MAX_ENTRIES + " per event");
		}
		// A non-capturing lambda: checking allocates nothing, as record(...) is on hot
		// paths.
		metadata.forEach(ENTRY_CHECK);
	}

	private static void checkEntry(@Nullable String key, @Nullable Object value) {
		if (key == null || key.isEmpty()) {
			throw new IllegalArgumentException("metadata has " + ((key == null) ? "a null" : "an empty")
					+ " key; Polar's keys are 1 to " + MAX_KEY_LENGTH + " characters");
		}
		if (key.length() > MAX_KEY_LENGTH && key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException("metadata key '" + key.substring(0, MAX_KEY_LENGTH) + "...' is "
					+ key.codePointCount(0, key.length()) + " characters long; Polar accepts at most "
					+ MAX_KEY_LENGTH);
		}
		if (key.equals("_cost") || key.equals("_llm")) {
			throw new IllegalArgumentException("metadata '" + key + "' is structured data in Polar; set it with "
					+ "EventMetadataInput.builder()." + key.substring(1) + "(...) instead of a map entry");
		}
		String problem = problem(value);
		if (problem != null) {
			throw new IllegalArgumentException("metadata '" + key + "' " + problem);
		}
	}

	private static @Nullable String problem(@Nullable Object value) {
		if (value instanceof String text) {
			if (text.isEmpty()) {
				return "is an empty string; Polar's strings are 1 to " + MAX_STRING_LENGTH
						+ " characters (leave the key out instead)";
			}
			if (text.length() > MAX_STRING_LENGTH && text.codePointCount(0, text.length()) > MAX_STRING_LENGTH) {
				return "is " + text.codePointCount(0, text.length()) + " characters long; Polar accepts at most "
						+ MAX_STRING_LENGTH;
			}
			return null;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Boolean || value instanceof Short
				|| value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
			return null;
		}
		if (value instanceof Double number) {
			return Double.isFinite(number) ? null : notFinite(number);
		}
		if (value instanceof Float number) {
			return Float.isFinite(number) ? null : notFinite(number.doubleValue());
		}
		if (value == null) {
			return "is null; Polar accepts a string, an integer, a number or a boolean (leave the key out instead)";
		}
		if (value instanceof Map) {
			return "is a map; Polar's metadata is flat: give each value its own key";
		}
		if (value instanceof Collection || value.getClass().isArray()) {
			return "is a list; Polar's metadata is flat: give each value its own key";
		}
		return "is a " + value.getClass().getName() + "; Polar accepts a string, an integer, a number or a boolean";
	}

	private static String notFinite(double number) {
		return "is " + number + "; JSON has no such number";
	}

}
