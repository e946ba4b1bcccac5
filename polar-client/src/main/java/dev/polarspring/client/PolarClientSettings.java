package dev.polarspring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.polarspring.client.error.MissingTokenException;
import dev.polarspring.client.observation.PolarClientObservationConvention;

/**
 * Everything a {@link PolarClient} is configured with, in one immutable value: where it
 * sends, how it authenticates, how long it waits, how it retries and what it records.
 * {@link PolarClient.Builder} builds one; the client's executor reads nothing else.
 *
 * <p>
 * {@link #defaults()} is the one place the defaults are declared. Each {@code withX}
 * method returns a copy with one setting changed, checked as it is set:
 *
 * <pre>{@code
 * PolarClientSettings settings = PolarClientSettings.defaults()
 *     .withBaseUrl("https://sandbox-api.polar.sh")
 *     .withReadTimeout(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>
 * {@link #toString()} never shows the access token.
 *
 * @param baseUrl the absolute http or https URL requests are sent to, without a trailing
 * slash, such as {@code https://api.polar.sh}
 * @param apiVersion the API version sent as {@code Polar-Version}
 * @param organizationId the organization sent as {@code Polar-Organization}, or
 * {@code null} for none
 * @param accessToken supplies the organization or personal access token on every call
 * that needs one (returning {@code null} when there is none), or {@code null} for no
 * token
 * @param missingAccessTokenAction what a {@link MissingTokenException} tells the user to
 * do when an operation needs an access token and none is set; a framework that configures
 * the client names its own setting here
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer, unless a call's options say
 * otherwise
 * @param retry how failed calls are retried
 * @param defaultOptions the options of every call, under each call's own
 * @param requestFactories creates the HTTP request factories, given the timeouts
 * @param clock the clock {@code Retry-After} dates are measured against
 * @param sleeper what waits between attempts
 * @param observationRegistry the registry that records one observation per call;
 * {@link ObservationRegistry#NOOP} records nothing
 * @param observationConvention the convention that names and tags the observations, or
 * {@code null} for the default one
 */
public record PolarClientSettings(String baseUrl, String apiVersion, @Nullable String organizationId,
		@Nullable Supplier<@Nullable String> accessToken, String missingAccessTokenAction, Duration connectTimeout,
		Duration readTimeout, RetrySettings retry, RequestOptions defaultOptions,
		RequestFactoryProvider requestFactories, Clock clock, Sleeper sleeper, ObservationRegistry observationRegistry,
		@Nullable PolarClientObservationConvention observationConvention) {

	/**
	 * The Polar API version this client was generated for, sent as {@code Polar-Version}
	 * unless set otherwise. It is the {@code info.version} of the OpenAPI document the
	 * models come from.
	 */
	public static final String DEFAULT_API_VERSION = "2026-10";

	/**
	 * How long to wait for a connection unless set otherwise: 10 seconds.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long to wait for an answer unless set otherwise: 30 seconds.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * What a {@link MissingTokenException} for an access token tells the user to do
	 * unless set otherwise.
	 */
	public static final String DEFAULT_MISSING_ACCESS_TOKEN_ACTION = "call PolarClient.builder().accessToken(...) "
			+ "or pass RequestOptions.builder().accessToken(...)";

	/**
	 * Creates settings, checking each value.
	 * @param baseUrl the base URL; a trailing slash is removed
	 * @param apiVersion the API version
	 * @param organizationId the organization id; blank counts as none
	 * @param accessToken the token supplier, or {@code null}
	 * @param missingAccessTokenAction what to do when no access token is set
	 * @param connectTimeout a positive connect timeout
	 * @param readTimeout a positive read timeout
	 * @param retry the retry settings
	 * @param defaultOptions the default options of every call
	 * @param requestFactories the request factory provider
	 * @param clock the clock
	 * @param sleeper the sleeper
	 * @param observationRegistry the observation registry
	 * @param observationConvention the observation convention, or {@code null}
	 */
	public PolarClientSettings {
		baseUrl = httpBaseUrl(baseUrl);
		Assert.hasText(apiVersion, "apiVersion must not be empty");
		organizationId = (organizationId != null && !organizationId.isBlank()) ? organizationId : null;
		Assert.hasText(missingAccessTokenAction, "missingAccessTokenAction must not be empty");
		positive(connectTimeout, "connectTimeout");
		positive(readTimeout, "readTimeout");
		Assert.notNull(retry, "retry must not be null");
		Assert.notNull(defaultOptions, "defaultOptions must not be null");
		Assert.notNull(requestFactories, "requestFactories must not be null");
		Assert.notNull(clock, "clock must not be null");
		Assert.notNull(sleeper, "sleeper must not be null");
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
	}

	/**
	 * Returns the defaults: {@link PolarServer#PRODUCTION}, API version
	 * {@value #DEFAULT_API_VERSION}, no organization, no access token, 10 seconds to
	 * connect, 30 seconds to answer, {@link RetrySettings#defaults()}, no default
	 * options, the JDK's HTTP client, the system clock, real sleeps between attempts and
	 * no observations.
	 * @return the defaults, with a JDK request factory provider of their own so that
	 * clients built from separate defaults share no connections
	 */
	public static PolarClientSettings defaults() {
		return new PolarClientSettings(PolarServer.PRODUCTION.baseUrl(), DEFAULT_API_VERSION, null, null,
				DEFAULT_MISSING_ACCESS_TOKEN_ACTION, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
				RetrySettings.defaults(), RequestOptions.none(), RequestFactoryProvider.jdk(), Clock.systemUTC(),
				Sleeper.THREAD, ObservationRegistry.NOOP, null);
	}

	/**
	 * Returns a copy with another base URL.
	 * @param baseUrl an absolute http or https URL without query, such as
	 * {@code http://localhost:8080}; a trailing slash is removed
	 * @return the new settings
	 */
	public PolarClientSettings withBaseUrl(String baseUrl) {
		return new PolarClientSettings(baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another API version.
	 * @param apiVersion the version sent as {@code Polar-Version}, such as
	 * {@code 2026-10}; an unknown version makes Polar answer 404
	 * @return the new settings
	 */
	public PolarClientSettings withApiVersion(String apiVersion) {
		return new PolarClientSettings(this.baseUrl, apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another organization.
	 * @param organizationId the organization sent as {@code Polar-Organization}, or
	 * {@code null} (or blank) for none
	 * @return the new settings
	 */
	public PolarClientSettings withOrganizationId(@Nullable String organizationId) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another access token source.
	 * @param accessToken supplies the current token, or {@code null} when there is none;
	 * asked on every call that needs a token, so it should be cheap
	 * @return the new settings
	 */
	public PolarClientSettings withAccessToken(@Nullable Supplier<@Nullable String> accessToken) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy whose {@link MissingTokenException} for a missing access token
	 * suggests another action.
	 * @param missingAccessTokenAction what to do, such as {@code set polar.access-token}
	 * @return the new settings
	 */
	public PolarClientSettings withMissingAccessTokenAction(String missingAccessTokenAction) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another connect timeout.
	 * @param connectTimeout how long to wait for a connection; positive
	 * @return the new settings
	 */
	public PolarClientSettings withConnectTimeout(Duration connectTimeout) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another read timeout.
	 * @param readTimeout how long to wait for an answer; positive
	 * @return the new settings
	 */
	public PolarClientSettings withReadTimeout(Duration readTimeout) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with other retry settings.
	 * @param retry how failed calls are retried; {@link RetrySettings#disabled()} turns
	 * retries off
	 * @return the new settings
	 */
	public PolarClientSettings withRetry(RetrySettings retry) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with other default options.
	 * @param defaultOptions the options of every call; a call's own options win field by
	 * field
	 * @return the new settings
	 */
	public PolarClientSettings withDefaultOptions(RequestOptions defaultOptions) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another request factory provider.
	 * @param requestFactories creates the HTTP request factories, given the timeouts
	 * @return the new settings
	 */
	public PolarClientSettings withRequestFactories(RequestFactoryProvider requestFactories) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				requestFactories, this.clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another clock.
	 * @param clock the clock {@code Retry-After} dates are measured against
	 * @return the new settings
	 */
	public PolarClientSettings withClock(Clock clock) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, clock, this.sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another sleeper.
	 * @param sleeper what waits between attempts
	 * @return the new settings
	 */
	public PolarClientSettings withSleeper(Sleeper sleeper) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, sleeper, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another observation registry.
	 * @param observationRegistry the registry that records one observation per call
	 * @return the new settings
	 */
	public PolarClientSettings withObservationRegistry(ObservationRegistry observationRegistry) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, observationRegistry, this.observationConvention);
	}

	/**
	 * Returns a copy with another observation convention.
	 * @param observationConvention the convention, or {@code null} for the default one
	 * @return the new settings
	 */
	public PolarClientSettings withObservationConvention(
			@Nullable PolarClientObservationConvention observationConvention) {
		return new PolarClientSettings(this.baseUrl, this.apiVersion, this.organizationId, this.accessToken,
				this.missingAccessTokenAction, this.connectTimeout, this.readTimeout, this.retry, this.defaultOptions,
				this.requestFactories, this.clock, this.sleeper, this.observationRegistry, observationConvention);
	}

	@Override
	public String toString() {
		// The token supplier is never printed: a lambda's captured token would not show,
		// but a custom supplier's toString() might.
		return "PolarClientSettings[baseUrl=" + this.baseUrl + ", apiVersion=" + this.apiVersion + ", organizationId="
				+ this.organizationId + ", accessToken=" + ((this.accessToken != null) ? "(supplied)" : "(not set)")
				+ ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout + ", retry="
				+ this.retry + ", defaultOptions=" + this.defaultOptions + "]";
	}

	private static String httpBaseUrl(String baseUrl) {
		Assert.hasText(baseUrl, "baseUrl must not be empty");
		URI uri;
		try {
			uri = URI.create(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was '" + baseUrl + "'",
					ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		Assert.isTrue(
				(scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawQuery() == null
						&& uri.getRawFragment() == null,
				() -> "baseUrl must be an absolute http or https URL without query, was '" + baseUrl + "'");
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	private static void positive(Duration duration, String name) {
		Assert.notNull(duration, () -> name + " must not be null");
		Assert.isTrue(!duration.isNegative() && !duration.isZero(), () -> name + " must be positive, was " + duration);
	}

}
