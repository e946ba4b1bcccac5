package dev.polarspring.client.events;

import java.util.List;
import java.util.Map;

import dev.polarspring.client.model.EventCreate;
import dev.polarspring.client.model.EventCreateCustomer;
import dev.polarspring.client.model.EventCreateExternalCustomer;
import dev.polarspring.client.model.EventsIngest;

/**
 * Bodies for {@code polar.events().ingest(...)} in one line, metadata from a map:
 *
 * <pre>{@code
 * polar.events().ingest(IngestEvents.of(IngestEvents.forExternalCustomer("user-42", "api_call", Map.of("tokens", 1200))));
 * }</pre>
 *
 * <p>
 * The events are the generated request bodies, so anything else Polar accepts is a
 * {@code toBuilder()} away: {@code .toBuilder().externalId("call-981").build()} makes a
 * retried ingest count once, {@code timestamp(...)} dates an event that happened earlier.
 * For batching, retries and a flush on shutdown, use {@code PolarUsage} of the Spring
 * Boot starter.
 */
public final class IngestEvents {

	/** Most characters in an event name. */
	public static final int MAX_NAME_LENGTH = 128;

	private IngestEvents() {
	}

	/**
	 * The body that ingests these events.
	 * @param events the events, at least one
	 * @return the body
	 */
	public static EventsIngest of(EventCreate... events) {
		return of(List.of(events));
	}

	/**
	 * The body that ingests these events.
	 * @param events the events, at least one
	 * @return the body
	 * @throws IllegalArgumentException if there are none
	 */
	public static EventsIngest of(List<? extends EventCreate> events) {
		if (events.isEmpty()) {
			throw new IllegalArgumentException("events must not be empty: an ingest carries at least one event");
		}
		return EventsIngest.builder().events(List.copyOf(events)).build();
	}

	/**
	 * An event of a customer known by your own id (Polar's {@code external_customer_id}).
	 * @param externalCustomerId the customer's id in your system
	 * @param name the event name, such as {@code api_call}; 1 to
	 * {@value #MAX_NAME_LENGTH} characters
	 * @param metadata keys to strings, integers, numbers or booleans (see
	 * {@link EventMetadata})
	 * @return the event
	 * @throws IllegalArgumentException if the name or the metadata break Polar's rules
	 */
	public static EventCreateExternalCustomer forExternalCustomer(String externalCustomerId, String name,
			Map<String, ?> metadata) {
		requireText(externalCustomerId, "externalCustomerId");
		checkName(name);
		EventCreateExternalCustomer.Builder builder = EventCreateExternalCustomer.builder()
			.name(name)
			.externalCustomerId(externalCustomerId);
		if (!metadata.isEmpty()) {
			builder.metadata(EventMetadata.of(metadata));
		}
		return builder.build();
	}

	/**
	 * An event of a customer known by Polar's customer id.
	 * @param customerId Polar's id of the customer (a UUID)
	 * @param name the event name, such as {@code api_call}; 1 to
	 * {@value #MAX_NAME_LENGTH} characters
	 * @param metadata keys to strings, integers, numbers or booleans (see
	 * {@link EventMetadata})
	 * @return the event
	 * @throws IllegalArgumentException if the name or the metadata break Polar's rules
	 */
	public static EventCreateCustomer forCustomer(String customerId, String name, Map<String, ?> metadata) {
		requireText(customerId, "customerId");
		checkName(name);
		EventCreateCustomer.Builder builder = EventCreateCustomer.builder().name(name).customerId(customerId);
		if (!metadata.isEmpty()) {
			builder.metadata(EventMetadata.of(metadata));
		}
		return builder.build();
	}

	/**
	 * Checks an event name against Polar's rules.
	 * @param name the event name
	 * @throws IllegalArgumentException if it is empty, blank or longer than
	 * {@value #MAX_NAME_LENGTH} characters
	 */
	public static void checkName(String name) {
		requireText(name, "name");
		if (name.length() > MAX_NAME_LENGTH && name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException(
					"event name '" + name.substring(0, 20) + "...' is " + name.codePointCount(0, name.length())
							+ " characters long; Polar accepts at most " + MAX_NAME_LENGTH);
		}
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be " + ((value == null) ? "null" : "blank"));
		}
	}

}
