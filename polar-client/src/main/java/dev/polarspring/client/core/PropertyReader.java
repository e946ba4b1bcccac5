package dev.polarspring.client.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.CollectionDeserializer;
import tools.jackson.databind.deser.jdk.MapDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringCollectionDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;

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

	/** No shortcut: every value goes to the deserializer. */
	private static final int ANY = 0;

	private static final int STRING = 1;

	private static final int BOOLEAN = 2;

	private static final int LONG = 3;

	private static final int INTEGER = 4;

	private static final int DATE_TIME = 5;

	/** A list Jackson creates for the value: kept, not copied again by the record. */
	private static final int LIST = 6;

	/** A map Jackson creates for the value: kept, not copied again by the record. */
	private static final int MAP = 7;

	/**
	 * A map of names to any JSON (metadata): read here, the scalars directly and the rest
	 * by Jackson's deserializer of untyped values, as Jackson's map deserializer reads
	 * it.
	 */
	private static final int UNTYPED_MAP = 8;

	private final Class<?> owner;

	/** The property's name, or null for every property a body does not declare. */
	private final @Nullable String name;

	private final ValueDeserializer<Object> deserializer;

	/** For {@link #UNTYPED_MAP}: the deserializer of its values. */
	private final @Nullable ValueDeserializer<Object> untyped;

	/**
	 * For the types most properties have, the commonest token is read here, exactly as
	 * their Jackson deserializer reads it, sparing a call that no call site can inline
	 * (every property's deserializer goes through it); any other token, null included,
	 * goes to the deserializer.
	 */
	private final int shortcut;

	/**
	 * Looks up the deserializer of a property's type.
	 * @param context the context resolving the record's deserializer
	 * @param owner the record
	 * @param name the property's JSON name
	 * @param type the property's type
	 */
	public PropertyReader(DeserializationContext context, Class<?> owner, String name, JavaType type) {
		this(owner, name, context, type);
	}

	private PropertyReader(Class<?> owner, @Nullable String name, DeserializationContext context, JavaType type) {
		this.owner = owner;
		this.name = name;
		this.deserializer = context.findRootValueDeserializer(type);
		int shortcut = shortcut(this.deserializer);
		if (shortcut == MAP && type.getKeyType().hasRawClass(String.class)
				&& type.getContentType().hasRawClass(Object.class)) {
			shortcut = UNTYPED_MAP;
			this.untyped = context.findRootValueDeserializer(type.getContentType());
		}
		else {
			this.untyped = null;
		}
		this.shortcut = shortcut;
	}

	/**
	 * Looks up the deserializer of the properties a request body does not declare, kept
	 * as they are (its additional properties); a failure names the property the parser is
	 * on.
	 * @param context the context resolving the body's deserializer
	 * @param owner the request body
	 * @return the reader of any such property
	 */
	public static PropertyReader<Object> additional(DeserializationContext context, Class<?> owner) {
		return new PropertyReader<>(owner, null, context, context.constructType(Object.class));
	}

	private static int shortcut(ValueDeserializer<Object> deserializer) {
		// Only Jackson's own deserializers of these types (and the SDK's of timestamps),
		// whose reading of that token the shortcut repeats; and Jackson's own of
		// collections, which create a new one for every value.
		Class<?> type = deserializer.getClass();
		if (type == StringDeserializer.class) {
			return STRING;
		}
		if (type == NumberDeserializers.BooleanDeserializer.class) {
			return BOOLEAN;
		}
		if (type == NumberDeserializers.LongDeserializer.class) {
			return LONG;
		}
		if (type == NumberDeserializers.IntegerDeserializer.class) {
			return INTEGER;
		}
		if (type == OffsetDateTimeDeserializer.class) {
			return DATE_TIME;
		}
		if (type == CollectionDeserializer.class || type == StringCollectionDeserializer.class) {
			return LIST;
		}
		if (type == MapDeserializer.class) {
			return MAP;
		}
		return ANY;
	}

	/**
	 * Reads the property's value; the parser is on its first token.
	 * @param parser the parser
	 * @param context the context
	 * @return the value, or what the type reads from JSON {@code null}
	 */
	@SuppressWarnings("unchecked")
	public @Nullable V read(JsonParser parser, DeserializationContext context) {
		// Where the value starts, the parser still names its property.
		@Nullable String property = (this.name != null) ? this.name : parser.currentName();
		try {
			JsonToken token = parser.currentToken();
			switch (this.shortcut) {
				case STRING -> {
					if (token == JsonToken.VALUE_STRING) {
						return (V) parser.getString();
					}
				}
				case BOOLEAN -> {
					if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
						return (V) Boolean.valueOf(token == JsonToken.VALUE_TRUE);
					}
				}
				case LONG -> {
					if (token == JsonToken.VALUE_NUMBER_INT) {
						return (V) Long.valueOf(parser.getLongValue());
					}
				}
				case INTEGER -> {
					if (token == JsonToken.VALUE_NUMBER_INT) {
						return (V) Integer.valueOf(parser.getIntValue());
					}
				}
				case DATE_TIME -> {
					if (token == JsonToken.VALUE_STRING) {
						// A direct call to the final class: its parsing of the text
						// inlines here.
						return (V) ((OffsetDateTimeDeserializer) (ValueDeserializer<?>) this.deserializer)
							.deserialize(parser, context);
					}
				}
				case LIST -> {
					if (token == JsonToken.START_ARRAY) {
						Object list = this.deserializer.deserialize(parser, context);
						return (V) ((list instanceof ArrayList<?> created) ? ReadOnlyCollections.adopt(created) : list);
					}
				}
				case MAP -> {
					if (token == JsonToken.START_OBJECT) {
						Object map = this.deserializer.deserialize(parser, context);
						return (V) ((map instanceof LinkedHashMap<?, ?> created) ? ReadOnlyCollections.adopt(created)
								: map);
					}
				}
				case UNTYPED_MAP -> {
					if (token == JsonToken.START_OBJECT && this.untyped != null) {
						return (V) readUntypedMap(parser, context, this.untyped);
					}
				}
				default -> {
				}
			}
			return (V) ((token == JsonToken.VALUE_NULL) ? this.deserializer.getNullValue(context)
					: this.deserializer.deserialize(parser, context));
		}
		catch (RuntimeException ex) {
			throw withPath(context, ex, property);
		}
	}

	/**
	 * Reads an object of any values into a map, in order, a name seen again keeping its
	 * place and its last value; a failure names the entry, as Jackson's map deserializer
	 * does.
	 */
	private static Map<String, @Nullable Object> readUntypedMap(JsonParser parser, DeserializationContext context,
			ValueDeserializer<Object> untyped) {
		LinkedHashMap<String, @Nullable Object> map = new LinkedHashMap<>();
		for (String key = parser.nextName(); key != null; key = parser.nextName()) {
			JsonToken token = parser.nextToken();
			try {
				map.put(key, switch (token) {
					case VALUE_STRING -> parser.getString();
					case VALUE_TRUE -> Boolean.TRUE;
					case VALUE_FALSE -> Boolean.FALSE;
					case VALUE_NULL -> null;
					case VALUE_NUMBER_FLOAT -> readFloat(parser, context, untyped);
					default -> untyped.deserialize(parser, context);
				});
			}
			catch (RuntimeException ex) {
				throw DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(map, key));
			}
		}
		return ReadOnlyCollections.adopt(map);
	}

	/**
	 * Reads a number with a fraction or an exponent as a {@code Double}, as Jackson's
	 * untyped deserializer does with this mapper's settings; with
	 * {@code USE_BIG_DECIMAL_FOR_FLOATS}, or a parser that knows the number's type, it is
	 * that deserializer's. Jackson's asks the parser whether the number is not a number
	 * first, which parses it a second time.
	 */
	private static @Nullable Object readFloat(JsonParser parser, DeserializationContext context,
			ValueDeserializer<Object> untyped) {
		if (parser.getNumberTypeFP() != JsonParser.NumberTypeFP.UNKNOWN
				|| context.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)) {
			return untyped.deserialize(parser, context);
		}
		return parser.getDoubleValue();
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
			throw withPath(context, ex, this.name);
		}
	}

	/**
	 * Returns the deserializer of the property's type, for generated code that calls it
	 * from a site of the property's own.
	 * @return the deserializer
	 */
	public ValueDeserializer<Object> deserializer() {
		return this.deserializer;
	}

	/**
	 * Reports a failure to read the property's value as {@link #read} reports it.
	 * @param context the context
	 * @param ex the failure
	 * @return the exception to throw, with the path to the property
	 */
	public JacksonException failure(DeserializationContext context, RuntimeException ex) {
		return withPath(context, ex, this.name);
	}

	/**
	 * Reports a failure to read an element of the property's list, as Jackson's
	 * collection deserializer and {@link #read} report it together.
	 * @param context the context
	 * @param ex the failure
	 * @param list the elements read so far; the failed one is the next
	 * @return the exception to throw, with the path to the element
	 */
	public JacksonException failure(DeserializationContext context, RuntimeException ex, List<?> list) {
		return withPath(context,
				DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(list, list.size())),
				this.name);
	}

	private JacksonException withPath(DeserializationContext context, RuntimeException ex, @Nullable String property) {
		return (property != null)
				? DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(this.owner, property))
				: DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(this.owner));
	}

}
