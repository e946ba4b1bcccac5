package dev.polarspring.autoconfigure.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code polar} health contributor, bound from
 * {@code management.health.polar.*}.
 */
@ConfigurationProperties("management.health.polar")
public class PolarHealthProperties {

	/**
	 * Whether to add a health contributor that checks the access token against Polar. Off
	 * by default: every check is a call to Polar.
	 */
	private boolean enabled = false;

	/**
	 * How long a check's result is reused before Polar is asked again, so health probes
	 * never spend the rate limit.
	 */
	private Duration timeToLive = Duration.ofMinutes(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

}
