package dev.polarspring.client.webhook;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.polarspring.client.webhook.WebhookVerificationException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Proves that a webhook delivery comes from Polar, before anything reads its body.
 *
 * <p>
 * Polar follows the Standard Webhooks headers: {@code webhook-id},
 * {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}
 * (space-separated {@code v1,<base64>} entries). The signature is HMAC-SHA256 over
 * {@code {id}.{timestamp}.{raw body}}. The key is where Polar departs from the Standard
 * Webhooks text: Polar signs with the UTF-8 bytes of the whole secret string,
 * {@code whsec_} prefix included. Like Polar's newest SDKs this verifier also accepts the
 * Standard Webhooks key (the base64 decoding of what follows {@code whsec_}), so either
 * signer passes.
 *
 * <p>
 * Rules, in the order they are checked:
 * <ol>
 * <li>the three headers are present and not empty (names in any case);</li>
 * <li>the timestamp is a whole number of seconds within the tolerance of the clock, both
 * ways (default 5 minutes; a delivery exactly at the limit passes);</li>
 * <li>at least one {@code v1} entry equals the signature computed with one of the keys;
 * other versions and undecodable entries are skipped; comparison is constant-time.</li>
 * </ol>
 *
 * <p>
 * Several secrets can be configured to rotate one without losing deliveries. Keys are
 * derived once, when the verifier is built; the verifier is immutable and thread-safe, so
 * build one per endpoint and share it.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secret(secret).build();
 * WebhookDelivery delivery = verifier.verify(body, headers);
 * }</pre>
 */
public final class WebhookVerifier {

	/**
	 * The tolerance Polar and Standard Webhooks use: 5 minutes either side of the clock.
	 */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	static final String ID_HEADER = "webhook-id";

	static final String TIMESTAMP_HEADER = "webhook-timestamp";

	static final String SIGNATURE_HEADER = "webhook-signature";

	private static final String VERSION_PREFIX = "v1,";

	// 18 digits cannot overflow a long and reach far past any plausible clock.
	private static final int MAX_TIMESTAMP_DIGITS = 18;

	private final List<SigningKey> keys;

	private final long toleranceSeconds;

	private final Clock clock;

	private WebhookVerifier(List<SigningKey> keys, Duration tolerance, Clock clock) {
		this.keys = List.copyOf(keys);
		this.toleranceSeconds = tolerance.getSeconds();
		this.clock = clock;
	}

	/**
	 * Starts a verifier; at least one secret is required.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Verifies a delivery whose headers are in a map; names match in any case.
	 * @param body the raw request body, exactly as received
	 * @param headers the request headers
	 * @return the delivery id and time, once the delivery is proven to come from Polar
	 * @throws WebhookVerificationException when the delivery cannot be proven to come
	 * from Polar
	 */
	public WebhookDelivery verify(byte[] body, Map<String, String> headers) {
		return verify(body, WebhookHeaders.of(headers));
	}

	/**
	 * Verifies a delivery whose headers are read through a lookup, such as
	 * {@code request::getHeader}.
	 * @param body the raw request body, exactly as received
	 * @param headers looks up a header by name, in any case
	 * @return the delivery id and time, once the delivery is proven to come from Polar
	 * @throws WebhookVerificationException when the delivery cannot be proven to come
	 * from Polar
	 */
	public WebhookDelivery verify(byte[] body, WebhookHeaders headers) {
		Objects.requireNonNull(body, "body must not be null");
		String id = requireHeader(headers, ID_HEADER);
		String timestamp = requireHeader(headers, TIMESTAMP_HEADER);
		String signatures = requireHeader(headers, SIGNATURE_HEADER);
		long seconds = parseTimestamp(timestamp);
		checkTolerance(seconds);
		for (SigningKey key : this.keys) {
			if (matchesAny(key.sign(id, timestamp, body), signatures)) {
				return new WebhookDelivery(id, Instant.ofEpochSecond(seconds));
			}
		}
		throw new WebhookVerificationException(Reason.NO_MATCHING_SIGNATURE,
				"No v1 signature in webhook-signature matches the delivery signed with any configured "
						+ "secret; check that the secret is the one Polar shows for this webhook endpoint "
						+ "(sandbox and production secrets differ) and that nothing changed the body before "
						+ "verification");
	}

	private static String requireHeader(WebhookHeaders headers, String name) {
		String value = headers.get(name);
		if (value == null || value.isEmpty()) {
			throw new WebhookVerificationException(Reason.MISSING_HEADER,
					"The delivery has no " + name
							+ " header; Polar sends webhook-id, webhook-timestamp and webhook-signature with every "
							+ "delivery, so it did not come from Polar or a proxy removed the header");
		}
		return value;
	}

	private static long parseTimestamp(String timestamp) {
		int length = timestamp.length();
		if (length > MAX_TIMESTAMP_DIGITS) {
			throw badTimestamp();
		}
		long seconds = 0;
		for (int i = 0; i < length; i++) {
			char c = timestamp.charAt(i);
			if (c < '0' || c > '9') {
				throw badTimestamp();
			}
			seconds = seconds * 10 + (c - '0');
		}
		return seconds;
	}

	private static WebhookVerificationException badTimestamp() {
		return new WebhookVerificationException(Reason.BAD_TIMESTAMP,
				"webhook-timestamp is not a whole number of seconds since the epoch; "
						+ "the delivery did not come from Polar");
	}

	private void checkTolerance(long seconds) {
		long now = this.clock.instant().getEpochSecond();
		long age = now - seconds;
		if (age > this.toleranceSeconds) {
			throw new WebhookVerificationException(Reason.TOO_OLD,
					"webhook-timestamp is " + age + " s in the past, beyond the tolerance of " + this.toleranceSeconds
							+ " s; the delivery is replayed or held back, or this machine's clock is wrong");
		}
		if (-age > this.toleranceSeconds) {
			throw new WebhookVerificationException(Reason.TOO_NEW,
					"webhook-timestamp is " + (-age) + " s in the future, beyond the tolerance of "
							+ this.toleranceSeconds + " s; check this machine's clock");
		}
	}

	private static boolean matchesAny(byte[] expected, String signatures) {
		int length = signatures.length();
		int start = 0;
		while (start < length) {
			int end = signatures.indexOf(' ', start);
			if (end < 0) {
				end = length;
			}
			if (end - start > VERSION_PREFIX.length() && signatures.startsWith(VERSION_PREFIX, start)) {
				byte[] candidate = decode(signatures.substring(start + VERSION_PREFIX.length(), end));
				if (candidate != null && MessageDigest.isEqual(expected, candidate)) {
					return true;
				}
			}
			start = end + 1;
		}
		return false;
	}

	private static byte @Nullable [] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			// An entry that is not base64 cannot match; the others may.
			return null;
		}
	}

	@Override
	public String toString() {
		return "WebhookVerifier[keys=" + this.keys.size() + ", tolerance=" + this.toleranceSeconds + "s]";
	}

	/**
	 * Builds a {@link WebhookVerifier}.
	 */
	public static final class Builder {

		private final List<String> secrets = new ArrayList<>();

		private Duration tolerance = DEFAULT_TOLERANCE;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Adds a secret whose signatures are accepted. Call it once per secret while
		 * rotating: deliveries signed with any of them pass.
		 * @param secret the endpoint's secret as Polar shows it, usually starting with
		 * {@code whsec_}
		 * @return this builder
		 */
		public Builder secret(String secret) {
			Objects.requireNonNull(secret, "secret must not be null");
			if (secret.isBlank()) {
				throw new IllegalArgumentException(
						"The webhook secret is empty; copy it from the endpoint's settings in Polar");
			}
			this.secrets.add(secret);
			return this;
		}

		/**
		 * Adds several secrets at once, as {@link #secret(String)} does one.
		 * @param secrets the secrets
		 * @return this builder
		 */
		public Builder secrets(Iterable<String> secrets) {
			secrets.forEach(this::secret);
			return this;
		}

		/**
		 * Sets how far the delivery time may be from the clock, in the past or in the
		 * future.
		 * @param tolerance the tolerance, 5 minutes by default; whole seconds count
		 * @return this builder
		 */
		public Builder tolerance(Duration tolerance) {
			Objects.requireNonNull(tolerance, "tolerance must not be null");
			if (tolerance.isNegative()) {
				throw new IllegalArgumentException("The webhook tolerance must not be negative");
			}
			this.tolerance = tolerance;
			return this;
		}

		/**
		 * Sets the clock deliveries are checked against, for tests.
		 * @param clock the clock, the system UTC clock by default
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Derives the keys and builds the verifier.
		 * @return the verifier
		 * @throws IllegalStateException when no secret was added
		 */
		public WebhookVerifier build() {
			if (this.secrets.isEmpty()) {
				throw new IllegalStateException(
						"No webhook secret configured; add the endpoint's secret from Polar with secret(...)");
			}
			List<SigningKey> keys = new ArrayList<>();
			// Polar's own key first: it is how Polar signs, so the common case computes
			// one HMAC.
			for (String secret : this.secrets) {
				keys.add(SigningKey.polar(secret));
			}
			for (String secret : this.secrets) {
				SigningKey standard = SigningKey.standardWebhooks(secret);
				if (standard != null) {
					keys.add(standard);
				}
			}
			return new WebhookVerifier(keys, this.tolerance, this.clock);
		}

		@Override
		public String toString() {
			return "WebhookVerifier.Builder[secrets=" + this.secrets.size() + "]";
		}

	}

}
