package dev.polarspring.client.core;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's parser of UTF-8 bytes, over a whole document in memory, that lets a union see
 * the bytes of the object it is on before any of it is read: the union chooses its
 * variant from them ({@link ObjectScanner}), and the variant then reads the object once,
 * from this parser, instead of from a copy of its tokens.
 *
 * <p>
 * A string value of printable ASCII without escapes (ids, names, enum values, timestamps:
 * most of Polar's strings) becomes a {@code String} straight from its bytes; any other is
 * decoded by Jackson, which also reports what is wrong in it.
 */
final class LookaheadParser extends UTF8StreamJsonParser {

	LookaheadParser(ObjectReadContext readContext, IOContext ioContext, int streamReadFeatures, int formatReadFeatures,
			ByteQuadsCanonicalizer symbols, byte[] data, int start, int end) {
		super(readContext, ioContext, streamReadFeatures, formatReadFeatures, null, symbols, data, start, end, 0,
				false);
	}

	/**
	 * A parser of a stream, its first bytes already in {@code buffer} (allocated from the
	 * context, which gets it back when the parser closes): a union looks ahead in the
	 * bytes the buffer holds, and reads an object that goes past them as it would without
	 * a look.
	 */
	LookaheadParser(ObjectReadContext readContext, IOContext ioContext, int streamReadFeatures, int formatReadFeatures,
			InputStream input, ByteQuadsCanonicalizer symbols, byte[] buffer, int end) {
		super(readContext, ioContext, streamReadFeatures, formatReadFeatures, input, symbols, buffer, 0, end, 0, true);
	}

	/**
	 * Returns where the object the parser is on starts: the index of the byte after its
	 * opening brace, or -1 when the parser is not on the start of an object it has just
	 * read. The object's bytes run from there to at most {@link #end()}. @return the
	 * index in {@link #buffer()}, or -1
	 */
	int objectStart() {
		int next = this._inputPtr;
		return (this._currToken == JsonToken.START_OBJECT && next > 0 && next <= this._inputEnd
				&& this._inputBuffer[next - 1] == '{') ? next : -1;
	}

	/**
	 * Returns the document's bytes.
	 * @return the bytes, not to be changed
	 */
	byte[] buffer() {
		return this._inputBuffer;
	}

	/**
	 * Returns the end of the document's bytes.
	 * @return the index after the last byte
	 */
	int end() {
		return this._inputEnd;
	}

	/**
	 * Finishes the current string value and returns its text, copying printable ASCII
	 * from the document's bytes (one copy, where Jackson decodes to characters, then
	 * copies them into the {@code String}); other text is left to Jackson.
	 */
	@Override
	protected String _finishAndReturnString() {
		int start = this._inputPtr;
		int quote = ObjectScanner.asciiStringEnd(this._inputBuffer, start, this._inputEnd);
		if (quote < 0) {
			return super._finishAndReturnString();
		}
		String text = new String(this._inputBuffer, start, quote - start, StandardCharsets.ISO_8859_1);
		// The text buffer holds the current text for getText() and the like; it checks
		// the length as Jackson does for any string.
		this._textBuffer.resetWithString(text);
		this._inputPtr = quote + 1;
		return text;
	}

}
