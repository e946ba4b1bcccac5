package dev.polarspring.boot.metering;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event) each time Polar took a batch of usage events:
 * it stored them, or already had them. From then on Polar's meters, and the
 * {@code active_meters} of each customer's state, count them, so the starter's
 * entitlements cache invalidates the state of the batch's customers on this event.
 * Published on the sender's thread: a listener should be quick.
 *
 * @param events the events of the batch, in the order they were recorded
 * @param ingestedAt when Polar answered, on this machine's clock
 */
public record UsageIngestedEvent(List<UsageEvent> events, Instant ingestedAt) {

	/**
	 * Creates the event.
	 * @param events the events
	 * @param ingestedAt when Polar answered
	 */
	public UsageIngestedEvent {
		events = List.copyOf(events);
	}

}
