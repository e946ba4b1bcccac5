package dev.polarspring.autoconfigure;

import java.net.URI;
import java.time.Duration;

import dev.polarspring.boot.PolarCredentials;
import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.PolarServer;
import dev.polarspring.client.RetrySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for the Polar API client, bound from {@code polar.*}.
 *
 * <p>
 * The webhook settings live in their own group, {@code polar.webhook.*}. Values are
 * checked when they are bound (the class validates itself), so a bad value stops the
 * application at startup with a message naming the key.
 *
 * <p>
 * The defaults are the client's own ({@link PolarClientSettings#defaults()} and
 * {@link RetrySettings#defaults()}), read from there rather than written again; the
 * configuration metadata repeats them for IDEs, and a test keeps it in step.
 */
@ConfigurationProperties("polar")
public class PolarProperties implements Validator {

	/**
	 * Organization or personal access token sent as a bearer token. Tokens belong to one
	 * environment: a sandbox token does not work in production. Leave unset in an
	 * application that only receives webhooks.
	 */
	private @Nullable String accessToken;

	/**
	 * Polar environment to call. Ignored when base-url is set.
	 */
	private PolarServer server = PolarServer.PRODUCTION;

	/**
	 * Base URL of the Polar API, for a proxy or a fake Polar in tests. Wins over server.
	 */
	private @Nullable URI baseUrl;

	/**
	 * Polar API version sent as the Polar-Version header on every request.
	 */
	private String apiVersion = PolarClientSettings.DEFAULT_API_VERSION;

	/**
	 * Organization id sent as the Polar-Organization header, for personal tokens that
	 * reach several organizations.
	 */
	private @Nullable String organizationId;

	/**
	 * Time allowed to open a connection to Polar. Wins over spring.http.clients settings.
	 */
	private Duration connectTimeout = PolarClientSettings.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Time allowed to wait for Polar's answer. Wins over spring.http.clients settings.
	 */
	private Duration readTimeout = PolarClientSettings.DEFAULT_READ_TIMEOUT;

	private final Retry retry = new Retry();

	public @Nullable String getAccessToken() {
		return this.accessToken;
	}

	public void setAccessToken(@Nullable String accessToken) {
		this.accessToken = accessToken;
	}

	public PolarServer getServer() {
		return this.server;
	}

	public void setServer(PolarServer server) {
		this.server = server;
	}

	public @Nullable URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiVersion() {
		return this.apiVersion;
	}

	public void setApiVersion(String apiVersion) {
		this.apiVersion = apiVersion;
	}

	public @Nullable String getOrganizationId() {
		return this.organizationId;
	}

	public void setOrganizationId(@Nullable String organizationId) {
		this.organizationId = organizationId;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarProperties properties = (PolarProperties) target;
		PolarCredentials.validate(errors, "accessToken", "polar.access-token", properties.getAccessToken(),
				PolarCredentials.Kind.ACCESS_TOKEN);
		String organizationId = properties.getOrganizationId();
		String organizationVariable = (organizationId != null) ? PolarCredentials.unresolvedPlaceholder(organizationId)
				: null;
		if (organizationVariable != null) {
			errors.rejectValue("organizationId", "polar.unresolved", "is the placeholder ${" + organizationVariable
					+ "}, which nothing resolved: set " + organizationVariable + " or remove polar.organization-id");
		}
		URI baseUrl = properties.getBaseUrl();
		if (baseUrl != null && !isHttpUrl(baseUrl)) {
			errors.rejectValue("baseUrl", "polar.invalidUrl",
					"must be an absolute http or https URL such as https://sandbox-api.polar.sh");
		}
		if (!StringUtils.hasText(properties.getApiVersion())) {
			errors.rejectValue("apiVersion", "polar.empty",
					"must not be empty; the current version is " + PolarClientSettings.DEFAULT_API_VERSION);
		}
		rejectIfNotPositive(errors, "connectTimeout", properties.getConnectTimeout());
		rejectIfNotPositive(errors, "readTimeout", properties.getReadTimeout());
		Retry retry = properties.getRetry();
		if (retry.getMaxAttempts() < 1) {
			errors.rejectValue("retry.maxAttempts", "polar.tooSmall", "must be at least 1 (1 disables retries)");
		}
		rejectIfNotPositive(errors, "retry.initialDelay", retry.getInitialDelay());
		rejectIfNotPositive(errors, "retry.maxDelay", retry.getMaxDelay());
		if (!(retry.getMultiplier() >= 1.0)) {
			errors.rejectValue("retry.multiplier", "polar.tooSmall", "must be at least 1.0");
		}
		if (!(retry.getJitter() >= 0.0 && retry.getJitter() <= 1.0)) {
			errors.rejectValue("retry.jitter", "polar.outOfRange", "must be between 0 and 1, such as 0.25");
		}
		Duration maxRetryAfter = retry.getMaxRetryAfter();
		if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
			errors.rejectValue("retry.maxRetryAfter", "polar.negative", "must be a duration such as 60s, not negative");
		}
	}

	private static boolean isHttpUrl(URI uri) {
		return uri.isAbsolute() && uri.getHost() != null
				&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
	}

	private static void rejectIfNotPositive(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "polar.notPositive", "must be a positive duration such as 10s");
		}
	}

	@Override
	public String toString() {
		// The token is a credential: say whether it is set, never what it is.
		return "PolarProperties{accessToken=" + ((this.accessToken != null) ? "******" : "<not set>") + ", server="
				+ this.server + ", baseUrl=" + this.baseUrl + ", apiVersion=" + this.apiVersion + ", organizationId="
				+ this.organizationId + ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
				+ ", retry=" + this.retry + "}";
	}

	/**
	 * Retry settings for failed calls.
	 */
	public static class Retry {

		private static final RetrySettings DEFAULTS = RetrySettings.defaults();

		/**
		 * Maximum number of attempts for one call, the first one included. 1 disables
		 * retries.
		 */
		private int maxAttempts = DEFAULTS.maxAttempts();

		/**
		 * Delay before the first retry; later delays grow by the multiplier.
		 */
		private Duration initialDelay = DEFAULTS.initialDelay();

		/**
		 * Upper bound of the backoff delay between two attempts.
		 */
		private Duration maxDelay = DEFAULTS.maxDelay();

		/**
		 * Factor applied to the delay after each retry.
		 */
		private double multiplier = DEFAULTS.multiplier();

		/**
		 * Fraction, between 0 and 1, of each backoff delay that is randomly removed so
		 * that instances failing together do not retry together.
		 */
		private double jitter = DEFAULTS.jitter();

		/**
		 * Longest wait honoured when Polar's answer asks for one with Retry-After; longer
		 * requests are cut to this.
		 */
		private Duration maxRetryAfter = DEFAULTS.maxRetryAfter();

		/**
		 * Whether POST and PATCH calls may be retried after a failure that could have
		 * reached Polar. Polar has no idempotency keys, so a retried POST can create a
		 * second checkout or customer; they are always retried when the request cannot
		 * have been received.
		 */
		private boolean nonIdempotent = DEFAULTS.retryNonIdempotent();

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

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public boolean isNonIdempotent() {
			return this.nonIdempotent;
		}

		public void setNonIdempotent(boolean nonIdempotent) {
			this.nonIdempotent = nonIdempotent;
		}

		@Override
		public String toString() {
			return "Retry{maxAttempts=" + this.maxAttempts + ", initialDelay=" + this.initialDelay + ", maxDelay="
					+ this.maxDelay + ", multiplier=" + this.multiplier + ", jitter=" + this.jitter + ", maxRetryAfter="
					+ this.maxRetryAfter + ", nonIdempotent=" + this.nonIdempotent + "}";
		}

	}

}
