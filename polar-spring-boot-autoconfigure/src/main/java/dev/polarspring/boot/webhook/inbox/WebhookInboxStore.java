package dev.polarspring.boot.webhook.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where durable processing keeps verified deliveries until they are dispatched.
 *
 * <p>
 * A delivery is {@linkplain #add added} once, keyed by its {@code webhook-id}, then
 * {@linkplain #claim claimed} by one worker of one instance at a time. The claim is a
 * lease: the worker {@linkplain #renew renews} it while the listeners run, and a claim
 * not renewed in time (its instance stopped) is claimed again by another worker. The
 * worker settles its claim: {@linkplain #markProcessed processed}, {@linkplain #markRetry
 * pending again} after a failure, {@linkplain #markFailed failed} after the last attempt,
 * or {@linkplain #release released} untouched when its instance stops. Each of these only
 * acts on a claim the store still holds for that worker, and says whether it did.
 *
 * <p>
 * Times are passed in rather than read from a clock, so the application's {@code Clock}
 * decides them everywhere.
 *
 * @see JdbcWebhookInboxStore
 */
public interface WebhookInboxStore {

	/**
	 * Stores a verified delivery as pending, unless one with its id is stored already.
	 * Once this returns, the delivery is durable.
	 * @param delivery the delivery
	 * @param now when it becomes due
	 * @return whether it was stored; {@code false} for a redelivery of a stored id
	 */
	boolean add(WebhookInboxDelivery delivery, Instant now);

	/**
	 * Claims up to {@code limit} deliveries that are due: pending ones whose next attempt
	 * is due, and claims whose lease expired. Each claim counts as an attempt.
	 * @param limit the most deliveries to claim
	 * @param now the time
	 * @param leaseUntil when the claims expire unless renewed
	 * @return the claims, oldest due first; never one another caller holds
	 */
	List<ClaimedWebhookDelivery> claim(int limit, Instant now, Instant leaseUntil);

	/**
	 * Extends the lease of claims still held.
	 * @param claims claims this worker holds
	 * @param leaseUntil when they expire unless renewed again
	 * @return how many were still held and are extended
	 */
	int renew(Collection<ClaimedWebhookDelivery> claims, Instant leaseUntil);

	/**
	 * Records that a claimed delivery was dispatched. Called inside the dispatch's
	 * transaction, when there is one, so it commits with the listeners' work.
	 * @param claim the claim
	 * @param now the time
	 * @return whether the claim was still held; when not, another worker has taken it
	 * over
	 */
	boolean markProcessed(ClaimedWebhookDelivery claim, Instant now);

	/**
	 * Makes a claimed delivery whose dispatch failed pending again, due at
	 * {@code retryAt}.
	 * @param claim the claim
	 * @param failure what the dispatch threw
	 * @param now the time
	 * @param retryAt when it is due again
	 * @return whether the claim was still held
	 */
	boolean markRetry(ClaimedWebhookDelivery claim, WebhookDispatchFailure failure, Instant now, Instant retryAt);

	/**
	 * Makes a claimed delivery whose last attempt failed a failed delivery, kept until it
	 * is replayed.
	 * @param claim the claim
	 * @param failure what the dispatch threw
	 * @param now the time
	 * @return whether the claim was still held
	 */
	boolean markFailed(ClaimedWebhookDelivery claim, WebhookDispatchFailure failure, Instant now);

	/**
	 * Gives a claimed delivery back without dispatching it (its instance is stopping):
	 * pending and due now, and this claim not counted as an attempt.
	 * @param claim the claim
	 * @param now the time
	 * @return whether the claim was still held
	 */
	boolean release(ClaimedWebhookDelivery claim, Instant now);

	/**
	 * Counts the deliveries by status.
	 * @return the statistics
	 */
	WebhookInboxStatistics statistics();

	/**
	 * Lists failed deliveries, oldest received first.
	 * @param limit the most to list
	 * @return the failed deliveries
	 */
	List<FailedWebhookDelivery> failed(int limit);

	/**
	 * Makes a failed delivery pending again, due now, with a fresh set of attempts.
	 * @param id its {@code webhook-id}
	 * @param now the time
	 * @return whether a failed delivery with that id was found
	 */
	boolean replay(String id, Instant now);

	/**
	 * Makes every failed delivery pending again, due now, with a fresh set of attempts.
	 * @param now the time
	 * @return how many were replayed
	 */
	int replayFailed(Instant now);

	/**
	 * Removes processed deliveries processed before a time. Failed and pending deliveries
	 * are never removed.
	 * @param before the oldest processing time kept
	 * @return how many were removed
	 */
	int deleteProcessedBefore(Instant before);

}
