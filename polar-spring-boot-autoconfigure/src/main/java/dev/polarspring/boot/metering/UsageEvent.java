package dev.polarspring.boot.metering;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.events.EventMetadata;
import dev.polarspring.client.events.IngestEvents;

/**
 * One metered action, for {@link PolarUsage#record(UsageEvent)}: an event name, the
 * customer (your id for them, or Polar's), metadata, a time and an idempotency key.
 * Immutable; checked when built, so a bad value fails where it is written.
 *
 * <pre>{@code
 * usage.record(UsageEvent.forExternalCustomer(user.id(), "api_call")
 *     .metadata(Map.of("tokens", 1200, "model", "large"))
 *     .idempotencyKey("call-" + call.id())          // the same key never counts twice
 *     .timestamp(call.startedAt())
 *     .build());
 * }</pre>
 *
 * <p>
 * Every event reaches Polar with an {@code external_id}: the idempotency key, or an id
 * generated when the event was built, so a batch sent again after a lost answer is
 * deduplicated by Polar instead of counted twice.
 */
public final class UsageEvent {

	static final long NO_TIMESTAMP = Long.MIN_VALUE;

	private static final Pattern UUID_SHAPE = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final String name;

	private final @Nullable String customerId;

	private final @Nullable String externalCustomerId;

	private final @Nullable String idempotencyKey;

	private final long generatedId;

	// Microseconds since the epoch (Polar keeps microseconds), or NO_TIMESTAMP: a long
	// rather than an Instant, so recording allocates one object less.
	private final long timestampMicros;

	private final Map<String, Object> metadata;

	/**
	 * Creates a checked event; the metadata is already checked and immutable.
	 */
	UsageEvent(String name, @Nullable String customerId, @Nullable String externalCustomerId,
			@Nullable String idempotencyKey, long generatedId, long timestampMicros, Map<String, Object> metadata) {
		this.name = name;
		this.customerId = customerId;
		this.externalCustomerId = externalCustomerId;
		this.idempotencyKey = idempotencyKey;
		this.generatedId = generatedId;
		this.timestampMicros = timestampMicros;
		this.metadata = metadata;
	}

	/**
	 * Starts an event of a customer known by your own id (Polar's
	 * {@code external_customer_id}), such as your user id.
	 * @param externalCustomerId the customer's id in your system
	 * @param name the event name, such as {@code api_call}; 1 to 128 characters
	 * @return a builder
	 * @throws IllegalArgumentException if an argument is blank or the name too long
	 */
	public static Builder forExternalCustomer(String externalCustomerId, String name) {
		requireText(externalCustomerId, "externalCustomerId");
		IngestEvents.checkName(name);
		return new Builder(name, null, externalCustomerId);
	}

	/**
	 * Starts an event of a customer known by Polar's customer id.
	 * @param customerId Polar's id of the customer, a UUID
	 * @param name the event name, such as {@code api_call}; 1 to 128 characters
	 * @return a builder
	 * @throws IllegalArgumentException if the customer id is not a UUID, the name blank
	 * or too long
	 */
	public static Builder forCustomer(String customerId, String name) {
		requireText(customerId, "customerId");
		if (!UUID_SHAPE.matcher(customerId).matches()) {
			throw new IllegalArgumentException("customerId must be Polar's customer id, a UUID, was '" + customerId
					+ "'; for your own id of the customer use forExternalCustomer(...)");
		}
		IngestEvents.checkName(name);
		return new Builder(name, customerId, null);
	}

	/**
	 * Returns the event name.
	 * @return such as {@code api_call}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns Polar's id of the customer.
	 * @return the id, or {@code null} for an event of an external customer id
	 */
	public @Nullable String customerId() {
		return this.customerId;
	}

	/**
	 * Returns your id of the customer.
	 * @return the id, or {@code null} for an event of a Polar customer id
	 */
	public @Nullable String externalCustomerId() {
		return this.externalCustomerId;
	}

	/**
	 * Returns the {@code external_id} Polar deduplicates the event by.
	 * @return the idempotency key given, or the id generated for the event
	 */
	public String externalId() {
		return (this.idempotencyKey != null) ? this.idempotencyKey : UsageEventIds.format(this.generatedId);
	}

	/**
	 * Returns when the event happened.
	 * @return the time, to the microsecond (as Polar keeps it), or {@code null} until
	 * recorded without one (recording sets it to the millisecond of the call)
	 */
	public @Nullable Instant timestamp() {
		long micros = this.timestampMicros;
		return (micros != NO_TIMESTAMP)
				? Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)
				: null;
	}

	long timestampMicros() {
		return this.timestampMicros;
	}

	/**
	 * Returns the metadata.
	 * @return keys to strings, integers, numbers or booleans; unmodifiable
	 */
	public Map<String, Object> metadata() {
		return this.metadata;
	}

	UsageEvent withTimestampMicros(long timestampMicros) {
		return new UsageEvent(this.name, this.customerId, this.externalCustomerId, this.idempotencyKey,
				this.generatedId, timestampMicros, this.metadata);
	}

	/**
	 * Names the event without its metadata, whose values may be private.
	 * @return such as {@code UsageEvent{name=api_call, externalId=call-981}}
	 */
	@Override
	public String toString() {
		return "UsageEvent{name=" + this.name + ", externalId=" + externalId() + "}";
	}

	static void requireText(@Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be " + ((value == null) ? "null" : "blank"));
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> checkedMetadata(Map<String, ?> metadata) {
		EventMetadata.check(metadata);
		// Map.copyOf returns an immutable map as it is: Map.of(...) costs nothing here.
		return (Map<String, Object>) Map.copyOf(metadata);
	}

	/**
	 * Builds a {@link UsageEvent}.
	 */
	public static final class Builder {

		private final String name;

		private final @Nullable String customerId;

		private final @Nullable String externalCustomerId;

		private @Nullable String idempotencyKey;

		private long timestampMicros = NO_TIMESTAMP;

		private Map<String, Object> metadata = Map.of();

		private Builder(String name, @Nullable String customerId, @Nullable String externalCustomerId) {
			this.name = name;
			this.customerId = customerId;
			this.externalCustomerId = externalCustomerId;
		}

		/**
		 * Sets the metadata, which meters aggregate (such as a sum of {@code tokens}).
		 * @param metadata keys to strings, integers, numbers or booleans; at most 50
		 * @return this builder
		 * @throws IllegalArgumentException if a key or value breaks Polar's rules (a null
		 * value, a nested map or list, ...); the message names the key
		 */
		public Builder metadata(Map<String, ?> metadata) {
			this.metadata = checkedMetadata(metadata);
			return this;
		}

		/**
		 * Sets when the event happened; by default the time it is recorded.
		 * @param timestamp the time, not in the future; Polar keeps it to the microsecond
		 * @return this builder
		 */
		public Builder timestamp(Instant timestamp) {
			if (timestamp == null) {
				throw new IllegalArgumentException(
						"timestamp must not be null; leave it unset for the time of the call");
			}
			try {
				this.timestampMicros = Math.addExact(Math.multiplyExact(timestamp.getEpochSecond(), 1_000_000L),
						timestamp.getNano() / 1000);
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException("timestamp " + timestamp + " is out of range for Polar");
			}
			return this;
		}

		/**
		 * Sets your key for the event, sent as its {@code external_id}: Polar counts an
		 * event with a key it has seen once, so recording the same action twice (a retry
		 * of your own, a message delivered twice) bills it once.
		 * @param idempotencyKey a key unique per metered action, such as
		 * {@code "download-" + downloadId}
		 * @return this builder
		 */
		public Builder idempotencyKey(String idempotencyKey) {
			requireText(idempotencyKey, "idempotencyKey");
			this.idempotencyKey = idempotencyKey;
			return this;
		}

		/**
		 * Builds the event. An event built without an idempotency key gets its id now, so
		 * recording the same instance twice counts once.
		 * @return the event
		 */
		public UsageEvent build() {
			return new UsageEvent(this.name, this.customerId, this.externalCustomerId, this.idempotencyKey,
					(this.idempotencyKey != null) ? 0 : UsageEventIds.next(), this.timestampMicros, this.metadata);
		}

	}

}
