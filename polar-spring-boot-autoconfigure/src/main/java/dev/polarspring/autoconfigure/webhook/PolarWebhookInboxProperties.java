package dev.polarspring.autoconfigure.webhook;

import java.time.Duration;

import dev.polarspring.boot.webhook.inbox.WebhookInboxSettings;
import dev.polarspring.boot.webhook.inbox.WebhookRetryBackoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of the inbox of durable webhook processing ({@code polar.webhook.inbox.*},
 * used with {@code polar.webhook.processing=durable}): how many workers, how often they
 * look for work, how failures are retried, how long processed deliveries are kept, and
 * whether and with which script the table is created (by default in embedded databases
 * only; for PostgreSQL run {@code schema-postgresql.sql} with your migrations, or set
 * {@code initialize-schema=always}: the script only creates what is missing). Values are
 * checked when they are bound, so a bad one stops the application at startup with a
 * message naming the key.
 */
@ConfigurationProperties("polar.webhook.inbox")
public class PolarWebhookInboxProperties extends DatabaseInitializationProperties implements Validator {

	private static final String DEFAULT_SCHEMA_LOCATION = "classpath:dev/polarspring/boot/webhook/inbox/schema-@@platform@@.sql";

	private static final String PREFIX = "polar.webhook.inbox.";

	/**
	 * How many deliveries this instance dispatches at once.
	 */
	private int workers = 4;

	/**
	 * How often the inbox is checked for due deliveries when nothing woke the workers
	 * sooner: a delivery this instance receives is dispatched at once, so this bounds how
	 * soon retries, deliveries received by other instances and claims to take over are
	 * seen.
	 */
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * How long a claim on a delivery lasts unless renewed. Claims are renewed while their
	 * listeners run, so this is how soon the deliveries of an instance that died are
	 * taken over by another.
	 */
	private Duration claimTimeout = Duration.ofMinutes(1);

	/**
	 * How many times a delivery is dispatched at most, the first time included, before it
	 * is failed and kept for a replay. With the default delays, 32 attempts span about a
	 * day.
	 */
	private int maxAttempts = 32;

	/**
	 * Delay before the first retry of a failed dispatch; each further retry waits twice
	 * as long, with 20% jitter.
	 */
	private Duration initialDelay = Duration.ofSeconds(10);

	/**
	 * Longest delay between two attempts.
	 */
	private Duration maxDelay = Duration.ofHours(1);

	/**
	 * How long processed deliveries are kept. A redelivery of a webhook-id the inbox
	 * still holds is not dispatched again; failed deliveries are kept until replayed.
	 */
	private Duration retention = Duration.ofDays(7);

	/**
	 * How often processed deliveries past the retention are removed.
	 */
	private Duration cleanupInterval = Duration.ofMinutes(10);

	/**
	 * How long a stopping instance waits for the dispatches in progress before it gives
	 * them back to be dispatched by another instance.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	public int getWorkers() {
		return this.workers;
	}

	public void setWorkers(int workers) {
		this.workers = workers;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getClaimTimeout() {
		return this.claimTimeout;
	}

	public void setClaimTimeout(Duration claimTimeout) {
		this.claimTimeout = claimTimeout;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getInitialDelay() {
		return this.initialDelay;
	}

	public void setInitialDelay(Duration initialDelay) {
		this.initialDelay = initialDelay;
	}

	public Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getCleanupInterval() {
		return this.cleanupInterval;
	}

	public void setCleanupInterval(Duration cleanupInterval) {
		this.cleanupInterval = cleanupInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public String getDefaultSchemaLocation() {
		return DEFAULT_SCHEMA_LOCATION;
	}

	/**
	 * Returns the settings of the workers these properties describe.
	 * @return the settings
	 */
	public WebhookInboxSettings toSettings() {
		return new WebhookInboxSettings(this.workers, this.pollInterval, this.claimTimeout,
				new WebhookRetryBackoff(this.maxAttempts, this.initialDelay, this.maxDelay), this.retention,
				this.cleanupInterval, this.shutdownTimeout);
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarWebhookInboxProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarWebhookInboxProperties properties = (PolarWebhookInboxProperties) target;
		if (properties.getWorkers() < 1) {
			errors.rejectValue("workers", PREFIX + "workers",
					PREFIX + "workers must be at least 1: it is how many deliveries this instance dispatches at once");
		}
		if (properties.getMaxAttempts() < 1) {
			errors.rejectValue("maxAttempts", PREFIX + "max-attempts",
					PREFIX + "max-attempts must be at least 1 (the first attempt counts)");
		}
		checkPositive(errors, "pollInterval", "poll-interval", properties.getPollInterval());
		checkPositive(errors, "claimTimeout", "claim-timeout", properties.getClaimTimeout());
		checkPositive(errors, "initialDelay", "initial-delay", properties.getInitialDelay());
		checkPositive(errors, "maxDelay", "max-delay", properties.getMaxDelay());
		checkPositive(errors, "retention", "retention", properties.getRetention());
		checkPositive(errors, "cleanupInterval", "cleanup-interval", properties.getCleanupInterval());
		if (properties.getShutdownTimeout().isNegative()) {
			errors.rejectValue("shutdownTimeout", PREFIX + "shutdown-timeout",
					PREFIX + "shutdown-timeout must not be negative");
		}
		if (isPositive(properties.getInitialDelay()) && isPositive(properties.getMaxDelay())
				&& properties.getMaxDelay().compareTo(properties.getInitialDelay()) < 0) {
			errors.rejectValue("maxDelay", PREFIX + "max-delay", PREFIX + "max-delay (" + properties.getMaxDelay()
					+ ") must not be shorter than " + PREFIX + "initial-delay (" + properties.getInitialDelay() + ")");
		}
	}

	private static void checkPositive(Errors errors, String field, String key, Duration value) {
		if (!isPositive(value)) {
			errors.rejectValue(field, PREFIX + key, PREFIX + key + " must be positive, not " + value);
		}
	}

	private static boolean isPositive(Duration value) {
		return !value.isNegative() && !value.isZero();
	}

	@Override
	public String toString() {
		return "PolarWebhookInboxProperties[workers=" + this.workers + ", pollInterval=" + this.pollInterval
				+ ", claimTimeout=" + this.claimTimeout + ", maxAttempts=" + this.maxAttempts + ", initialDelay="
				+ this.initialDelay + ", maxDelay=" + this.maxDelay + ", retention=" + this.retention
				+ ", cleanupInterval=" + this.cleanupInterval + ", shutdownTimeout=" + this.shutdownTimeout
				+ ", initializeSchema=" + getInitializeSchema() + "]";
	}

}
