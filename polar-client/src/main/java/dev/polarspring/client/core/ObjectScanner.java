package dev.polarspring.client.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Looks through the bytes of a JSON object without reading it: its property names, and
 * where each value starts and ends. A union chooses its variant from this, then the
 * variant reads the object once from the parser ({@link LookaheadParser}).
 *
 * <p>
 * The scan does not validate: it gives up ({@link #FAIL}) on anything it does not expect,
 * an escaped name or the end of the bytes included, and the union then reads the object
 * as it did without a scan; the parser reports any error in the JSON when the object is
 * read.
 */
final class ObjectScanner {

	/** The scan gave up. */
	static final int FAIL = -1;

	/** The visitor has seen what it needed. */
	static final int STOP = -2;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long QUOTES = '"' * ONES;

	private static final long BACKSLASHES = '\\' * ONES;

	private static final long SPACES = ' ' * ONES;

	private ObjectScanner() {
	}

	/**
	 * Visits the properties of an object, in order.
	 * @param bytes the document
	 * @param start the index after the object's opening brace @param end the end of the
	 * document
	 * @param visitor told of each property
	 * @return the index after the object's closing brace, {@link #STOP} if the visitor
	 * stopped, or {@link #FAIL}
	 */
	static int properties(byte[] bytes, int start, int end, Visitor visitor) {
		int i = skipSpace(bytes, start, end);
		if (i < end && bytes[i] == '}') {
			return i + 1;
		}
		while (i < end && bytes[i] == '"') {
			int nameStart = i + 1;
			int nameEnd = nameEnd(bytes, nameStart, end);
			if (nameEnd < 0) {
				return FAIL;
			}
			i = skipSpace(bytes, nameEnd + 1, end);
			if (i >= end || bytes[i] != ':') {
				return FAIL;
			}
			i = skipSpace(bytes, i + 1, end);
			if (i >= end) {
				return FAIL;
			}
			int valueEnd = visitor.property(bytes, nameStart, nameEnd, i, end);
			if (valueEnd < 0) {
				return valueEnd;
			}
			i = skipSpace(bytes, valueEnd, end);
			if (i >= end) {
				return FAIL;
			}
			if (bytes[i] == '}') {
				return i + 1;
			}
			if (bytes[i] != ',') {
				return FAIL;
			}
			i = skipSpace(bytes, i + 1, end);
		}
		return FAIL;
	}

	/**
	 * Returns the index of the quote that closes a name, or {@link #FAIL} for a name with
	 * an escape (the scan does not decode them) or one that does not end.
	 */
	private static int nameEnd(byte[] bytes, int i, int end) {
		for (; i < end; i++) {
			byte b = bytes[i];
			if (b == '"') {
				return i;
			}
			if (b == '\\') {
				return FAIL;
			}
		}
		return FAIL;
	}

	/**
	 * Returns the index after the value that starts at {@code i}, or {@link #FAIL}.
	 * @param bytes the document
	 * @param i the value's first byte
	 * @param end the end of the document
	 * @return the index after the value
	 */
	static int skipValue(byte[] bytes, int i, int end) {
		if (i >= end) {
			return FAIL;
		}
		byte first = bytes[i];
		if (first == '"') {
			return stringEnd(bytes, i + 1, end);
		}
		if (first == '{' || first == '[') {
			int depth = 0;
			while (i < end) {
				byte b = bytes[i];
				if (b == '"') {
					i = stringEnd(bytes, i + 1, end);
					if (i < 0) {
						return FAIL;
					}
					continue;
				}
				if (b == '{' || b == '[') {
					depth++;
				}
				else if (b == '}' || b == ']') {
					if (--depth == 0) {
						return i + 1;
					}
				}
				i++;
			}
			return FAIL;
		}
		int start = i;
		while (i < end && !endsScalar(bytes[i])) {
			i++;
		}
		return (i > start) ? i : FAIL;
	}

	/**
	 * Returns the text of a string value that has no escape, or null for any other value
	 * or a string with an escape.
	 * @param bytes the document
	 * @param i the value's first byte
	 * @param end the end of the document
	 * @return the text, or null
	 */
	static @Nullable String plainString(byte[] bytes, int i, int end) {
		if (i >= end || bytes[i] != '"') {
			return null;
		}
		for (int j = i + 1; j < end; j++) {
			byte b = bytes[j];
			if (b == '"') {
				return new String(bytes, i + 1, j - i - 1, StandardCharsets.UTF_8);
			}
			if (b == '\\') {
				return null;
			}
		}
		return null;
	}

	/**
	 * Whether the value at {@code i} is the literal {@code word} ({@code null},
	 * {@code true} or {@code false}).
	 */
	static boolean isLiteral(byte[] bytes, int i, int end, byte[] word) {
		int after = i + word.length;
		return after <= end && Arrays.equals(bytes, i, after, word, 0, word.length)
				&& (after == end || endsScalar(bytes[after]));
	}

	/**
	 * Returns the index after the quote that closes a string, {@code i} being its first
	 * byte after the opening quote. Eight bytes are looked at a time for a quote or a
	 * backslash (strings are most of a document's bytes); from the first such byte on,
	 * one at a time.
	 */
	private static int stringEnd(byte[] bytes, int i, int end) {
		while (i + 8 <= end) {
			long found = quotesOrBackslashes((long) LONGS.get(bytes, i)) & HIGH_BITS;
			if (found != 0) {
				i += Long.numberOfTrailingZeros(found) >>> 3;
				break;
			}
			i += 8;
		}
		while (i < end) {
			byte b = bytes[i++];
			if (b == '"') {
				return i;
			}
			if (b == '\\') {
				i++;
			}
		}
		return FAIL;
	}

	/**
	 * Returns the index of the quote that closes a string of printable ASCII without
	 * escapes, {@code i} being its first byte after the opening quote, or {@link #FAIL}
	 * for any other string (an escape, a control character, a byte of a multi-byte
	 * character) and for one that does not end before {@code end}. Eight bytes are looked
	 * at a time, as in {@link #stringEnd}.
	 * @param bytes the document
	 * @param i the string's first byte
	 * @param end the end of the bytes that may be read
	 * @return the index of the closing quote, or {@link #FAIL}
	 */
	static int asciiStringEnd(byte[] bytes, int i, int end) {
		while (i + 8 <= end) {
			long word = (long) LONGS.get(bytes, i);
			// Also a byte below a space, or one with its high bit set; still exact for
			// the
			// lowest.
			long found = (quotesOrBackslashes(word) | ((word - SPACES) & ~word) | word) & HIGH_BITS;
			if (found != 0) {
				i += Long.numberOfTrailingZeros(found) >>> 3;
				break;
			}
			i += 8;
		}
		while (i < end) {
			byte b = bytes[i];
			if (b == '"') {
				return i;
			}
			if (b == '\\' || b < ' ') {
				// Negative for a byte of a multi-byte character.
				return FAIL;
			}
			i++;
		}
		return FAIL;
	}

	/**
	 * Marks, in the high bit of each byte, the bytes of {@code word} that are a quote or
	 * a backslash: exact for the lowest such byte (a borrow may mark bytes above it),
	 * which is the one the scans stop at.
	 */
	private static long quotesOrBackslashes(long word) {
		long quotes = word ^ QUOTES;
		long backslashes = word ^ BACKSLASHES;
		return ((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes);
	}

	private static boolean endsScalar(byte b) {
		return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

	private static int skipSpace(byte[] bytes, int i, int end) {
		while (i < end) {
			byte b = bytes[i];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return i;
			}
			i++;
		}
		return i;
	}

	/**
	 * Told of each property of an object being scanned.
	 */
	interface Visitor {

		/**
		 * Sees one property.
		 * @param bytes the document
		 * @param nameStart the name's first byte (after its quote)
		 * @param nameEnd the index of the quote that closes the name
		 * @param valueStart the value's first byte
		 * @param end the end of the document
		 * @return the index after the value (usually {@link #skipValue}), {@link #STOP}
		 * or {@link #FAIL}
		 */
		int property(byte[] bytes, int nameStart, int nameEnd, int valueStart, int end);

	}

	/**
	 * A set of names, looked up by their UTF-8 bytes.
	 */
	static final class Names {

		private final byte[][] names;

		private final int[] indexes;

		private final int mask;

		/**
		 * Creates the set.
		 * @param names the names; a name's index in the list is what {@link #find}
		 * returns
		 */
		Names(List<String> names) {
			int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
			this.names = new byte[size][];
			this.indexes = new int[size];
			this.mask = size - 1;
			for (int index = 0; index < names.size(); index++) {
				byte[] name = names.get(index).getBytes(StandardCharsets.UTF_8);
				int slot = hash(name, 0, name.length) & this.mask;
				while (this.names[slot] != null) {
					slot = (slot + 1) & this.mask;
				}
				this.names[slot] = name;
				this.indexes[slot] = index;
			}
		}

		/**
		 * Returns the index of the name that ends at {@code nameEnd}.
		 * @param bytes the document
		 * @param from the name's first byte
		 * @param to the index of the quote that closes the name
		 * @return the name's index, or -1 for a name not in the set
		 */
		int find(byte[] bytes, int from, int to) {
			int slot = hash(bytes, from, to) & this.mask;
			for (byte[] name = this.names[slot]; name != null; name = this.names[slot]) {
				if (Arrays.equals(bytes, from, to, name, 0, name.length)) {
					return this.indexes[slot];
				}
				slot = (slot + 1) & this.mask;
			}
			return -1;
		}

		/**
		 * A hash of the length and three bytes: cheap for the few names of a schema,
		 * which a table four times their number keeps apart.
		 */
		private static int hash(byte[] bytes, int from, int to) {
			int length = to - from;
			if (length == 0) {
				return 0;
			}
			int hash = 31 * (31 * (31 * length + bytes[from]) + bytes[to - 1]) + bytes[from + (length >> 1)];
			return hash ^ (hash >>> 7);
		}

	}

	/**
	 * Whether a name is {@code name}.
	 * @param bytes the document
	 * @param from the name's first byte
	 * @param to the index of the quote that closes the name
	 * @param name the name's UTF-8 bytes
	 * @return whether they are equal
	 */
	static boolean nameEquals(byte[] bytes, int from, int to, byte[] name) {
		return Arrays.equals(bytes, from, to, name, 0, name.length);
	}

}
