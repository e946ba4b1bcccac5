package dev.polarspring.boot.metering;

/**
 * Published (as a Spring application event) for each usage event Polar refused: it failed
 * Polar's validation (an unknown customer id, a timestamp Polar finds in the future) and
 * will not be sent again. The other events of its batch were sent. Listen with
 * {@code @EventListener} to keep such events somewhere for a person to look at.
 *
 * @param event the event Polar refused
 * @param reason Polar's reason, such as {@code customer_id: Customer not found.}
 */
public record UsageRejectedEvent(UsageEvent event, String reason) {
}
