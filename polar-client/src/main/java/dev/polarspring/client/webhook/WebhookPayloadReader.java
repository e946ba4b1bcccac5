package dev.polarspring.client.webhook;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;

import dev.polarspring.client.core.PolarJson;

/**
 * Reads a webhook body of the usual shape in one pass over its bytes: {@code type} (a
 * known one) before {@code data}, each of {@code type}, {@code timestamp} and
 * {@code data} once, {@code data} an object, nothing after the object. {@code data} is
 * decoded straight from the bytes by the reader of its type, where a union can look ahead
 * in the bytes of an object, instead of from a tree of the whole body.
 *
 * <p>
 * Anything else (another shape, an unknown type, any error) gives {@code null}, and the
 * caller reads the body as a tree as it always did, so a body is accepted, or refused
 * with the same message, exactly as before. Skipping a property tokenizes it as reading
 * it into a tree does: malformed UTF-8, escapes and numbers fail the same way.
 */
final class WebhookPayloadReader {

	private WebhookPayloadReader() {
	}

	/**
	 * Reads the body.
	 * @param <K> what the caller knows of an event type
	 * @param body the verified body
	 * @param kinds what the caller knows of a type, or {@code null} for a type this SDK
	 * does not know
	 * @param readers the reader of a known type's {@code data}; it reads from the parser
	 * of the whole body, so it must not fail on trailing tokens
	 * ({@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS})
	 * @return the payload, with the type's kind, or {@code null} for the caller to read
	 * the body as a tree
	 */
	static <K> @Nullable Payload<K> read(byte[] body, Function<String, @Nullable K> kinds,
			Function<K, ObjectReader> readers) {
		try (JsonParser parser = PolarJson.mapper().createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String type = null;
			String timestamp = null;
			K kind = null;
			Object data = null;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "type" -> {
						if (type != null || token != JsonToken.VALUE_STRING) {
							return null;
						}
						type = parser.getString();
					}
					case "timestamp" -> {
						if (timestamp != null || token != JsonToken.VALUE_STRING) {
							return null;
						}
						timestamp = parser.getString();
					}
					case "data" -> {
						kind = (type != null && data == null && token == JsonToken.START_OBJECT) ? kinds.apply(type)
								: null;
						if (kind == null) {
							return null;
						}
						data = readers.apply(kind).readValue(parser);
					}
					default -> parser.skipChildren();
				}
			}
			// Trailing content is for the tree reader to judge, as it always did.
			if (type == null || timestamp == null || kind == null || data == null || parser.nextToken() != null) {
				return null;
			}
			return new Payload<>(kind, type, timestamp, data);
		}
		catch (JacksonException ex) {
			// The tree reader reports it as before.
			return null;
		}
	}

	/**
	 * A webhook body read in one pass.
	 *
	 * @param <K> what the caller knows of an event type
	 * @param kind what the caller knows of its type
	 * @param type the event type, a known one
	 * @param timestamp the text of its {@code timestamp}
	 * @param data its {@code data}, decoded
	 */
	record Payload<K>(K kind, String type, String timestamp, Object data) {
	}

}
