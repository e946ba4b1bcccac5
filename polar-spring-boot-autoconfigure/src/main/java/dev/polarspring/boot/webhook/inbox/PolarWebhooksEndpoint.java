package dev.polarspring.boot.webhook.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code polarwebhooks} actuator endpoint: what the inbox holds, and replays of
 * failed deliveries.
 *
 * <ul>
 * <li>{@code GET /actuator/polarwebhooks}: the number of deliveries by status, when the
 * oldest delivery not processed yet was received, and the failed deliveries (at most
 * {@value #FAILED_LISTED}, oldest first) with their attempts and last error;</li>
 * <li>{@code POST /actuator/polarwebhooks/{id}}: replays one failed delivery: pending
 * again, due now, with a fresh set of attempts;</li>
 * <li>{@code POST /actuator/polarwebhooks}: replays every failed delivery.</li>
 * </ul>
 * Nothing it shows comes from a delivery's body or headers beyond its id and type, so no
 * secret, signature or customer data appears. Expose it like any endpoint
 * ({@code management.endpoints.web.exposure.include=polarwebhooks}) and protect the
 * replays as the application protects its other write operations.
 */
@Endpoint(id = "polarwebhooks")
public final class PolarWebhooksEndpoint {

	/**
	 * The most failed deliveries listed.
	 */
	public static final int FAILED_LISTED = 100;

	private final WebhookInboxStore store;

	private final Clock clock;

	private final Runnable replayed;

	/**
	 * Creates the endpoint.
	 * @param store the inbox
	 * @param clock the clock replays are due by
	 * @param replayed called after a replay, to wake this instance's workers
	 */
	public PolarWebhooksEndpoint(WebhookInboxStore store, Clock clock, Runnable replayed) {
		this.store = store;
		this.clock = clock;
		this.replayed = replayed;
	}

	/**
	 * Describes the inbox.
	 * @return the counts by status and the failed deliveries
	 */
	@ReadOperation
	public InboxDescriptor inbox() {
		WebhookInboxStatistics statistics = this.store.statistics();
		Map<String, Long> deliveries = new LinkedHashMap<>();
		for (WebhookInboxStatus status : WebhookInboxStatus.values()) {
			deliveries.put(status.name().toLowerCase(Locale.ROOT), statistics.count(status));
		}
		return new InboxDescriptor(deliveries, statistics.oldestPendingReceivedAt(), this.store.failed(FAILED_LISTED));
	}

	/**
	 * Replays one failed delivery.
	 * @param id its {@code webhook-id}
	 * @return how many deliveries were replayed: 1, or 0 when no failed delivery has that
	 * id
	 */
	@WriteOperation
	public ReplayDescriptor replay(@Selector String id) {
		boolean replayed = this.store.replay(id, this.clock.instant());
		if (replayed) {
			this.replayed.run();
		}
		return new ReplayDescriptor(replayed ? 1 : 0);
	}

	/**
	 * Replays every failed delivery.
	 * @return how many deliveries were replayed
	 */
	@WriteOperation
	public ReplayDescriptor replayAll() {
		int replayed = this.store.replayFailed(this.clock.instant());
		if (replayed > 0) {
			this.replayed.run();
		}
		return new ReplayDescriptor(replayed);
	}

	/**
	 * What the inbox holds.
	 *
	 * @param deliveries the number of deliveries by status ({@code pending},
	 * {@code processing}, {@code processed}, {@code failed})
	 * @param oldestPendingReceivedAt when the oldest delivery not processed yet was
	 * received, {@code null} when there is none
	 * @param failed the failed deliveries, oldest first
	 */
	public record InboxDescriptor(Map<String, Long> deliveries, @Nullable Instant oldestPendingReceivedAt,
			List<FailedWebhookDelivery> failed) {
	}

	/**
	 * The result of a replay.
	 *
	 * @param replayed how many failed deliveries are pending again
	 */
	public record ReplayDescriptor(int replayed) {
	}

}
