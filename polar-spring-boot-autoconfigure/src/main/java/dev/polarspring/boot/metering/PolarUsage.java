package dev.polarspring.boot.metering;

import java.time.Clock;
import java.util.Map;

import dev.polarspring.client.events.IngestEvents;

/**
 * Records metered usage for Polar's usage-based billing: each call buffers one event and
 * returns at once; a background {@link UsageSender} ingests them in batches, retries what
 * fails without counting anything twice, and sends what is left when the application
 * stops.
 *
 * <pre>{@code
 * usage.record(user.id(), "api_call", Map.of("tokens", 1200));
 * }</pre>
 *
 * <p>
 * Thread-safe. Arguments are checked at the call (the name, the customer, the metadata
 * against Polar's rules), so a mistake fails here with a message naming the key instead
 * of being refused by Polar later. Recording never waits for the network; when Polar
 * falls so far behind that the buffer is full, it throws {@link UsageBufferFullException}
 * (or first waits for room, with {@code polar.metering.buffer.when-full=wait}). It never
 * drops an event silently.
 */
public final class PolarUsage {

	private final UsageSender sender;

	private final Clock clock;

	/**
	 * Creates the recorder.
	 * @param sender the sender that buffers and ingests the events
	 * @param clock the clock events are timestamped with when recorded without a time
	 */
	public PolarUsage(UsageSender sender, Clock clock) {
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * Records an event of a customer known by your own id, with metadata, happening now.
	 * @param externalCustomerId the customer's id in your system (Polar's
	 * {@code external_customer_id}), such as your user id
	 * @param eventName the event name, such as {@code api_call}; 1 to 128 characters
	 * @param metadata keys to strings, integers, numbers or booleans, at most 50; a null
	 * value or a nested map or list is refused
	 * @throws IllegalArgumentException if an argument breaks Polar's rules; the message
	 * names the key
	 * @throws UsageBufferFullException if the buffer is full
	 * @throws IllegalStateException if metering has stopped (during shutdown)
	 */
	public void record(String externalCustomerId, String eventName, Map<String, ?> metadata) {
		UsageEvent.requireText(externalCustomerId, "externalCustomerId");
		IngestEvents.checkName(eventName);
		// The clock's millis(), not an Instant: the system clock reads it without
		// allocating.
		this.sender.enqueue(new UsageEvent(eventName, null, externalCustomerId, null, UsageEventIds.next(),
				this.clock.millis() * 1000, UsageEvent.checkedMetadata(metadata)));
	}

	/**
	 * Records an event of a customer known by your own id, without metadata, happening
	 * now.
	 * @param externalCustomerId the customer's id in your system
	 * @param eventName the event name, such as {@code download}
	 * @throws IllegalArgumentException if an argument is blank or the name too long
	 * @throws UsageBufferFullException if the buffer is full
	 * @throws IllegalStateException if metering has stopped (during shutdown)
	 */
	public void record(String externalCustomerId, String eventName) {
		record(externalCustomerId, eventName, Map.of());
	}

	/**
	 * Records an event built with {@link UsageEvent#forExternalCustomer} or
	 * {@link UsageEvent#forCustomer}: for Polar's customer id, a time of your own, or an
	 * idempotency key.
	 * @param event the event; one without a timestamp happens now
	 * @throws IllegalArgumentException if its timestamp is in the future (Polar refuses
	 * those)
	 * @throws UsageBufferFullException if the buffer is full
	 * @throws IllegalStateException if metering has stopped (during shutdown)
	 */
	public void record(UsageEvent event) {
		long nowMillis = this.clock.millis();
		long timestampMicros = event.timestampMicros();
		if (timestampMicros == UsageEvent.NO_TIMESTAMP) {
			event = event.withTimestampMicros(nowMillis * 1000);
		}
		else if (Math.floorDiv(timestampMicros, 1000) > nowMillis) {
			throw new IllegalArgumentException("The timestamp of '" + event.name() + "' (" + event.timestamp()
					+ ") is in the future; Polar accepts only events that happened");
		}
		this.sender.enqueue(event);
	}

	/**
	 * Returns the number of events waiting to be sent.
	 * @return the buffered events
	 */
	public int buffered() {
		return this.sender.buffered();
	}

}
