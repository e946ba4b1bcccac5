package dev.polarspring.autoconfigure.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of entitlements ({@code polar.entitlements.*}): how customers' states are
 * cached. Values are checked when they are bound.
 */
@ConfigurationProperties("polar.entitlements")
public class PolarEntitlementsProperties implements Validator {

	/**
	 * Name of the cache customers' states are kept in. With a CacheManager in the
	 * application (Redis, Caffeine, ...) this cache of it is used; without one, a cache
	 * in memory.
	 */
	private String cacheName = "polar-entitlements";

	/**
	 * How long a customer's state read from Polar is used before it is read again, even
	 * when no webhook announced a change. It bounds how stale a state can get when a
	 * webhook is lost, and how long a state is served while Polar cannot be reached.
	 */
	private Duration timeToLive = Duration.ofMinutes(5);

	/**
	 * Most customers' states the in-memory cache keeps; the oldest are dropped first. Not
	 * used with the application's own CacheManager.
	 */
	private int maxEntries = 10_000;

	/**
	 * How far this machine's clock may be from Polar's. A webhook is taken to be older
	 * than a cached state, and ignored, only when it is older by more than this.
	 */
	private Duration clockSkew = Duration.ofSeconds(5);

	public String getCacheName() {
		return this.cacheName;
	}

	public void setCacheName(String cacheName) {
		this.cacheName = cacheName;
	}

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	public int getMaxEntries() {
		return this.maxEntries;
	}

	public void setMaxEntries(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarEntitlementsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarEntitlementsProperties properties = (PolarEntitlementsProperties) target;
		if (!StringUtils.hasText(properties.getCacheName())) {
			errors.rejectValue("cacheName", "polar.entitlements.cache-name",
					"polar.entitlements.cache-name must not be empty");
		}
		if (properties.getTimeToLive().isNegative() || properties.getTimeToLive().isZero()) {
			errors.rejectValue("timeToLive", "polar.entitlements.time-to-live",
					"polar.entitlements.time-to-live must be positive, such as 5m");
		}
		if (properties.getMaxEntries() < 1) {
			errors.rejectValue("maxEntries", "polar.entitlements.max-entries",
					"polar.entitlements.max-entries must be at least 1");
		}
		if (properties.getClockSkew().isNegative()) {
			errors.rejectValue("clockSkew", "polar.entitlements.clock-skew",
					"polar.entitlements.clock-skew must not be negative");
		}
	}

	@Override
	public String toString() {
		return "PolarEntitlementsProperties[cacheName=" + this.cacheName + ", timeToLive=" + this.timeToLive
				+ ", maxEntries=" + this.maxEntries + ", clockSkew=" + this.clockSkew + "]";
	}

}
