package dev.polarspring.client.core;

import org.jspecify.annotations.Nullable;

/**
 * Finds the value of a union's discriminator in the bytes of the object the parser is on,
 * as {@link VariantReader#discriminated} reads it: the first property of that name, its
 * text when it is a string, empty when it is null, an object or an array, or when the
 * object has no such property.
 */
final class DiscriminatorScan implements ObjectScanner.Visitor {

	private static final byte[] NULL = { 'n', 'u', 'l', 'l' };

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	private final String name;

	private @Nullable String value;

	private DiscriminatorScan(String name) {
		this.name = name;
	}

	/**
	 * Returns the discriminator's value.
	 * @param parser the parser, on the start of the object
	 * @param name the discriminator property, in ASCII
	 * @return the value, or null when the bytes do not tell (a number, an escape, the
	 * object not wholly in memory), for the caller to read the object instead
	 */
	static @Nullable String value(LookaheadParser parser, String name) {
		int start = parser.objectStart();
		if (start < 0) {
			return null;
		}
		DiscriminatorScan scan = new DiscriminatorScan(name);
		int result = ObjectScanner.properties(parser.buffer(), start, parser.end(), scan);
		if (result == ObjectScanner.STOP) {
			return scan.value;
		}
		return (result >= 0) ? "" : null;
	}

	@Override
	public int property(byte[] bytes, int nameStart, int nameEnd, int valueStart, int end) {
		if (!isName(bytes, nameStart, nameEnd)) {
			return ObjectScanner.skipValue(bytes, valueStart, end);
		}
		this.value = switch (bytes[valueStart]) {
			case '"' -> ObjectScanner.plainString(bytes, valueStart, end);
			case '{', '[' -> "";
			case 'n' -> ObjectScanner.isLiteral(bytes, valueStart, end, NULL) ? "" : null;
			case 't' -> ObjectScanner.isLiteral(bytes, valueStart, end, TRUE) ? "true" : null;
			case 'f' -> ObjectScanner.isLiteral(bytes, valueStart, end, FALSE) ? "false" : null;
			// A number's text is as Jackson read it; left to the parser.
			default -> null;
		};
		return (this.value != null) ? ObjectScanner.STOP : ObjectScanner.FAIL;
	}

	private boolean isName(byte[] bytes, int from, int to) {
		if (to - from != this.name.length()) {
			return false;
		}
		for (int i = from; i < to; i++) {
			if (bytes[i] != this.name.charAt(i - from)) {
				return false;
			}
		}
		return true;
	}

}
