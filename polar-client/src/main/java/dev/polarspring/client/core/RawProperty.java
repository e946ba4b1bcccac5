package dev.polarspring.client.core;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.type.TypeFactory;

/**
 * Reads one property from the raw JSON of a union's {@code Unknown} variant, so that the
 * accessors every known kind shares work on a kind this SDK does not know too.
 *
 * <p>
 * The value is decoded with the SDK's own mapper into the accessor's type. A property
 * every known kind guarantees ({@link #required}) throws {@link IllegalStateException}
 * when the unknown kind lacks it, so the accessor never returns null; any other
 * ({@link #optional}) is null when absent. A value present but of another shape throws
 * {@link IllegalStateException} either way, naming the property but never quoting the
 * value.
 *
 * <p>
 * Called by the {@code Unknown} records the generator writes for each union.
 */
public final class RawProperty {

	private static final TypeFactory TYPES = PolarJson.mapper().getTypeFactory();

	private RawProperty() {
	}

	/**
	 * Describes a type to decode into.
	 * @param rawType the class
	 * @param typeArguments the type arguments of a generic class, such as the element
	 * type of a {@code List}
	 * @return the Jackson type
	 */
	public static JavaType type(Class<?> rawType, JavaType... typeArguments) {
		return (typeArguments.length == 0) ? TYPES.constructType(rawType)
				: TYPES.constructParametricType(rawType, typeArguments);
	}

	/**
	 * Reads a property every known kind of the union has.
	 * @param raw the unknown variant's JSON
	 * @param union the union's name, for the error message
	 * @param property the property's name on the wire
	 * @param type the type to decode into
	 * @param <T> the accessor's type
	 * @return the value, never null
	 * @throws IllegalStateException if the JSON lacks the property, holds null, or holds
	 * a value of another shape
	 */
	public static <T> T required(JsonNode raw, String union, String property, JavaType type) {
		T value = optional(raw, union, property, type);
		if (value == null) {
			throw new IllegalStateException("This " + union + " is of a kind this version of the SDK does not know, "
					+ "and Polar sent it without '" + property + "', which every known kind has; read raw() for "
					+ "what Polar sent");
		}
		return value;
	}

	/**
	 * Reads a property some known kind of the union may lack or leave null.
	 * @param raw the unknown variant's JSON
	 * @param union the union's name, for the error message
	 * @param property the property's name on the wire
	 * @param type the type to decode into
	 * @param <T> the accessor's type
	 * @return the value, or null if the JSON lacks the property or holds null
	 * @throws IllegalStateException if the JSON holds a value of another shape
	 */
	public static <T> @Nullable T optional(JsonNode raw, String union, String property, JavaType type) {
		JsonNode value = raw.get(property);
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return PolarJson.mapper().treeToValue(value, type);
		}
		catch (JacksonException ex) {
			// Jackson's message quotes the value, which may be a credential: name the
			// property only.
			throw new IllegalStateException("The '" + property + "' of this " + union + " (a kind this version of the "
					+ "SDK does not know) is not a " + type.getRawClass().getSimpleName() + "; read raw() for what "
					+ "Polar sent");
		}
	}

}
