package dev.polarspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * Options for one call, or defaults for every call of a derived client: timeout,
 * attempts, extra headers, tokens, and extra query or body properties the SDK does not
 * know yet.
 *
 * <p>
 * Every option is optional. {@link #orElse(RequestOptions)} fills the options this
 * instance leaves unset from another one, so per-call options override client defaults
 * field by field, and headers, query parameters and body properties are merged name by
 * name. Immutable and thread-safe; {@link #toString()} never shows a token.
 */
public final class RequestOptions {

	private static final RequestOptions NONE = new RequestOptions(new Builder());

	private final @Nullable Duration timeout;

	private final @Nullable Integer maxAttempts;

	private final @Nullable Boolean retryNonIdempotent;

	private final HttpHeaders headers;

	private final @Nullable String accessToken;

	private final @Nullable String customerSessionToken;

	private final Map<String, List<String>> queryParams;

	private final Map<String, @Nullable Object> bodyProperties;

	private RequestOptions(Builder builder) {
		this.timeout = builder.timeout;
		this.maxAttempts = builder.maxAttempts;
		this.retryNonIdempotent = builder.retryNonIdempotent;
		this.headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(builder.headers));
		this.accessToken = builder.accessToken;
		this.customerSessionToken = builder.customerSessionToken;
		Map<String, List<String>> queryParams = new LinkedHashMap<>();
		builder.queryParams.forEach((name, values) -> queryParams.put(name, List.copyOf(values)));
		this.queryParams = Collections.unmodifiableMap(queryParams);
		this.bodyProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.bodyProperties));
	}

	/**
	 * Returns options that set nothing.
	 * @return the empty options
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * Starts building options.
	 * @return a new builder with nothing set
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder initialised with these options, to derive changed options.
	 * @return a new builder holding a copy of these options
	 */
	public Builder mutate() {
		return new Builder(this);
	}

	/**
	 * Returns options with every unset option taken from {@code defaults}. Headers, query
	 * parameters and body properties are merged: an entry of this instance replaces the
	 * entry with the same name in {@code defaults}.
	 * @param defaults the options to fall back on
	 * @return the merged options
	 */
	public RequestOptions orElse(RequestOptions defaults) {
		if (this == NONE) {
			return defaults;
		}
		if (defaults == NONE) {
			return this;
		}
		Builder merged = new Builder(defaults);
		if (this.timeout != null) {
			merged.timeout = this.timeout;
		}
		if (this.maxAttempts != null) {
			merged.maxAttempts = this.maxAttempts;
		}
		if (this.retryNonIdempotent != null) {
			merged.retryNonIdempotent = this.retryNonIdempotent;
		}
		if (this.accessToken != null) {
			merged.accessToken = this.accessToken;
		}
		if (this.customerSessionToken != null) {
			merged.customerSessionToken = this.customerSessionToken;
		}
		this.headers.forEach(merged.headers::put);
		this.queryParams.forEach((name, values) -> merged.queryParams.put(name, new ArrayList<>(values)));
		merged.bodyProperties.putAll(this.bodyProperties);
		return new RequestOptions(merged);
	}

	/**
	 * Returns the read timeout of each attempt.
	 * @return the timeout, or {@code null} to use the client's read timeout
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * Returns how many times the call may be sent at most, the first attempt included.
	 * @return the number of attempts, or {@code null} to use the client's
	 * {@link RetrySettings}
	 */
	public @Nullable Integer maxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Returns whether POST and PATCH may be retried after failures that may have reached
	 * Polar.
	 * @return the choice, or {@code null} to use the client's {@link RetrySettings}
	 */
	public @Nullable Boolean retryNonIdempotent() {
		return this.retryNonIdempotent;
	}

	/**
	 * Returns the extra headers sent with the call.
	 * @return the read-only headers, empty when none are set
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Returns the access token that replaces the client's for operations authenticated
	 * with an organization or personal access token.
	 * @return the token, or {@code null} to use the client's
	 */
	public @Nullable String accessToken() {
		return this.accessToken;
	}

	/**
	 * Returns the customer or member session token used by customer-portal operations.
	 * @return the token, or {@code null} when none is set
	 */
	public @Nullable String customerSessionToken() {
		return this.customerSessionToken;
	}

	/**
	 * Returns the extra query parameters appended to the call's URL.
	 * @return the parameters by name, each with its values in order
	 */
	public Map<String, List<String>> queryParams() {
		return this.queryParams;
	}

	/**
	 * Returns the extra properties merged into the call's JSON (or form) body, for fields
	 * the SDK does not know yet. A property with the same name as one of the body's
	 * replaces it; a {@code null} value sends an explicit JSON {@code null}.
	 * @return the properties by name
	 */
	public Map<String, @Nullable Object> bodyProperties() {
		return this.bodyProperties;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof RequestOptions that)) {
			return false;
		}
		return Objects.equals(this.timeout, that.timeout) && Objects.equals(this.maxAttempts, that.maxAttempts)
				&& Objects.equals(this.retryNonIdempotent, that.retryNonIdempotent) && this.headers.equals(that.headers)
				&& Objects.equals(this.accessToken, that.accessToken)
				&& Objects.equals(this.customerSessionToken, that.customerSessionToken)
				&& this.queryParams.equals(that.queryParams) && this.bodyProperties.equals(that.bodyProperties);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.timeout, this.maxAttempts, this.retryNonIdempotent, this.headers, this.accessToken,
				this.customerSessionToken, this.queryParams, this.bodyProperties);
	}

	@Override
	public String toString() {
		// Tokens are never printed, not even in part; header values may carry credentials
		// too.
		return "RequestOptions{timeout=" + this.timeout + ", maxAttempts=" + this.maxAttempts + ", retryNonIdempotent="
				+ this.retryNonIdempotent + ", headers=" + this.headers.headerNames() + ", accessToken="
				+ mask(this.accessToken) + ", customerSessionToken=" + mask(this.customerSessionToken)
				+ ", queryParams=" + this.queryParams.keySet() + ", bodyProperties=" + this.bodyProperties.keySet()
				+ "}";
	}

	private static String mask(@Nullable String token) {
		return (token != null) ? "(set)" : "(not set)";
	}

	/**
	 * Builds {@link RequestOptions}. Not thread-safe; the options it builds are.
	 */
	public static final class Builder {

		private @Nullable Duration timeout;

		private @Nullable Integer maxAttempts;

		private @Nullable Boolean retryNonIdempotent;

		private final HttpHeaders headers = new HttpHeaders();

		private @Nullable String accessToken;

		private @Nullable String customerSessionToken;

		private final Map<String, List<String>> queryParams = new LinkedHashMap<>();

		private final Map<String, @Nullable Object> bodyProperties = new LinkedHashMap<>();

		private Builder() {
		}

		private Builder(RequestOptions options) {
			this.timeout = options.timeout;
			this.maxAttempts = options.maxAttempts;
			this.retryNonIdempotent = options.retryNonIdempotent;
			this.headers.putAll(options.headers);
			this.accessToken = options.accessToken;
			this.customerSessionToken = options.customerSessionToken;
			options.queryParams.forEach((name, values) -> this.queryParams.put(name, new ArrayList<>(values)));
			this.bodyProperties.putAll(options.bodyProperties);
		}

		/**
		 * Sets the read timeout of each attempt.
		 * @param timeout how long to wait for Polar's answer; positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			Assert.notNull(timeout, "timeout must not be null");
			Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), () -> "timeout must be positive, was " + timeout);
			this.timeout = timeout;
			return this;
		}

		/**
		 * Sets how many times the call may be sent at most, the first attempt included.
		 * @param maxAttempts the number of attempts, at least 1; 1 disables retries
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			Assert.isTrue(maxAttempts >= 1,
					() -> "maxAttempts must be at least 1 (1 disables retries), was " + maxAttempts);
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets whether POST and PATCH may be retried after failures that may have reached
		 * Polar. Only safe where a duplicate is harmless: Polar has no idempotency keys.
		 * @param retryNonIdempotent whether to retry them
		 * @return this builder
		 */
		public Builder retryNonIdempotent(boolean retryNonIdempotent) {
			this.retryNonIdempotent = retryNonIdempotent;
			return this;
		}

		/**
		 * Sets an extra header, replacing any earlier values of the same name.
		 * @param name the header name
		 * @param values the header values
		 * @return this builder
		 */
		public Builder header(String name, String... values) {
			Assert.hasText(name, "name must not be empty");
			this.headers.put(name, List.of(values));
			return this;
		}

		/**
		 * Sets the access token that replaces the client's for this call (or for every
		 * call of a derived client).
		 * @param accessToken an organization or personal access token
		 * @return this builder
		 */
		public Builder accessToken(String accessToken) {
			Assert.hasText(accessToken, "accessToken must not be empty");
			this.accessToken = accessToken;
			return this;
		}

		/**
		 * Sets the customer or member session token that customer-portal operations send.
		 * @param customerSessionToken the session token, as created by the customer
		 * sessions API
		 * @return this builder
		 */
		public Builder customerSessionToken(String customerSessionToken) {
			Assert.hasText(customerSessionToken, "customerSessionToken must not be empty");
			this.customerSessionToken = customerSessionToken;
			return this;
		}

		/**
		 * Sets an extra query parameter, replacing any earlier values of the same name.
		 * Several values repeat the name ({@code a=1&a=2}).
		 * @param name the parameter name
		 * @param values the values, sent in order
		 * @return this builder
		 */
		public Builder queryParam(String name, String... values) {
			Assert.hasText(name, "name must not be empty");
			this.queryParams.put(name, new ArrayList<>(Arrays.asList(values)));
			return this;
		}

		/**
		 * Sets an extra property of the request body, for fields the SDK does not know
		 * yet.
		 * @param name the property name as Polar spells it, such as {@code new_field}
		 * @param value the value, serialized with the SDK's JSON mapper; {@code null}
		 * sends JSON null
		 * @return this builder
		 */
		public Builder bodyProperty(String name, @Nullable Object value) {
			Assert.hasText(name, "name must not be empty");
			this.bodyProperties.put(name, value);
			return this;
		}

		/**
		 * Builds the options.
		 * @return the immutable options
		 */
		public RequestOptions build() {
			return new RequestOptions(this);
		}

	}

}
