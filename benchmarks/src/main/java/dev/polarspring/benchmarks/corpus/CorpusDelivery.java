package dev.polarspring.benchmarks.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One signed webhook delivery of the corpus, shaped like a case of the shared webhook
 * vectors.
 *
 * @param type the event type, such as {@code order.paid}
 * @param secret the endpoint secret it is signed with (the UTF-8 bytes of the whole
 * secret, as Polar signs)
 * @param headers {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature}
 * @param body the raw body
 * @param now the verifier's clock for this delivery, in seconds since the epoch
 */
public record CorpusDelivery(String type, String secret, Map<String, String> headers, String body, long now) {

	/**
	 * Returns the body as the bytes on the wire.
	 * @return the UTF-8 bytes of the body
	 */
	public byte[] bodyBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns a clock fixed at {@link #now()}.
	 * @return the verifier's clock
	 */
	public Clock clock() {
		return Clock.fixed(Instant.ofEpochSecond(this.now), ZoneOffset.UTC);
	}

}
