package dev.polarspring.client.core;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body is read whole whatever its announced length says: exactly, shorter, longer or
 * not at all.
 */
class BodyBytesTests {

	private static final byte[] BODY = body(20_000);

	@Test
	void aBodyOfItsAnnouncedLengthIsReadWhole() throws IOException {
		assertThat(BodyBytes.read(trickling(BODY), BODY.length)).isEqualTo(BODY);
		assertThat(BodyBytes.read(trickling(new byte[0]), 0)).isEmpty();
	}

	@Test
	void aBodyThatEndsBeforeItsAnnouncedLengthIsWhatCame() throws IOException {
		assertThat(BodyBytes.read(trickling(BODY), BODY.length + 100)).isEqualTo(BODY);
	}

	@Test
	void aBodyLongerThanAnnouncedIsReadToItsEnd() throws IOException {
		assertThat(BodyBytes.read(trickling(BODY), 100)).isEqualTo(BODY);
		assertThat(BodyBytes.read(trickling(BODY), 0)).isEqualTo(BODY);
		assertThat(BodyBytes.read(trickling(BODY), BODY.length - 1)).isEqualTo(BODY);
	}

	@Test
	void aBodyOfUnknownOrImplausibleLengthIsReadAsItComes() throws IOException {
		assertThat(BodyBytes.read(trickling(BODY), -1)).isEqualTo(BODY);
		assertThat(BodyBytes.read(trickling(BODY), BodyBytes.MAX_PRESIZED + 1L)).isEqualTo(BODY);
		assertThat(BodyBytes.read(trickling(BODY), Long.MAX_VALUE)).isEqualTo(BODY);
	}

	private static byte[] body(int length) {
		byte[] bytes = new byte[length];
		new Random(7).nextBytes(bytes);
		return bytes;
	}

	/** A stream that hands out at most 1,000 bytes a read, as a socket may. */
	private static InputStream trickling(byte[] bytes) {
		return new FilterInputStream(new ByteArrayInputStream(bytes)) {

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				return super.read(buffer, offset, Math.min(length, 1_000));
			}

		};
	}

}
