package dev.polarspring.client.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.JsonParserSequence;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.TreeTraversingParser;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads the JSON of a union as the variant its deserializer chose. Each variant's
 * deserializer is looked up once and kept: {@code DeserializationContext.readTreeAsValue}
 * looks it up, and contextualizes it again, on every value, which made unions most of the
 * cost of decoding a page. A union with a discriminator buffers only the properties
 * before it and reads the rest once, straight from the parser; one chosen by its
 * properties ({@link VariantMatcher}) needs the tree.
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
	 * Reads a JSON value as a variant.
	 * @param node the JSON value, already read as a tree to choose the variant
	 * @param variant the variant class
	 * @param context the context of the value being read
	 * @param <V> the variant type
	 * @return the value
	 */
	public <V> V read(JsonNode node, Class<V> variant, DeserializationContext context) {
		ValueDeserializer<Object> deserializer = deserializer(variant, context);
		try (TreeTraversingParser tokens = new TreeTraversingParser(node, context)) {
			tokens.nextToken();
			return variant.cast(deserializer.deserialize(tokens, context));
		}
	}

	/**
	 * Reads a JSON value as the variant its discriminator chose.
	 * @param json the JSON value, read up to its discriminator
	 * @param variant the variant class
	 * @param context the context of the value being read
	 * @param <V> the variant type
	 * @return the value
	 */
	public <V> V read(Discriminated json, Class<V> variant, DeserializationContext context) {
		return variant.cast(deserializer(variant, context).deserialize(json.tokens(), context));
	}

	/**
	 * Reads a JSON object up to its discriminator property. Only the properties before it
	 * are buffered; the rest is read once, by the variant, from the parser.
	 * @param parser the parser, on the first token of the value
	 * @param name the discriminator property, such as {@code type}
	 * @param context the context of the value being read
	 * @return the discriminator's value and the object's tokens, from its start
	 */
	public static Discriminated discriminated(JsonParser parser, String name, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.START_OBJECT)) {
			return new Discriminated("", parser);
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
				// The variant reads the buffered properties, then goes on with the parser
				// past the discriminator.
				JsonParser tokens = JsonParserSequence.createFlattened(false, before.asParser(context, parser), parser);
				tokens.nextToken();
				return new Discriminated(text, tokens);
			}
		}
		before.writeEndObject();
		return new Discriminated("", before.asParserOnFirstToken(context, parser));
	}

	/**
	 * Reads the JSON value as a tree, for a value no variant accepts.
	 * @param json the JSON value, read up to its discriminator
	 * @param context the context of the value being read
	 * @return the tree
	 */
	public static JsonNode tree(Discriminated json, DeserializationContext context) {
		return context.readTree(json.tokens());
	}

	/**
	 * A JSON object read up to its discriminator.
	 *
	 * @param value the discriminator's value as text, as
	 * {@code JsonNode.path(name).asString("")} would read it: empty when absent, null or
	 * not a scalar
	 * @param tokens the object's tokens, on its first token; the properties after the
	 * discriminator still come from the original parser, so it is never closed here
	 */
	public record Discriminated(String value, JsonParser tokens) {
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
