package dev.polarspring.client.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polarspring.client.core.PolarJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One case of the shared webhook vectors ({@code webhook-vectors/deliveries.json}): a
 * delivery, the verifier's clock and the outcome a correct receiver reaches. Shared with
 * the auto-configuration tests through this module's test jar.
 *
 * @param name what the case shows
 * @param secret the endpoint secret
 * @param headers the delivery headers, names as sent
 * @param body the raw body
 * @param now the verifier's clock, in seconds since the epoch
 * @param expect {@code accepted}, {@code accepted-unknown}, {@code rejected-signature},
 * {@code rejected-payload} or {@code accepted-either-key}
 * @param type the event type of an accepted delivery, if the case names one
 */
public record WebhookVector(String name, String secret, Map<String, String> headers, String body, long now,
		String expect, @Nullable String type) {

	private static final String RESOURCE = "/webhook-vectors/deliveries.json";

	/**
	 * Reads every case from the classpath.
	 * @return the cases in file order
	 */
	public static List<WebhookVector> load() {
		try (InputStream in = WebhookVector.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the test classpath");
			}
			List<WebhookVector> vectors = new ArrayList<>();
			for (JsonNode node : PolarJson.mapper().readTree(in).get("cases")) {
				Map<String, String> headers = new LinkedHashMap<>();
				node.get("headers")
					.properties()
					.forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
				JsonNode type = node.get("type");
				vectors.add(new WebhookVector(node.get("name").asString(), node.get("secret").asString(), headers,
						node.get("body").asString(), node.get("now").asLong(), node.get("expect").asString(),
						(type != null) ? type.asString() : null));
			}
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the body as the bytes on the wire.
	 * @return the UTF-8 bytes of the body
	 */
	public byte[] bodyBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns a clock fixed at the case's {@code now}.
	 * @return the clock
	 */
	public Clock clock() {
		return Clock.fixed(Instant.ofEpochSecond(this.now), ZoneOffset.UTC);
	}

	/**
	 * Whether a correct verifier accepts the signature (every outcome but
	 * {@code rejected-signature}).
	 * @return whether the signature is valid
	 */
	public boolean signatureValid() {
		return !"rejected-signature".equals(this.expect);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
