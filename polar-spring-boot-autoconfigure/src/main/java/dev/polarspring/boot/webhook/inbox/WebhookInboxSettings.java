package dev.polarspring.boot.webhook.inbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the inbox workers of one instance run, read once from configuration
 * ({@code polar.webhook.inbox.*}, which has checked every value).
 *
 * @param workers how many deliveries this instance dispatches at once
 * @param pollInterval how often the inbox is checked for due deliveries when nothing woke
 * the workers sooner (a delivery received by this instance wakes them at once)
 * @param claimTimeout how long a claim lasts unless renewed; claims are renewed every
 * third of it while their listeners run, so this bounds how soon the deliveries of an
 * instance that died are taken over
 * @param retry when failed dispatches are tried again
 * @param retention how long processed deliveries are kept before they are removed
 * @param cleanupInterval how often processed deliveries past the retention are removed
 * @param shutdownTimeout how long a stopping instance waits for dispatches in progress
 * before it releases them to other instances
 */
public record WebhookInboxSettings(int workers, Duration pollInterval, Duration claimTimeout, WebhookRetryBackoff retry,
		Duration retention, Duration cleanupInterval, Duration shutdownTimeout) {

	/**
	 * Checks the components.
	 * @param workers how many deliveries this instance dispatches at once
	 * @param pollInterval how often the inbox is checked
	 * @param claimTimeout how long a claim lasts unless renewed
	 * @param retry when failed dispatches are tried again
	 * @param retention how long processed deliveries are kept
	 * @param cleanupInterval how often processed deliveries are removed
	 * @param shutdownTimeout how long a stopping instance waits for dispatches
	 */
	public WebhookInboxSettings {
		Objects.requireNonNull(retry, "retry must not be null");
		if (workers < 1) {
			throw new IllegalArgumentException("workers must be at least 1");
		}
		requirePositive(pollInterval, "pollInterval");
		requirePositive(claimTimeout, "claimTimeout");
		requirePositive(retention, "retention");
		requirePositive(cleanupInterval, "cleanupInterval");
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("shutdownTimeout must not be negative");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
