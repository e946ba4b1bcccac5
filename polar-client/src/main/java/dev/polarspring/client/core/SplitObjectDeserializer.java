package dev.polarspring.client.core;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads a JSON object that arrives in two parts: the properties a union with a
 * discriminator buffered while looking for it (the discriminator included), then the rest
 * of the object from the parser. Reading the rest straight from the parser, rather than
 * through a parser that joins the two parts, spares a delegating call on every token of
 * the rest.
 *
 * <p>
 * Implemented by the generated deserializers of the records that are kinds of such a
 * union; {@link VariantReader} calls it.
 *
 * @param <T> the record type
 */
public interface SplitObjectDeserializer<T> {

	/**
	 * Reads the object.
	 * @param parser the first part, on the object's first token
	 * @param rest the parser of the rest, on the last value of the first part (the
	 * discriminator's); null when the first part is the whole object
	 * @param context the context of the value being read
	 * @return the value
	 */
	T deserialize(JsonParser parser, @Nullable JsonParser rest, DeserializationContext context);

}
