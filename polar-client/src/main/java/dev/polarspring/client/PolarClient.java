package dev.polarspring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

import dev.polarspring.client.core.ApiExecutor;
import dev.polarspring.client.observation.PolarClientObservationConvention;
import dev.polarspring.client.resource.CustomerPortalClient;

/**
 * The entry point to the Polar API. Built once with {@link #builder()}, thread-safe, and
 * meant to be shared: derive clients with other defaults with
 * {@link #withOptions(RequestOptions)}.
 *
 * <pre>{@code
 * PolarClient polar = PolarClient.builder()
 *     .accessToken(System.getenv("POLAR_ACCESS_TOKEN"))
 *     .server(PolarServer.SANDBOX)
 *     .build();
 * }</pre>
 *
 * <p>
 * Each resource has its client, reached through an accessor:
 * {@code polar.products().list()},
 * {@code polar.customers().members().get(customerId, memberId)},
 * {@code polar.customerPortal(sessionToken).orders().list()}.
 *
 * <p>
 * Every request carries {@code Polar-Version} (the API version this client was generated
 * for, unless set otherwise), {@code User-Agent: polar-spring-boot/<version>} and, where
 * configured, {@code Polar-Organization}.
 */
public final class PolarClient extends PolarResources {

	/**
	 * The Polar API version this client was generated for, sent as {@code Polar-Version}.
	 */
	public static final String DEFAULT_API_VERSION = "2026-10";

	private final ApiExecutor executor;

	private PolarClient(ApiExecutor executor) {
		super(executor);
		this.executor = executor;
	}

	/**
	 * Starts configuring a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a client sharing this one's connections whose calls use other default
	 * options. This client is left untouched.
	 * @param defaults options merged over this client's defaults, field by field
	 * @return the derived client
	 */
	public PolarClient withOptions(RequestOptions defaults) {
		return new PolarClient(this.executor.withOptions(defaults));
	}

	/**
	 * Returns a client whose customer-portal calls authenticate with a customer or member
	 * session token. This client is left untouched.
	 * @param sessionToken the session token, as created by the customer sessions API
	 * @return the derived client
	 */
	public PolarClient withCustomerSessionToken(String sessionToken) {
		return new PolarClient(this.executor.withCustomerSessionToken(sessionToken));
	}

	/**
	 * Returns the customer-portal client whose calls authenticate with a customer or
	 * member session token. This client is left untouched.
	 * @param sessionToken the session token, as created by
	 * {@code customerSessions().create(...)}
	 * @return the customer-portal client bound to the token
	 */
	public CustomerPortalClient customerPortal(String sessionToken) {
		return new CustomerPortalClient(this.executor.withCustomerSessionToken(sessionToken));
	}

	/**
	 * Returns the executor every resource client of this client sends through.
	 * @return the executor
	 */
	public ApiExecutor executor() {
		return this.executor;
	}

	@Override
	public String toString() {
		return "PolarClient{baseUrl=" + this.executor.baseUrl() + "}";
	}

	/**
	 * Configures a {@link PolarClient}. Not thread-safe; the client it builds is.
	 */
	public static final class Builder {

		private @Nullable Supplier<@Nullable String> accessToken;

		private String baseUrl = PolarServer.PRODUCTION.baseUrl();

		private String apiVersion = DEFAULT_API_VERSION;

		private @Nullable String organizationId;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration readTimeout = Duration.ofSeconds(60);

		private RetrySettings retrySettings = RetrySettings.defaults();

		private RestClient.@Nullable Builder restClientBuilder;

		private RequestFactoryProvider requestFactories = RequestFactoryProvider.jdk();

		private Clock clock = Clock.systemUTC();

		private Sleeper sleeper = Sleeper.THREAD;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable PolarClientObservationConvention observationConvention;

		private Builder() {
		}

		/**
		 * Sets the organization (or personal) access token.
		 * @param accessToken the token, as created in Polar's settings for the chosen
		 * server
		 * @return this builder
		 */
		public Builder accessToken(String accessToken) {
			Assert.hasText(accessToken, "accessToken must not be empty");
			this.accessToken = () -> accessToken;
			return this;
		}

		/**
		 * Sets where the access token comes from, for tokens that rotate. The supplier is
		 * asked on every call that needs a token, so it should be cheap.
		 * @param accessToken supplies the current token, or {@code null} when there is
		 * none
		 * @return this builder
		 */
		public Builder accessToken(Supplier<@Nullable String> accessToken) {
			Assert.notNull(accessToken, "accessToken must not be null");
			this.accessToken = accessToken;
			return this;
		}

		/**
		 * Sets the server. Defaults to {@link PolarServer#PRODUCTION}.
		 * @param server the server
		 * @return this builder
		 */
		public Builder server(PolarServer server) {
			Assert.notNull(server, "server must not be null");
			this.baseUrl = server.baseUrl();
			return this;
		}

		/**
		 * Sets the base URL, for a stub server or a proxy; replaces
		 * {@link #server(PolarServer)}.
		 * @param baseUrl an absolute http or https URL, such as
		 * {@code http://localhost:8080}
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			Assert.hasText(baseUrl, "baseUrl must not be empty");
			URI uri;
			try {
				uri = URI.create(baseUrl);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"baseUrl must be an absolute http or https URL, was '" + baseUrl + "'", ex);
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			Assert.isTrue(
					(scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
							&& uri.getRawQuery() == null && uri.getRawFragment() == null,
					() -> "baseUrl must be an absolute http or https URL without query, was '" + baseUrl + "'");
			this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
			return this;
		}

		/**
		 * Sets the API version sent as {@code Polar-Version}. Defaults to
		 * {@value #DEFAULT_API_VERSION}, the version the models were generated for; an
		 * unknown version makes Polar answer 404.
		 * @param apiVersion the version, such as {@code 2026-10}
		 * @return this builder
		 */
		public Builder apiVersion(String apiVersion) {
			Assert.hasText(apiVersion, "apiVersion must not be empty");
			this.apiVersion = apiVersion;
			return this;
		}

		/**
		 * Sets the organization sent as {@code Polar-Organization}, for personal tokens
		 * that reach several organizations.
		 * @param organizationId the organization id, or {@code null} for none
		 * @return this builder
		 */
		public Builder organizationId(@Nullable String organizationId) {
			this.organizationId = (organizationId != null && !organizationId.isBlank()) ? organizationId : null;
			return this;
		}

		/**
		 * Sets how long to wait for a connection. Defaults to 10 seconds.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * Sets how long to wait for an answer. Defaults to 60 seconds; a call may set its
		 * own with {@link RequestOptions.Builder#timeout(Duration)}.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = positive(readTimeout, "readTimeout");
			return this;
		}

		private static Duration positive(Duration duration, String name) {
			Assert.notNull(duration, () -> name + " must not be null");
			Assert.isTrue(!duration.isNegative() && !duration.isZero(),
					() -> name + " must be positive, was " + duration);
			return duration;
		}

		/**
		 * Sets how failed calls are retried. Defaults to
		 * {@link RetrySettings#defaults()}.
		 * @param retrySettings the settings; {@link RetrySettings#disabled()} turns
		 * retries off
		 * @return this builder
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			Assert.notNull(retrySettings, "retrySettings must not be null");
			this.retrySettings = retrySettings;
			return this;
		}

		/**
		 * Sets the {@link RestClient.Builder} to start from, such as Spring Boot's, so
		 * its interceptors, observation registry and customizations apply. It is cloned:
		 * later changes to it do not reach this client. Its request factory is replaced
		 * by the one from {@link #requestFactory(RequestFactoryProvider)}, and its
		 * message converters are not used: the client reads and writes JSON with its own
		 * mapper.
		 * @param restClientBuilder the builder to clone
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			Assert.notNull(restClientBuilder, "restClientBuilder must not be null");
			this.restClientBuilder = restClientBuilder.clone();
			return this;
		}

		/**
		 * Sets what creates the HTTP request factories, given the connect and read
		 * timeouts. Defaults to {@link RequestFactoryProvider#jdk()}.
		 * @param requestFactories the provider
		 * @return this builder
		 */
		public Builder requestFactory(RequestFactoryProvider requestFactories) {
			Assert.notNull(requestFactories, "requestFactories must not be null");
			this.requestFactories = requestFactories;
			return this;
		}

		/**
		 * Sets the clock that {@code Retry-After} dates are measured against. For tests.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Sets what waits between retries. For tests, which should never wait for real.
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		public Builder sleeper(Sleeper sleeper) {
			Assert.notNull(sleeper, "sleeper must not be null");
			this.sleeper = sleeper;
			return this;
		}

		/**
		 * Sets the registry that records one {@code polar.client.requests} observation
		 * per API call, retries included. Defaults to {@link ObservationRegistry#NOOP},
		 * which records nothing.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "observationRegistry must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Sets the convention that names and tags the observations, replacing
		 * {@code DefaultPolarClientObservationConvention}.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable PolarClientObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public PolarClient build() {
			ApiExecutor.Builder executor = ApiExecutor.builder()
				.baseUrl(this.baseUrl)
				.requestFactories(this.requestFactories)
				.timeouts(this.connectTimeout, this.readTimeout)
				.defaultHeader("Polar-Version", this.apiVersion)
				.defaultHeader("User-Agent", LibraryVersion.userAgent())
				.accessToken(this.accessToken)
				.retrySettings(this.retrySettings)
				.clock(this.clock)
				.sleeper(this.sleeper)
				.observationRegistry(this.observationRegistry)
				.observationConvention(this.observationConvention);
			if (this.organizationId != null) {
				executor.defaultHeader("Polar-Organization", this.organizationId);
			}
			// Clone again so that building twice never shares one mutable builder.
			executor.restClientBuilder(
					(this.restClientBuilder != null) ? this.restClientBuilder.clone() : RestClient.builder());
			return new PolarClient(executor.build());
		}

	}

}
