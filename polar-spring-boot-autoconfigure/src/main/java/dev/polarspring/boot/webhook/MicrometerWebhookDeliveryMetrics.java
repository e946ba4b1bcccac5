package dev.polarspring.boot.webhook;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times webhook deliveries with Micrometer.
 *
 * <p>
 * One timer, {@value #METER_NAME}, counts and times every delivery, tagged with
 * {@code endpoint} (the path), {@code type} (the event type, such as {@code order.paid};
 * {@code none} when the delivery was refused before it was read) and {@code outcome}
 * ({@code accepted}, {@code stored}, {@code duplicate}, {@code in_progress},
 * {@code unknown}, {@code rejected_signature}, {@code rejected_payload},
 * {@code too_large} or {@code failed}). Its count is the number of deliveries; the type
 * is only taken from verified bodies, so only Polar can add tag values.
 */
public final class MicrometerWebhookDeliveryMetrics implements WebhookDeliveryMetrics {

	/**
	 * Name of the timer.
	 */
	public static final String METER_NAME = "polar.webhook.deliveries";

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry where the timer is registered
	 */
	public MicrometerWebhookDeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void record(String endpoint, String type, WebhookOutcome outcome, long nanos) {
		Timer.builder(METER_NAME)
			.description("Polar webhook deliveries received, by endpoint, event type and outcome")
			.tag("endpoint", endpoint)
			.tag("type", type)
			.tag("outcome", outcome.tag())
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}
