package dev.polarspring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.error.AuthenticationException;
import dev.polarspring.client.error.MissingTokenException;
import dev.polarspring.client.error.PermissionDeniedException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.resource.OrganizationsListOrganizationsParams;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Checks that Polar accepts the configured access token, with one cheap call (the first
 * organization) whose answer is kept for a while, so health probes never spend the rate
 * limit.
 *
 * <ul>
 * <li>UP: Polar answered, or refused for a missing scope (the token itself is
 * valid);</li>
 * <li>DOWN: no token, a token Polar rejects (401), or Polar unreachable;</li>
 * <li>UNKNOWN: rate limited, so nothing could be learned.</li>
 * </ul>
 */
public final class PolarHealthIndicator implements HealthIndicator {

	private static final OrganizationsListOrganizationsParams FIRST_ORGANIZATION = OrganizationsListOrganizationsParams
		.builder()
		.limit(1)
		.build();

	// One attempt with a short timeout: a health probe must answer quickly and never
	// retry.
	private static final RequestOptions PROBE = RequestOptions.builder()
		.maxAttempts(1)
		.timeout(Duration.ofSeconds(5))
		.build();

	private final PolarClient polar;

	private final Duration timeToLive;

	private final Clock clock;

	private @Nullable CachedHealth cached;

	/**
	 * Creates the indicator.
	 * @param polar the client whose token is checked
	 * @param timeToLive how long an answer is reused before Polar is asked again
	 * @param clock the clock the time to live is measured with
	 */
	public PolarHealthIndicator(PolarClient polar, Duration timeToLive, Clock clock) {
		this.polar = polar;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public synchronized Health health() {
		Instant now = this.clock.instant();
		CachedHealth cached = this.cached;
		if (cached == null || !now.isBefore(cached.expires())) {
			cached = new CachedHealth(check(), now.plus(this.timeToLive));
			this.cached = cached;
		}
		return cached.health();
	}

	private Health check() {
		Health.Builder health = Health.unknown().withDetail("baseUrl", this.polar.executor().baseUrl());
		try {
			this.polar.organizations().listOrganizations(FIRST_ORGANIZATION, PROBE);
			return health.up().build();
		}
		catch (MissingTokenException ex) {
			return health.down().withDetail("reason", "polar.access-token is not set").build();
		}
		catch (AuthenticationException ex) {
			return health.down()
				.withDetail("reason",
						"Polar rejected the access token (401): it is invalid, revoked, "
								+ "or belongs to the other environment than polar.server")
				.build();
		}
		catch (PermissionDeniedException ex) {
			return health.up()
				.withDetail("reason", "the token is valid but lacks the organizations:read scope")
				.build();
		}
		catch (RateLimitException ex) {
			return health.status(Status.UNKNOWN).withDetail("reason", "rate limited by Polar (429)").build();
		}
		catch (PolarApiException ex) {
			return health.down().withDetail("reason", "Polar answered " + ex.getStatusCode()).build();
		}
		catch (PolarException ex) {
			return health.down().withDetail("reason", ex.getClass().getSimpleName()).build();
		}
	}

	private record CachedHealth(Health health, Instant expires) {
	}

}
