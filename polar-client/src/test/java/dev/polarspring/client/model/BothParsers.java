package dev.polarspring.client.model;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.core.PolarJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decodes JSON twice: from text, which Jackson reads with its parser of characters, and
 * from its UTF-8 bytes, which the SDK's mapper reads with the parser that lets unions
 * look ahead in the bytes (as the client and the webhook endpoint decode). Both must give
 * equal values, or fail alike, with the same message.
 */
final class BothParsers {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private BothParsers() {
	}

	static <T> T read(String json, Class<T> type) {
		return read(json, MAPPER.constructType(type));
	}

	static <T> T read(String json, TypeReference<T> type) {
		return read(json, MAPPER.constructType(type));
	}

	static <T> T read(String json, JavaType type) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		T fromStream;
		try {
			fromStream = MAPPER.readValue(new ByteArrayInputStream(bytes), type);
		}
		catch (JacksonException ex) {
			JacksonException fromBytes = null;
			try {
				MAPPER.readValue(bytes, type);
			}
			catch (JacksonException bytesFailure) {
				fromBytes = bytesFailure;
			}
			assertThat(fromBytes).as("decoding the bytes of %s", json).isNotNull();
			assertThat(fromBytes).hasSameClassAs(ex);
			assertThat(fromBytes.getOriginalMessage()).isEqualTo(ex.getOriginalMessage());
			assertThat(fromBytes.getPathReference()).isEqualTo(ex.getPathReference());
			throw ex;
		}
		T fromBytes = MAPPER.readValue(bytes, type);
		assertThat(fromBytes).as("decoded from the bytes of %s", json).isEqualTo(fromStream);
		return fromStream;
	}

}
