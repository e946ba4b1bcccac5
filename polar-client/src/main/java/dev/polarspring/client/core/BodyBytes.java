package dev.polarspring.client.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a response body into one array of its exact size.
 *
 * <p>
 * {@link InputStream#readAllBytes()} gathers a body of unknown length in chunks and
 * copies them into the result: twice the body in allocation, which for a page of 100 rich
 * products is about 700 KB more per call. When the response announces its length, the
 * array is made at that size and filled directly; the length is only a hint, so a body
 * that ends sooner is cut to what came, and one that goes on (a body the HTTP client
 * decompressed, say) is read on to its end.
 */
final class BodyBytes {

	/** Announced lengths above this are not trusted with an array made up front. */
	static final int MAX_PRESIZED = 16 * 1024 * 1024;

	private BodyBytes() {
	}

	/**
	 * Reads the body to its end.
	 * @param input the body
	 * @param announced its announced length ({@code Content-Length}), or a negative
	 * number when not announced
	 * @return every byte of the body
	 * @throws IOException if reading fails
	 */
	static byte[] read(InputStream input, long announced) throws IOException {
		if (announced < 0 || announced > MAX_PRESIZED) {
			return input.readAllBytes();
		}
		byte[] bytes = new byte[(int) announced];
		int read = input.readNBytes(bytes, 0, bytes.length);
		if (read < bytes.length) {
			return Arrays.copyOf(bytes, read);
		}
		int next = input.read();
		if (next < 0) {
			return bytes;
		}
		ByteArrayOutputStream longer = new ByteArrayOutputStream(bytes.length + 8192);
		longer.write(bytes);
		longer.write(next);
		input.transferTo(longer);
		return longer.toByteArray();
	}

}
