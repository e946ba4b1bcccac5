package dev.polarspring.autoconfigure.metering;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.polarspring.boot.metering.FullBufferPolicy;
import dev.polarspring.boot.metering.MeteringSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for usage metering, bound from {@code polar.metering.*}.
 * Checked when bound, so a bad value stops the application at startup naming the key.
 */
@ConfigurationProperties("polar.metering")
public class PolarMeteringProperties implements Validator {

	/**
	 * Whether to configure PolarUsage, which buffers usage events and ingests them in
	 * batches. Its thread starts with the first recorded event.
	 */
	private boolean enabled = true;

	/**
	 * Most events in one ingest request, 1 to 1000.
	 */
	private int batchSize = 500;

	/**
	 * Longest time an event waits for its batch to fill before it is sent in a smaller
	 * one.
	 */
	private Duration flushInterval = Duration.ofSeconds(1);

	/**
	 * Longest time stopping the application may take to send the buffered events. Must be
	 * shorter than spring.lifecycle.timeout-per-shutdown-phase (30s by default).
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Organization id set on every event. Only for personal access tokens: with an
	 * organization token leave it unset, as Polar refuses events that name an
	 * organization then.
	 */
	private @Nullable String organizationId;

	private final Buffer buffer = new Buffer();

	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getFlushInterval() {
		return this.flushInterval;
	}

	public void setFlushInterval(Duration flushInterval) {
		this.flushInterval = flushInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public @Nullable String getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(@Nullable String organizationId) {
		this.organizationId = organizationId;
	}

	public Buffer getBuffer() {
		return this.buffer;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Returns the settings of the sender.
	 * @param requestTimeout how long one ingest request may take, the client's read
	 * timeout ({@code polar.read-timeout})
	 * @return the settings
	 */
	public MeteringSettings toSettings(Duration requestTimeout) {
		return new MeteringSettings(this.batchSize, this.flushInterval, this.buffer.getCapacity(),
				this.buffer.getWhenFull(), this.buffer.getWaitTimeout(), this.shutdownTimeout, requestTimeout,
				this.retry.getInitialDelay(), this.retry.getMaxDelay(), this.retry.getMultiplier(),
				(this.organizationId != null && !this.organizationId.isBlank()) ? this.organizationId : null);
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarMeteringProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarMeteringProperties properties = (PolarMeteringProperties) target;
		if (properties.getBatchSize() < 1 || properties.getBatchSize() > MeteringSettings.MAX_BATCH_SIZE) {
			errors.rejectValue("batchSize", "polar.outOfRange",
					"must be between 1 and " + MeteringSettings.MAX_BATCH_SIZE + " (events in one ingest request)");
		}
		if (properties.getBuffer().getCapacity() < properties.getBatchSize()) {
			errors.rejectValue("buffer.capacity", "polar.tooSmall",
					"must be at least polar.metering.batch-size (" + properties.getBatchSize() + ")");
		}
		rejectIfNotPositive(errors, "flushInterval", properties.getFlushInterval());
		rejectIfNotPositive(errors, "shutdownTimeout", properties.getShutdownTimeout());
		Duration waitTimeout = properties.getBuffer().getWaitTimeout();
		if (waitTimeout == null || waitTimeout.isNegative()) {
			errors.rejectValue("buffer.waitTimeout", "polar.negative", "must not be negative, such as 1s");
		}
		rejectIfNotPositive(errors, "retry.initialDelay", properties.getRetry().getInitialDelay());
		rejectIfNotPositive(errors, "retry.maxDelay", properties.getRetry().getMaxDelay());
		if (!(properties.getRetry().getMultiplier() >= 1.0)) {
			errors.rejectValue("retry.multiplier", "polar.tooSmall", "must be at least 1.0");
		}
	}

	private static void rejectIfNotPositive(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "polar.notPositive", "must be a positive duration such as 1s");
		}
	}

	/**
	 * The buffer between recording and sending.
	 */
	public static class Buffer {

		/**
		 * Most events waiting to be sent; at least the batch size. When it is full,
		 * recording waits or fails, as when-full says.
		 */
		private int capacity = 10_000;

		/**
		 * What recording does when the buffer is full: 'fail' throws
		 * UsageBufferFullException at once, 'wait' waits up to wait-timeout for room
		 * first.
		 */
		private FullBufferPolicy whenFull = FullBufferPolicy.FAIL;

		/**
		 * Longest time recording waits for room in a full buffer, with when-full=wait.
		 */
		private Duration waitTimeout = Duration.ofSeconds(1);

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public FullBufferPolicy getWhenFull() {
			return this.whenFull;
		}

		public void setWhenFull(FullBufferPolicy whenFull) {
			this.whenFull = whenFull;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

	}

	/**
	 * Retries of failed ingest requests. They go on until Polar takes the events (while
	 * running) or the shutdown timeout ends.
	 */
	public static class Retry {

		/**
		 * Delay before the first retry of a failed ingest request.
		 */
		private Duration initialDelay = Duration.ofSeconds(1);

		/**
		 * Longest delay between retries, Polar's Retry-After included.
		 */
		private Duration maxDelay = Duration.ofMinutes(1);

		/**
		 * Growth of the delay after each failed retry.
		 */
		private double multiplier = 2.0;

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

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

	}

}
