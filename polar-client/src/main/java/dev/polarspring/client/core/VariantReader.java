package dev.polarspring.client.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads the JSON of a union as the variant its deserializer chose. Each variant's
 * deserializer is looked up once and kept: {@code DeserializationContext.readTreeAsValue}
 * looks it up, and contextualizes it again, on every value, which made unions most of the
 * cost of decoding a page. A union with a discriminator buffers only the properties
 * before it and reads the rest once, straight from the parser; one chosen by its
 * properties ({@link VariantMatcher}) reads the tokens the matcher buffered.
 *
 * <p>
 * One instance per generated union deserializer, which Jackson creates once per mapper;
 * thread-safe.
 */
public final class VariantReader {

	private final ConcurrentMap<Class<?>, ValueDeserializer<Object>> deserializers = new ConcurrentHashMap<>();

	/**
	 * Creates a reader that has looked up no deserializer yet.
	 */
	public VariantReader() {
	}

	/**
	 * Reads a JSON object as the variant its properties chose.
	 * @param json the JSON object, buffered by the matcher that chose the variant
	 * @param variant the variant class
	 * @param context the context of the value being read
	 * @param <V> the variant type
	 * @return the value
	 */
	public <V> V read(VariantMatcher.Buffered json, Class<V> variant, DeserializationContext context) {
		ValueDeserializer<Object> deserializer = deserializer(variant, context);
		if (!json.copied()) {
			return variant.cast(deserializer.deserialize(json.tokens(context), context));
		}
		try (JsonParser tokens = json.tokens(context)) {
			return variant.cast(deserializer.deserialize(tokens, context));
		}
	}

	/**
	 * Reads a JSON value as the variant its discriminator chose. A variant whose
	 * deserializer reads an object in two parts ({@link SplitObjectDeserializer}) reads
	 * the buffered properties, then the rest straight from the parser; any other reads
	 * both through one parser that joins them.
	 * @param json the JSON value, read up to its discriminator
	 * @param variant the variant class
	 * @param context the context of the value being read
	 * @param <V> the variant type
	 * @return the value
	 */
	public <V> V read(Discriminated json, Class<V> variant, DeserializationContext context) {
		ValueDeserializer<Object> deserializer = deserializer(variant, context);
		if (json.rest != null && deserializer instanceof SplitObjectDeserializer<?> split) {
			return variant.cast(split.deserialize(json.start(context), json.rest, context));
		}
		return variant.cast(deserializer.deserialize(json.tokens(context), context));
	}

	/**
	 * Reads a JSON object up to its discriminator property. A document in memory
	 * ({@link LookaheadParser}) is looked through for it, and nothing is read; otherwise
	 * only the properties before it are buffered, and the rest is read once, by the
	 * variant, from the parser.
	 * @param parser the parser, on the first token of the value
	 * @param name the discriminator property, such as {@code type}
	 * @param context the context of the value being read
	 * @return the discriminator's value and the object's tokens, from its start
	 */
	public static Discriminated discriminated(JsonParser parser, String name, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.START_OBJECT)) {
			return new Discriminated("", null, parser, false);
		}
		if (parser instanceof LookaheadParser lookahead) {
			@Nullable String value = DiscriminatorScan.value(lookahead, name);
			if (value != null) {
				// Found in the object's bytes: the variant reads it all from the parser.
				return new Discriminated(value, null, parser, false);
			}
		}
		TokenBuffer before = context.bufferForInputBuffering(parser);
		before.writeStartObject();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = parser.currentName();
			JsonToken value = parser.nextToken();
			before.writeName(property);
			before.copyCurrentStructure(parser);
			if (property.equals(name)) {
				String text = value.isScalarValue() ? parser.getValueAsString("") : "";
				return new Discriminated(text, before, parser, true);
			}
		}
		before.writeEndObject();
		return new Discriminated("", before, parser, false);
	}

	/**
	 * Reads the JSON value as a tree, for a value no variant accepts.
	 * @param json the JSON value, read up to its discriminator
	 * @param context the context of the value being read
	 * @return the tree
	 */
	public static JsonNode tree(Discriminated json, DeserializationContext context) {
		return context.readTree(json.tokens(context));
	}

	/**
	 * A JSON value read up to its discriminator: the properties before it (and itself)
	 * buffered, the rest still in the parser. The parser is never closed here.
	 */
	public static final class Discriminated {

		private final String value;

		private final @Nullable TokenBuffer before;

		private final JsonParser parser;

		/**
		 * The parser, on the discriminator's value; null when the buffer holds it all.
		 */
		private final @Nullable JsonParser rest;

		private Discriminated(String value, @Nullable TokenBuffer before, JsonParser parser, boolean hasRest) {
			this.value = value;
			this.before = before;
			this.parser = parser;
			this.rest = hasRest ? parser : null;
		}

		/**
		 * Returns the discriminator's value as text, as
		 * {@code JsonNode.path(name).asString("")} would read it: empty when absent, null
		 * or not a scalar.
		 * @return the value
		 */
		public String value() {
			return this.value;
		}

		/**
		 * Returns the buffered properties, on the object's first token.
		 */
		private JsonParser start(DeserializationContext context) {
			return (this.before != null) ? this.before.asParserOnFirstToken(context, this.parser) : this.parser;
		}

		/**
		 * Returns the whole value's tokens, on its first token.
		 */
		private JsonParser tokens(DeserializationContext context) {
			if (this.before == null || this.rest == null) {
				return start(context);
			}
			// The buffered properties, then the parser past the discriminator.
			JsonParser tokens = JsonParserSequence.createFlattened(false, this.before.asParser(context, this.parser),
					this.rest);
			tokens.nextToken();
			return tokens;
		}

	}

	private ValueDeserializer<Object> deserializer(Class<?> variant, DeserializationContext context) {
		ValueDeserializer<Object> deserializer = this.deserializers.get(variant);
		if (deserializer == null) {
			// Not computeIfAbsent: finding a deserializer may create others, which must
			// not run inside the map.
			deserializer = context.findRootValueDeserializer(context.constructType(variant));
			this.deserializers.putIfAbsent(variant, deserializer);
		}
		return deserializer;
	}

}
