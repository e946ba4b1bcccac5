package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan finds where each value ends exactly as the JSON's syntax says, whatever the
 * strings hold and wherever in them an escape or a multi-byte character falls.
 */
class ObjectScannerTests {

	private static final String[] PIECES = { "a", "é", "日本", "\\\"", "\\\\", "\\n", "\\u0041", " ", "{", "}", "[", ",",
			":", "😀", "x".repeat(9) };

	@Test
	void aStringEndsAtItsFirstUnescapedQuote() {
		Random random = new Random(14);
		for (int round = 0; round < 2_000; round++) {
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(12);
			for (int i = 0; i < pieces; i++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			String prefix = " ".repeat(random.nextInt(9));
			String json = prefix + "\"" + text + "\", \"next\": 1";
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			int end = prefix.length() + ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8).length;
			assertThat(ObjectScanner.skipValue(bytes, prefix.length(), bytes.length)).as(json).isEqualTo(end);
			assertThat(ObjectScanner.skipValue(bytes, prefix.length(), end - 1)).as("cut short: %s", json)
				.isEqualTo(ObjectScanner.FAIL);
		}
	}

	@Test
	void aStringOfPrintableAsciiEndsAtItsQuoteAndAnyOtherStringIsLeftAlone() {
		String[] plain = { "a", " ", "~", "x".repeat(9), "2026-12-03T08:00:00Z", "{", ",", "\u007f" };
		String[] other = { "é", "\\\"", "\\n", "\t", "\u0001", "\u001f", "日本", "😀" };
		Random random = new Random(3);
		for (int round = 0; round < 2_000; round++) {
			StringBuilder text = new StringBuilder();
			boolean isPlain = random.nextBoolean();
			int pieces = random.nextInt(12);
			for (int i = 0; i < pieces; i++) {
				text.append(plain[random.nextInt(plain.length)]);
			}
			if (!isPlain) {
				text.insert(random.nextInt(text.length() + 1), other[random.nextInt(other.length)]);
			}
			String prefix = "x".repeat(random.nextInt(9)) + "\"";
			byte[] bytes = (prefix + text + "\" tail").getBytes(StandardCharsets.UTF_8);
			int quote = prefix.length() + text.toString().getBytes(StandardCharsets.UTF_8).length;
			assertThat(ObjectScanner.asciiStringEnd(bytes, prefix.length(), bytes.length)).as("%s", text)
				.isEqualTo(isPlain ? quote : ObjectScanner.FAIL);
			assertThat(ObjectScanner.asciiStringEnd(bytes, prefix.length(), quote)).as("cut short: %s", text)
				.isEqualTo(ObjectScanner.FAIL);
		}
	}

	@Test
	void objectsAndArraysEndAtTheirClosingBracketWhateverTheirStringsHold() {
		String json = "{\"a\": [1, \"]}\", {\"b\": \"\\\"}\"}], \"c\": {}}";
		byte[] bytes = (json + " tail").getBytes(StandardCharsets.UTF_8);
		assertThat(ObjectScanner.skipValue(bytes, 0, bytes.length)).isEqualTo(json.length());
		assertThat(ObjectScanner.skipValue("12.5e3,".getBytes(StandardCharsets.UTF_8), 0, 7)).isEqualTo(6);
	}

	@Test
	void propertiesAreVisitedInOrderWithTheirNames() {
		String json = "{ \"id\" : \"p1\" ,\"n\":[1,{\"x\":2}],\n\"é\":null}";
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		List<String> seen = new ArrayList<>();
		int end = ObjectScanner.properties(bytes, 1, bytes.length, (data, nameStart, nameEnd, valueStart, limit) -> {
			int valueEnd = ObjectScanner.skipValue(data, valueStart, limit);
			seen.add(new String(data, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8) + "="
					+ new String(data, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8));
			return valueEnd;
		});
		assertThat(end).isEqualTo(bytes.length);
		assertThat(seen).containsExactly("id=\"p1\"", "n=[1,{\"x\":2}]", "é=null");
	}

}
