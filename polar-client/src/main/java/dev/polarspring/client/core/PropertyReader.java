package dev.polarspring.client.core;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one property of a record: the value's deserializer is looked up once, when the
 * record's deserializer is resolved, instead of Jackson's property buffer and name lookup
 * on every value. Nulls, absent values and errors are reported as Jackson reports them
 * for a record it builds itself, including the path to the property.
 *
 * <p>
 * One instance per property of a generated record deserializer; thread-safe once created.
 *
 * @param <V> the property's Java type (boxed for a primitive)
 */
public final class PropertyReader<V> {

	private final Class<?> owner;

	private final String name;

	private final ValueDeserializer<Object> deserializer;

	/**
	 * Looks up the deserializer of a property's type.
	 * @param context the context resolving the record's deserializer
	 * @param owner the record
	 * @param name the property's JSON name
	 * @param type the property's type
	 */
	public PropertyReader(DeserializationContext context, Class<?> owner, String name, JavaType type) {
		this.owner = owner;
		this.name = name;
		this.deserializer = context.findRootValueDeserializer(type);
	}

	/**
	 * Reads the property's value; the parser is on its first token.
	 * @param parser the parser
	 * @param context the context
	 * @return the value, or what the type reads from JSON {@code null}
	 */
	@SuppressWarnings("unchecked")
	public @Nullable V read(JsonParser parser, DeserializationContext context) {
		try {
			return (V) (parser.hasToken(JsonToken.VALUE_NULL) ? this.deserializer.getNullValue(context)
					: this.deserializer.deserialize(parser, context));
		}
		catch (RuntimeException ex) {
			throw withPath(context, ex);
		}
	}

	/**
	 * Returns the value of the property when the JSON leaves it out.
	 * @param context the context
	 * @return the value, or a failure for a primitive
	 * ({@code FAIL_ON_NULL_FOR_PRIMITIVES})
	 */
	@SuppressWarnings("unchecked")
	public @Nullable V absent(DeserializationContext context) {
		try {
			return (V) this.deserializer.getAbsentValue(context);
		}
		catch (RuntimeException ex) {
			throw withPath(context, ex);
		}
	}

	private JacksonException withPath(DeserializationContext context, RuntimeException ex) {
		return DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(this.owner, this.name));
	}

	/**
	 * Moves to the first property of an object and returns its name.
	 * @param parser the parser, on the object's start or its first property (as a union
	 * hands it on)
	 * @param context the context, which reports any other token
	 * @param type the record being read
	 * @return the name of the first property, or {@code null} for an empty object
	 */
	public static @Nullable String firstName(JsonParser parser, DeserializationContext context, Class<?> type) {
		if (parser.isExpectedStartObjectToken()) {
			return parser.nextName();
		}
		if (parser.hasToken(JsonToken.PROPERTY_NAME)) {
			return parser.currentName();
		}
		if (parser.hasToken(JsonToken.END_OBJECT)) {
			return null;
		}
		context.handleUnexpectedToken(type, parser);
		return null;
	}

}
