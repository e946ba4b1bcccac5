package dev.polarspring.client.core;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SDK mapper reads UTF-8, in memory or from a stream, with the parser that lets a
 * union look ahead, and everything else as Jackson does.
 */
class LookaheadJsonFactoryTests {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private static final String JSON = "{\"name\": \"Café\", \"n\": [1, 2.5, {\"x\": null}]}";

	@Test
	void utf8BytesAreReadByTheLookaheadParser() {
		for (String json : new String[] { JSON, "{}", "7" }) {
			try (JsonParser parser = MAPPER.createParser(json.getBytes(StandardCharsets.UTF_8))) {
				assertThat(parser).isInstanceOf(LookaheadParser.class);
			}
			assertThat(MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), Object.class))
				.isEqualTo(MAPPER.readValue(json, Object.class));
		}
	}

	@Test
	void otherEncodingsStreamsAndTextAreReadAsJacksonReadsThem() {
		byte[] bom = ("\uFEFF" + JSON).getBytes(StandardCharsets.UTF_8);
		for (byte[] bytes : new byte[][] { JSON.getBytes(StandardCharsets.UTF_16BE),
				JSON.getBytes(StandardCharsets.UTF_16LE), bom }) {
			try (JsonParser parser = MAPPER.createParser(bytes)) {
				assertThat(parser).isNotInstanceOf(LookaheadParser.class);
			}
			assertThat(MAPPER.readValue(bytes, Object.class))
				.isEqualTo(MAPPER.readValue((bytes.length == 1) ? "7" : JSON, Object.class));
		}
		for (byte[] bytes : new byte[][] { JSON.getBytes(StandardCharsets.UTF_16BE), bom, new byte[0] }) {
			try (JsonParser parser = MAPPER.createParser(new ByteArrayInputStream(bytes))) {
				assertThat(parser).isNotInstanceOf(LookaheadParser.class);
			}
		}
		assertThat(MAPPER.readValue(new ByteArrayInputStream(bom), Object.class))
			.isEqualTo(MAPPER.readValue(JSON, Object.class));
		assertThat(MAPPER.readValue(JSON, Map.class)).containsEntry("name", "Café");
	}

	@Test
	void aStreamOfUtf8IsReadByTheLookaheadParserAsItsBytesAreWhateverItsChunks() throws IOException {
		try (JsonParser parser = MAPPER.createParser(new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)))) {
			assertThat(parser).isInstanceOf(LookaheadParser.class);
		}
		// Webhook data of every kind: orders, subscriptions, benefits, checkouts, with
		// unions told apart by properties and by discriminators.
		JsonNode vectors;
		try (InputStream in = getClass().getResourceAsStream("/webhook-vectors/deliveries.json")) {
			vectors = MAPPER.readTree(in);
		}
		int compared = 0;
		for (JsonNode vector : vectors.path("cases")) {
			if (!vector.path("expect").asString().equals("accepted")) {
				continue;
			}
			byte[] body = vector.path("body").asString().getBytes(StandardCharsets.UTF_8);
			Object data = PolarWebhookEvents.decode(body, new WebhookDelivery("msg", Instant.EPOCH)).data();
			byte[] json = MAPPER.writeValueAsBytes(MAPPER.readTree(body).path("data"));
			ObjectReader reader = MAPPER.readerFor(data.getClass());
			// Chunks of 1 and 7 bytes put most objects past the end of the buffer; a
			// whole
			// stream puts them in it.
			for (int chunk : new int[] { 1, 7, 1_000, Integer.MAX_VALUE }) {
				assertThat((Object) reader.readValue(trickling(json, chunk)))
					.as("%s in chunks of %d", data.getClass(), chunk)
					.isEqualTo(reader.readValue(json))
					.isEqualTo(data);
			}
			compared++;
		}
		assertThat(compared).isGreaterThan(20);
	}

	@Test
	void aStreamThatFailsFailsAsItsReadFails() {
		InputStream failing = new InputStream() {

			private int left = 10;

			@Override
			public int read() throws IOException {
				if (this.left <= 0) {
					throw new IOException("connection reset");
				}
				this.left--;
				return ' ';
			}

		};
		assertThatExceptionOfType(JacksonIOException.class).isThrownBy(() -> MAPPER.readTree(failing))
			.withCauseInstanceOf(IOException.class);
	}

	/** A stream that hands out at most {@code chunk} bytes a read, as a socket may. */
	private static InputStream trickling(byte[] bytes, int chunk) {
		return new FilterInputStream(new ByteArrayInputStream(bytes)) {

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				return super.read(buffer, offset, Math.min(length, chunk));
			}

		};
	}

	@Test
	void aMapperCopiedFromTheSdksKeepsTheLookaheadParser() {
		try (JsonParser parser = MAPPER.rebuild().build().createParser(JSON.getBytes(StandardCharsets.UTF_8))) {
			assertThat(parser).isInstanceOf(LookaheadParser.class);
		}
	}

	@Test
	void theDiscriminatorIsFoundAtTheObjectsOwnLevelOnly() {
		assertThat(discriminator("{\"a\": {\"type\": \"no\"}, \"b\": [\"type\", {\"type\": 1}], "
				+ "\"c\": \"\\\"type\\\": \\\"no\\\"\", \"type\": \"yes\", \"type\": \"second\"}"))
			.isEqualTo("yes");
		assertThat(discriminator("{\n  \"type\" :\t\"spaced\"\n}")).isEqualTo("spaced");
		assertThat(discriminator("{\"type\": \"Caf\u00e9\"}")).isEqualTo("Caf\u00e9");
		assertThat(discriminator("{\"type\": null}")).isEmpty();
		assertThat(discriminator("{\"type\": {\"a\": 1}}")).isEmpty();
		assertThat(discriminator("{\"type\": true}")).isEqualTo("true");
		assertThat(discriminator("{\"other\": 1}")).as("absent").isEmpty();
		assertThat(discriminator("{}")).as("absent").isEmpty();
	}

	@Test
	void whatTheBytesDoNotTellIsLeftToTheParser() {
		assertThat(discriminator("{\"type\": 7}")).as("a number").isNull();
		assertThat(discriminator("{\"type\": \"te\\u0061m\"}")).as("an escaped value").isNull();
		assertThat(discriminator("{\"\\u0074ype\": \"team\"}")).as("an escaped name").isNull();
		assertThat(discriminator("{\"a\": 1, \"type\"")).as("cut short").isNull();
		assertThat(discriminator("{\"a\": 1 \"type\": \"x\"}")).as("not JSON").isNull();
	}

	@Test
	void stringsReadFromTheirBytesAreTheStringsJacksonReads() {
		String longWord = "x".repeat(5000);
		for (String json : new String[] { "[\"\", \"a\", \"abcdefgh\", \"abcdefghi\", \"2026-01-02T03:04:05.123456Z\"]",
				"[\"" + longWord + "\", \"tail\"]",
				"[\"Caf\u00e9 au lait, quite long\", \"\u20ac\", \"\ud83d\ude00!\"]",
				"[\"a\\\"b\", \"tab\\there\", \"\\u0041BCDEFGHIJ\", \"0123456\\n\"]", "[\"~\u007f\", \" spaced \"]",
				"{\"k\": \"v\", \"n\": {\"deeper\": \"value of eight+\"}}" }) {
			assertThat(tokens(MAPPER.createParser(json.getBytes(StandardCharsets.UTF_8)))).as(json)
				.isEqualTo(
						tokens(MAPPER.createParser(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))));
		}
	}

	@Test
	void badStringsFailAsJacksonFailsThem() {
		for (String json : new String[] { "[\"ctrl\u0001char\"]", "[\"new\nline in a long string\"]", "[\"cut short",
				"[\"cut short after eight bytes\\" }) {
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			String expected = failure(() -> tokens(MAPPER.createParser(new ByteArrayInputStream(bytes))));
			assertThat(failure(() -> tokens(MAPPER.createParser(bytes)))).as(json).isEqualTo(expected);
		}
		byte[] invalidUtf8 = { '[', '"', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', (byte) 0xC3, '(', '"', ']' };
		assertThat(failure(() -> tokens(MAPPER.createParser(invalidUtf8))))
			.isEqualTo(failure(() -> tokens(MAPPER.createParser(new ByteArrayInputStream(invalidUtf8)))));
	}

	@Test
	void theLengthOfAStringIsCheckedAsJacksonChecksIt() {
		int limit = StreamReadConstraints.defaults().getMaxStringLength();
		byte[] bytes = ("[\"" + "y".repeat(limit + 1) + "\"]").getBytes(StandardCharsets.US_ASCII);
		String expected = failure(() -> tokens(MAPPER.createParser(new ByteArrayInputStream(bytes))));
		assertThat(expected).contains("String value length (" + (limit + 1) + ") exceeds the maximum allowed");
		assertThat(failure(() -> tokens(MAPPER.createParser(bytes)))).isEqualTo(expected);
	}

	/**
	 * Reads every token, a string's text through each accessor in turn, and lists what
	 * was read.
	 */
	private static List<String> tokens(JsonParser parser) {
		List<String> read = new ArrayList<>();
		try (parser) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.VALUE_STRING) {
					String text = parser.getString();
					read.add(text);
					read.add(parser.getText());
					read.add(new String(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()));
					read.add(parser.getValueAsString());
				}
				else {
					read.add(token.name());
				}
			}
		}
		return read;
	}

	private static String failure(Runnable read) {
		try {
			read.run();
		}
		catch (JacksonException ex) {
			return ex.getClass().getName() + ": " + ex.getOriginalMessage();
		}
		throw new AssertionError("read without failing");
	}

	/**
	 * Returns what the scan finds, with the parser on the start of the object, and checks
	 * that it read nothing.
	 */
	private static String discriminator(String json) {
		try (JsonParser parser = MAPPER.createParser(json.getBytes(StandardCharsets.UTF_8))) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			String value = DiscriminatorScan.value((LookaheadParser) parser, "type");
			assertThat(parser.currentToken()).isEqualTo(JsonToken.START_OBJECT);
			return value;
		}
	}

}
