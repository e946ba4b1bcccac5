package dev.polarspring.client.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The SDK mapper's JSON factory: a document given as bytes in UTF-8 is read by a
 * {@link LookaheadParser}, which lets a union look at the rest of an object before
 * reading it; so is a stream of UTF-8, in a buffer of {@value #STREAM_BUFFER} bytes, its
 * unions looking at the objects the buffer holds whole. Everything else (readers, other
 * encodings) is read as Jackson reads it.
 */
final class LookaheadJsonFactory extends JsonFactory {

	private static final long serialVersionUID = 1L;

	/** The buffer of a parser of a stream. */
	static final int STREAM_BUFFER = 32 * 1024;

	LookaheadJsonFactory() {
	}

	private LookaheadJsonFactory(LookaheadJsonFactory source) {
		super(source);
	}

	@Override
	public LookaheadJsonFactory copy() {
		return new LookaheadJsonFactory(this);
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, byte[] data, int offset,
			int length) {
		if (!isEnabled(Feature.CANONICALIZE_PROPERTY_NAMES) || !startsAsUtf8(data, offset, length)) {
			return super._createParser(readContext, ioContext, data, offset, length);
		}
		_checkRangeBoundsForByteArray(data, offset, length);
		this._streamReadConstraints.validateDocumentLength(length);
		// As Jackson's own bootstrapper builds a parser for UTF-8 bytes without a BOM.
		return new LookaheadParser(readContext, ioContext, readContext.getStreamReadFeatures(this._streamReadFeatures),
				readContext.getFormatReadFeatures(this._formatReadFeatures),
				this._byteSymbolCanonicalizer.makeChild(this._factoryFeatures), data, offset, offset + length);
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, InputStream input) {
		if (!isEnabled(Feature.CANONICALIZE_PROPERTY_NAMES)) {
			return super._createParser(readContext, ioContext, input);
		}
		// Larger than Jackson's 8,000 bytes, so that more of a page's objects are wholly
		// in the buffer when a union looks at them; recycled as Jackson recycles its own.
		byte[] buffer = ioContext.allocReadIOBuffer(STREAM_BUFFER);
		int filled;
		try {
			filled = input.readNBytes(buffer, 0, 4);
		}
		catch (IOException ex) {
			ioContext.releaseReadIOBuffer(buffer);
			throw _wrapIOFailure(ex);
		}
		if (!startsAsUtf8(buffer, 0, filled)) {
			byte[] first = Arrays.copyOf(buffer, filled);
			// Jackson's bootstrapper takes the buffer, and detects the encoding from the
			// bytes read and the rest.
			ioContext.releaseReadIOBuffer(buffer);
			return super._createParser(readContext, ioContext,
					new SequenceInputStream(new ByteArrayInputStream(first), input));
		}
		return new LookaheadParser(readContext, ioContext, readContext.getStreamReadFeatures(this._streamReadFeatures),
				readContext.getFormatReadFeatures(this._formatReadFeatures), input,
				this._byteSymbolCanonicalizer.makeChild(this._factoryFeatures), buffer, filled);
	}

	/**
	 * Whether the document is UTF-8 without a byte order mark: JSON starts with an ASCII
	 * character, and UTF-16 and UTF-32 put a zero byte in the first four (RFC 4627's
	 * detection, which Jackson's bootstrapper applies). Anything else is left to Jackson.
	 */
	private static boolean startsAsUtf8(byte[] data, int offset, int length) {
		if (length <= 0) {
			return false;
		}
		for (int i = offset; i < offset + Math.min(4, length); i++) {
			if (data[i] <= 0) {
				// A zero (UTF-16/32) or a byte of 0x80 and above (a BOM, or not JSON).
				return false;
			}
		}
		return true;
	}

}
