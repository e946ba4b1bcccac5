package dev.polarspring.client;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

import dev.polarspring.client.core.ApiExecutor;
import dev.polarspring.client.error.MissingTokenException;
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
	 * Returns the settings this client was built with; a derived client's default options
	 * include those it was derived with.
	 * @return the settings
	 */
	public PolarClientSettings settings() {
		return this.executor.settings();
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
	 * Configures a {@link PolarClient}: each method changes one setting of the
	 * {@link PolarClientSettings} the client is built with, starting from
	 * {@link PolarClientSettings#defaults()}. Not thread-safe; the client it builds is.
	 */
	public static final class Builder {

		private PolarClientSettings settings = PolarClientSettings.defaults();

		private @Nullable Supplier<RestClient.Builder> restClientBuilder;

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
			this.settings = this.settings.withAccessToken(() -> accessToken);
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
			this.settings = this.settings.withAccessToken(accessToken);
			return this;
		}

		/**
		 * Sets what the {@link MissingTokenException} thrown when an operation needs an
		 * access token and none is set tells the user to do. Defaults to
		 * {@value PolarClientSettings#DEFAULT_MISSING_ACCESS_TOKEN_ACTION}; a framework
		 * that configures the client names its own setting.
		 * @param missingAccessTokenAction the action, such as
		 * {@code set polar.access-token}
		 * @return this builder
		 */
		public Builder missingAccessTokenAction(String missingAccessTokenAction) {
			this.settings = this.settings.withMissingAccessTokenAction(missingAccessTokenAction);
			return this;
		}

		/**
		 * Sets the server. Defaults to {@link PolarServer#PRODUCTION}.
		 * @param server the server
		 * @return this builder
		 */
		public Builder server(PolarServer server) {
			Assert.notNull(server, "server must not be null");
			this.settings = this.settings.withBaseUrl(server.baseUrl());
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
			this.settings = this.settings.withBaseUrl(baseUrl);
			return this;
		}

		/**
		 * Sets the API version sent as {@code Polar-Version}. Defaults to
		 * {@value PolarClientSettings#DEFAULT_API_VERSION}, the version the models were
		 * generated for; an unknown version makes Polar answer 404.
		 * @param apiVersion the version, such as {@code 2026-10}
		 * @return this builder
		 */
		public Builder apiVersion(String apiVersion) {
			this.settings = this.settings.withApiVersion(apiVersion);
			return this;
		}

		/**
		 * Sets the organization sent as {@code Polar-Organization}, for personal tokens
		 * that reach several organizations.
		 * @param organizationId the organization id, or {@code null} for none
		 * @return this builder
		 */
		public Builder organizationId(@Nullable String organizationId) {
			this.settings = this.settings.withOrganizationId(organizationId);
			return this;
		}

		/**
		 * Sets how long to wait for a connection. Defaults to 10 seconds.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.settings = this.settings.withConnectTimeout(connectTimeout);
			return this;
		}

		/**
		 * Sets how long to wait for an answer. Defaults to 30 seconds; a call may set its
		 * own with {@link RequestOptions.Builder#timeout(Duration)}.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.settings = this.settings.withReadTimeout(readTimeout);
			return this;
		}

		/**
		 * Sets how failed calls are retried. Defaults to
		 * {@link RetrySettings#defaults()}.
		 * @param retrySettings the settings; {@link RetrySettings#disabled()} turns
		 * retries off
		 * @return this builder
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			this.settings = this.settings.withRetry(retrySettings);
			return this;
		}

		/**
		 * Sets the options of every call, under each call's own: a call's options win
		 * field by field. Defaults to {@link RequestOptions#none()}.
		 * @param defaultOptions the options
		 * @return this builder
		 */
		public Builder defaultOptions(RequestOptions defaultOptions) {
			this.settings = this.settings.withDefaultOptions(defaultOptions);
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
			RestClient.Builder copy = restClientBuilder.clone();
			this.restClientBuilder = () -> copy;
			return this;
		}

		/**
		 * Sets where the {@link RestClient.Builder} to start from comes from, asked once,
		 * when the client sends its first request rather than when it is built. Spring
		 * Boot's builder creates an HTTP client, and with it a TLS context that reads the
		 * JDK's trust store; asking for it on first use keeps that out of the startup of
		 * an application that has not called Polar yet. Otherwise as
		 * {@link #restClientBuilder(RestClient.Builder)}: what it supplies is cloned, its
		 * request factory replaced and its message converters not used.
		 * @param restClientBuilder supplies the builder to clone, once
		 * @return this builder
		 */
		public Builder restClientBuilder(Supplier<? extends RestClient.Builder> restClientBuilder) {
			Assert.notNull(restClientBuilder, "restClientBuilder must not be null");
			this.restClientBuilder = restClientBuilder::get;
			return this;
		}

		/**
		 * Sets what creates the HTTP request factories, given the connect and read
		 * timeouts. Defaults to {@link RequestFactoryProvider#jdk()}.
		 * @param requestFactories the provider
		 * @return this builder
		 */
		public Builder requestFactory(RequestFactoryProvider requestFactories) {
			this.settings = this.settings.withRequestFactories(requestFactories);
			return this;
		}

		/**
		 * Sets the clock that {@code Retry-After} dates are measured against. For tests.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.settings = this.settings.withClock(clock);
			return this;
		}

		/**
		 * Sets what waits between retries. For tests, which should never wait for real.
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		public Builder sleeper(Sleeper sleeper) {
			this.settings = this.settings.withSleeper(sleeper);
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
			this.settings = this.settings.withObservationRegistry(observationRegistry);
			return this;
		}

		/**
		 * Sets the convention that names and tags the observations, replacing
		 * {@code DefaultPolarClientObservationConvention}.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable PolarClientObservationConvention observationConvention) {
			this.settings = this.settings.withObservationConvention(observationConvention);
			return this;
		}

		/**
		 * Returns the settings as configured so far.
		 * @return the settings the client would be built with now
		 */
		public PolarClientSettings settings() {
			return this.settings;
		}

		/**
		 * Builds the client.
		 * @return the client
		 */
		public PolarClient build() {
			Supplier<RestClient.Builder> source = (this.restClientBuilder != null) ? this.restClientBuilder
					: RestClient::builder;
			// Asked once, on the first request; cloned so that two clients built from one
			// builder never share one mutable RestClient.Builder.
			return new PolarClient(ApiExecutor.create(this.settings, SingletonSupplier.of(() -> {
				RestClient.Builder supplied = source.get();
				Assert.state(supplied != null, "The RestClient.Builder supplier returned null");
				return supplied.clone();
			})));
		}

	}

}
