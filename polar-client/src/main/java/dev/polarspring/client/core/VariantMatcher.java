package dev.polarspring.client.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Chooses the variant of a union that has no discriminator property, from what each
 * variant's schema declares.
 *
 * <p>
 * A variant accepts a JSON object when
 * <ol>
 * <li>every constant it declares is there with that value (its own {@code const}
 * properties, and those of an object it requires, such as {@code benefit.type} of a
 * benefit grant);</li>
 * <li>every property it requires is present, and those that may not be null are not
 * null;</li>
 * <li>if it allows no other properties, the object has none it does not declare.</li>
 * </ol>
 * Among the variants that accept, the most specific wins: the most constants matched,
 * then the most of the object's properties declared, then the fewest declared properties
 * (the tightest fit); a tie goes to the variant listed first in the spec. When no variant
 * accepts, the union reads the object as its {@code Unknown} variant.
 *
 * <p>
 * Generated union deserializers hold one, built once from the spec; thread-safe once
 * built.
 *
 * @param <T> the union type
 */
public final class VariantMatcher<T> {

	private final List<Variant<? extends T>> variants;

	/**
	 * Creates a matcher.
	 * @param variants the variants, in the spec's order (which breaks ties)
	 */
	public VariantMatcher(List<Variant<? extends T>> variants) {
		this.variants = List.copyOf(variants);
	}

	/**
	 * Starts describing one variant.
	 * @param type the variant class
	 * @param <V> the variant type
	 * @return the variant description
	 */
	public static <V> Variant<V> variant(Class<V> type) {
		return new Variant<>(type);
	}

	/**
	 * Returns the variant a JSON object is.
	 * @param node the JSON value
	 * @return the variant class, or null if no variant accepts the value
	 */
	public @Nullable Class<? extends T> match(JsonNode node) {
		if (!node.isObject()) {
			return null;
		}
		Variant<? extends T> best = null;
		int[] bestScore = null;
		for (Variant<? extends T> variant : this.variants) {
			int[] score = variant.score(node);
			if (score != null && (bestScore == null || compare(score, bestScore) > 0)) {
				best = variant;
				bestScore = score;
			}
		}
		return (best != null) ? best.type : null;
	}

	private static int compare(int[] left, int[] right) {
		for (int i = 0; i < left.length; i++) {
			if (left[i] != right[i]) {
				return Integer.compare(left[i], right[i]);
			}
		}
		return 0;
	}

	/**
	 * What one variant's schema declares. Described once, before the matcher is built,
	 * and not changed after.
	 *
	 * @param <V> the variant type
	 */
	public static final class Variant<V> {

		private final Class<V> type;

		private final List<Map.Entry<JsonPointer, Object>> constants = new ArrayList<>();

		private Set<String> required = Set.of();

		private Set<String> notNull = Set.of();

		private Set<String> declared = Set.of();

		private boolean closed;

		private Variant(Class<V> type) {
			this.type = type;
		}

		/**
		 * Declares a constant.
		 * @param pointer the JSON pointer of the property, such as {@code /benefit/type}
		 * @param value the constant, a {@code String} or a {@code Boolean}
		 * @return this description
		 */
		public Variant<V> constant(String pointer, Object value) {
			// Compiled once: JsonNode.at(String) parses the pointer on every call.
			this.constants.add(Map.entry(JsonPointer.compile(pointer), value));
			return this;
		}

		/**
		 * Declares the required properties.
		 * @param names the property names
		 * @return this description
		 */
		public Variant<V> required(String... names) {
			this.required = Set.of(names);
			return this;
		}

		/**
		 * Declares the required properties that may not be null.
		 * @param names the property names
		 * @return this description
		 */
		public Variant<V> notNull(String... names) {
			this.notNull = Set.of(names);
			return this;
		}

		/**
		 * Declares every property of the variant.
		 * @param names the property names
		 * @return this description
		 */
		public Variant<V> declared(String... names) {
			this.declared = Set.of(names);
			return this;
		}

		/**
		 * Declares that the variant allows no other properties.
		 * @return this description
		 */
		public Variant<V> closed() {
			this.closed = true;
			return this;
		}

		private int @Nullable [] score(JsonNode node) {
			for (Map.Entry<JsonPointer, Object> constant : this.constants) {
				JsonNode value = node.at(constant.getKey());
				boolean matches = (constant.getValue() instanceof Boolean expected)
						? value.isBoolean() && value.booleanValue() == expected
						: value.isString() && value.stringValue().equals(constant.getValue());
				if (!matches) {
					return null;
				}
			}
			for (String name : this.required) {
				if (!node.has(name)) {
					return null;
				}
			}
			for (String name : this.notNull) {
				JsonNode value = node.get(name);
				if (value == null || value.isNull()) {
					return null;
				}
			}
			int declaredPresent = 0;
			for (String name : node.propertyNames()) {
				if (this.declared.contains(name)) {
					declaredPresent++;
				}
				else if (this.closed) {
					return null;
				}
			}
			return new int[] { this.constants.size(), declaredPresent, -this.declared.size() };
		}

	}

}
