package dev.polarspring.client.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;

import dev.polarspring.client.AutoPager;
import dev.polarspring.client.Page;
import dev.polarspring.client.RequestFactoryProvider;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.Sleeper;
import dev.polarspring.client.core.QueryWriter.QueryParameter;
import dev.polarspring.client.error.MissingTokenException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarDecodingException;
import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.error.PolarTimeoutException;
import dev.polarspring.client.observation.DefaultPolarClientObservationConvention;
import dev.polarspring.client.observation.PolarClientObservationContext;
import dev.polarspring.client.observation.PolarClientObservationConvention;
import dev.polarspring.client.observation.PolarClientObservationDocumentation;

/**
 * Sends {@link ApiRequest}s to Polar and turns the answers into values or exceptions: the
 * one place where authentication, retries, timeouts, decoding and logging happen. Every
 * generated resource client calls it.
 *
 * <p>
 * Immutable and thread-safe. {@link #withOptions(RequestOptions)} and
 * {@link #withCustomerSessionToken(String)} derive executors that share this one's
 * connections. Applications build one through {@code PolarClient.builder()} rather than
 * {@link #builder()}.
 */
public final class ApiExecutor {

	private static final Logger logger = LoggerFactory.getLogger(ApiExecutor.class);

	private static final PolarClientObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultPolarClientObservationConvention();

	// The attribute RestClient reads to tag its own http.client.requests observation with
	// a template.
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private final String baseUrl;

	private final RestClients restClients;

	private final HttpHeaders defaultHeaders;

	private final @Nullable Supplier<@Nullable String> accessToken;

	private final RetrySettings retrySettings;

	private final RequestOptions defaults;

	private final Clock clock;

	private final Sleeper sleeper;

	private final ApiErrorDecoder errorDecoder;

	private final ObservationRegistry observationRegistry;

	private final @Nullable PolarClientObservationConvention observationConvention;

	private ApiExecutor(String baseUrl, RestClients restClients, HttpHeaders defaultHeaders,
			@Nullable Supplier<@Nullable String> accessToken, RetrySettings retrySettings, RequestOptions defaults,
			Clock clock, Sleeper sleeper, ObservationRegistry observationRegistry,
			@Nullable PolarClientObservationConvention observationConvention) {
		this.baseUrl = baseUrl;
		this.restClients = restClients;
		this.defaultHeaders = defaultHeaders;
		this.accessToken = accessToken;
		this.retrySettings = retrySettings;
		this.defaults = defaults;
		this.clock = clock;
		this.sleeper = sleeper;
		this.errorDecoder = new ApiErrorDecoder(clock);
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Starts assembling an executor. Applications call {@code PolarClient.builder()},
	 * which validates its settings and calls this.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Sends a request and decodes the answer, retrying as the retry settings allow.
	 * @param <T> the answer's type
	 * @param request the request
	 * @param type how to read the answer
	 * @param options options for this call, over the executor's defaults
	 * @return the decoded answer; {@code null} for {@link ResponseType#none()} and for a
	 * JSON type when Polar answered 204 or a bodiless 202
	 * @throws PolarApiException if Polar answered with an error status
	 * @throws PolarIoException if the call failed at the transport level
	 * @throws PolarDecodingException if the answer could not be decoded
	 * @throws MissingTokenException if the operation needs a token that is not configured
	 */
	public <T> T execute(ApiRequest request, ResponseType<T> type, RequestOptions options) {
		Assert.notNull(request, "request must not be null");
		Assert.notNull(type, "type must not be null");
		Assert.notNull(options, "options must not be null");
		if (this.observationRegistry.isNoop()) {
			return new Call<>(request, type, options.orElse(this.defaults), null).run();
		}
		PolarClientObservationContext context = new PolarClientObservationContext(request.operation());
		Observation observation = PolarClientObservationDocumentation.CLIENT_REQUEST
			.observation(this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> context,
					this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return new Call<>(request, type, options.orElse(this.defaults), context).run();
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Sends a list request and returns the page Polar answered, with the means to fetch
	 * the next. The page number is the request's {@code page} query parameter (1 when
	 * unset).
	 * @param <T> the item type
	 * @param request the list request
	 * @param itemType the class of the items
	 * @param options options for this call and the calls fetching later pages
	 * @return the page
	 */
	public <T> Page<T> executePage(ApiRequest request, Class<T> itemType, RequestOptions options) {
		PageResponse<T> response = execute(request, PageResponse.type(itemType), options);
		if (response == null) {
			throw new PolarDecodingException(request.operation().id() + " answered without a body; expected a page",
					request.operation().id(), null);
		}
		int pageNumber = pageNumber(request);
		List<T> items = (response.items() != null) ? response.items() : List.of();
		IntFunction<Page<T>> pageFetcher = (number) -> executePage(request.withQueryParam("page", number), itemType,
				options);
		PageResponse.Pagination pagination = response.pagination();
		if (pagination != null && pagination.totalCount() != null && pagination.maxPage() != null) {
			return Page.numbered(items, pageNumber, pagination.totalCount(), pagination.maxPage(), pageFetcher);
		}
		boolean hasNextPage = pagination != null && Boolean.TRUE.equals(pagination.hasNextPage());
		return Page.cursor(items, pageNumber, hasNextPage, pageFetcher);
	}

	/**
	 * Returns an auto-pager over every item of a list, fetching pages only as the
	 * iteration reaches them. Nothing is sent until the iteration starts.
	 * @param <T> the item type
	 * @param request the list request for the first page wanted
	 * @param itemType the class of the items
	 * @param options options for every page's call
	 * @return the auto-pager
	 */
	public <T> AutoPager<T> autoPage(ApiRequest request, Class<T> itemType, RequestOptions options) {
		return AutoPager.startingWith(() -> executePage(request, itemType, options));
	}

	/**
	 * Returns an executor with other default options. Options set here replace this
	 * executor's defaults field by field; this executor is left untouched and both share
	 * connections.
	 * @param defaults the new defaults, merged over the current ones
	 * @return the derived executor
	 */
	public ApiExecutor withOptions(RequestOptions defaults) {
		Assert.notNull(defaults, "defaults must not be null");
		return new ApiExecutor(this.baseUrl, this.restClients, this.defaultHeaders, this.accessToken,
				this.retrySettings, defaults.orElse(this.defaults), this.clock, this.sleeper, this.observationRegistry,
				this.observationConvention);
	}

	/**
	 * Returns an executor whose customer-portal calls authenticate with a customer or
	 * member session token.
	 * @param sessionToken the session token, as created by the customer sessions API
	 * @return the derived executor
	 */
	public ApiExecutor withCustomerSessionToken(String sessionToken) {
		return withOptions(RequestOptions.builder().customerSessionToken(sessionToken).build());
	}

	/**
	 * Returns the base URL requests are sent to.
	 * @return the base URL, such as {@code https://api.polar.sh}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns the options applied to every call unless the call's own options say
	 * otherwise.
	 * @return the default options
	 */
	public RequestOptions defaultOptions() {
		return this.defaults;
	}

	@Override
	public String toString() {
		return "ApiExecutor{baseUrl=" + this.baseUrl + ", accessToken="
				+ ((this.accessToken != null) ? "(supplied)" : "(not set)") + ", defaults=" + this.defaults + "}";
	}

	private static int pageNumber(ApiRequest request) {
		String page = request.queryParam("page");
		if (page == null) {
			return 1;
		}
		try {
			return Math.max(1, Integer.parseInt(page));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"The page parameter of " + request.operation().id() + " must be a number, was '" + page + "'");
		}
	}

	/**
	 * One call: prepared once, then sent once per attempt.
	 */
	private final class Call<T> {

		private final ApiOperation operation;

		private final ResponseType<T> type;

		private final URI uri;

		private final HttpHeaders headers;

		private final @Nullable EncodedBody body;

		private final Duration readTimeout;

		private final RestClient restClient;

		private final RetryPolicy retryPolicy;

		private final @Nullable PolarClientObservationContext observationContext;

		private int lastStatus;

		Call(ApiRequest request, ResponseType<T> type, RequestOptions options,
				@Nullable PolarClientObservationContext observationContext) {
			this.observationContext = observationContext;
			this.operation = request.operation();
			this.type = type;
			this.headers = headers(options);
			this.uri = uri(request, options);
			this.body = EncodedBody.of(request, options.bodyProperties());
			this.readTimeout = ApiExecutor.this.restClients.readTimeout(options.timeout());
			this.restClient = ApiExecutor.this.restClients.forReadTimeout(this.readTimeout);
			this.retryPolicy = new RetryPolicy(retrySettings(options), this.operation.method());
		}

		private HttpHeaders headers(RequestOptions options) {
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(ApiExecutor.this.defaultHeaders);
			headers.setAccept(List.of(this.type.accept()));
			headers.putAll(options.headers());
			String token = token(options);
			if (token != null) {
				headers.setBearerAuth(token);
			}
			return headers;
		}

		private @Nullable String token(RequestOptions options) {
			return switch (this.operation.auth()) {
				case NONE -> null;
				case ACCESS_TOKEN -> {
					String token = options.accessToken();
					if (token == null && ApiExecutor.this.accessToken != null) {
						token = ApiExecutor.this.accessToken.get();
					}
					if (token == null || token.isBlank()) {
						throw new MissingTokenException("polar.access-token is not set; set it or call "
								+ "PolarClient.builder().accessToken(...) (" + this.operation.id()
								+ " needs an organization access token)", this.operation.id());
					}
					yield token;
				}
				case CUSTOMER_SESSION -> {
					String token = options.customerSessionToken();
					if (token == null || token.isBlank()) {
						throw new MissingTokenException(this.operation.id()
								+ " needs a customer or member session token; call polar.customerPortal(sessionToken) "
								+ "or pass RequestOptions.builder().customerSessionToken(...)", this.operation.id());
					}
					yield token;
				}
			};
		}

		private URI uri(ApiRequest request, RequestOptions options) {
			StringBuilder uri = new StringBuilder(ApiExecutor.this.baseUrl).append(request.path());
			Map<String, List<String>> extra = options.queryParams();
			char separator = '?';
			for (QueryParameter parameter : request.query()) {
				if (!extra.containsKey(parameter.name())) {
					appendQuery(uri, separator, parameter.name(), parameter.value());
					separator = '&';
				}
			}
			for (Map.Entry<String, List<String>> parameter : extra.entrySet()) {
				for (String value : parameter.getValue()) {
					appendQuery(uri, separator, parameter.getKey(), value);
					separator = '&';
				}
			}
			return URI.create(uri.toString());
		}

		private static void appendQuery(StringBuilder uri, char separator, String name, String value) {
			// Everything but unreserved characters is encoded: a '+' in an offset must
			// not read as a space.
			uri.append(separator)
				.append(UriUtils.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(UriUtils.encode(value, StandardCharsets.UTF_8));
		}

		private RetrySettings retrySettings(RequestOptions options) {
			RetrySettings settings = ApiExecutor.this.retrySettings;
			if (options.maxRetries() != null) {
				settings = settings.withMaxRetries(options.maxRetries());
			}
			if (options.retryNonIdempotent() != null) {
				settings = settings.withRetryNonIdempotent(options.retryNonIdempotent());
			}
			return settings;
		}

		T run() {
			if (this.body != null && logger.isTraceEnabled()) {
				String logged = this.body.contentType().equals(MediaType.APPLICATION_JSON)
						? RedactedBody.of(this.body.content())
						: "(form body of " + this.body.length() + " bytes, not logged: it may carry secrets)";
				logger.trace("{} request body: {}", this.operation.id(), logged);
			}
			for (int attempt = 1;; attempt++) {
				long start = System.nanoTime();
				if (this.observationContext != null) {
					this.observationContext.attemptStarted();
					this.observationContext.setStatusCode(null);
				}
				Duration wait;
				try {
					T result = send();
					logAttempt(attempt, start, this.lastStatus);
					return result;
				}
				catch (PolarApiException ex) {
					logAttempt(attempt, start, ex.getStatusCode());
					wait = this.retryPolicy.afterStatus(ex.getStatusCode(),
							RetryAfter.parse(ex.getHeaders(), ApiExecutor.this.clock), attempt - 1);
					if (wait == null) {
						throw ex;
					}
					logRetry(attempt, wait, "HTTP " + ex.getStatusCode());
				}
				catch (RestClientException ex) {
					TransportFailure failure = TransportFailure.of(ex);
					PolarIoException polarException = transportException(failure, ex);
					if (logger.isDebugEnabled()) {
						logger.debug("{} {} failed after {} ms [{}, attempt {}]: {}", this.operation.method(),
								this.operation.pathTemplate(), elapsedMillis(start), this.operation.id(), attempt,
								polarException.getMessage());
					}
					wait = this.retryPolicy.afterTransportFailure(failure, attempt - 1);
					if (wait == null) {
						throw polarException;
					}
					logRetry(attempt, wait, failure.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
				}
				pause(wait);
			}
		}

		private T send() {
			RestClient.RequestBodySpec spec = this.restClient.method(this.operation.method())
				.uri(this.uri)
				.headers((headers) -> headers.putAll(this.headers))
				.attribute(URI_TEMPLATE_ATTRIBUTE, this.operation.pathTemplate());
			if (this.body != null) {
				spec.contentType(this.body.contentType());
				spec.contentLength(this.body.length());
				spec.body(this.body);
			}
			boolean streamed = this.type.kind() == ResponseType.Kind.STREAM;
			return spec.exchange((request, response) -> handle(response, streamed), !streamed);
		}

		private T handle(ClientHttpResponse response, boolean streamed) throws IOException {
			try {
				int status = response.getStatusCode().value();
				this.lastStatus = status;
				if (this.observationContext != null) {
					this.observationContext.setStatusCode(status);
				}
				if (status < 200 || status >= 300) {
					byte[] errorBody = response.getBody().readAllBytes();
					if (logger.isTraceEnabled()) {
						logger.trace("{} error body: {}", this.operation.id(), RedactedBody.of(errorBody));
					}
					throw ApiExecutor.this.errorDecoder.decode(this.operation.id(), status, response.getHeaders(),
							errorBody);
				}
				return decode(response, status);
			}
			catch (IOException | RuntimeException ex) {
				if (streamed) {
					response.close();
				}
				throw ex;
			}
		}

		@SuppressWarnings("unchecked")
		private T decode(ClientHttpResponse response, int status) throws IOException {
			HttpHeaders headers = response.getHeaders();
			return switch (this.type.kind()) {
				case NONE -> null;
				case STREAM -> (T) new ResponseStream(response);
				case TEXT -> {
					byte[] text = response.getBody().readAllBytes();
					yield (T) new String(text, charset(headers));
				}
				case JSON -> decodeJson(response.getBody(), status);
			};
		}

		private @Nullable T decodeJson(InputStream body, int status) throws IOException {
			// An empty 200 or 201 is not treated like a 204: a null where a model was
			// promised would only
			// fail later, far from the cause.
			if (status == 204) {
				return null;
			}
			InputStream input = body;
			if (status == 202) {
				// Some 202s carry a body and some do not, and the length is not always
				// announced.
				PushbackInputStream peeking = new PushbackInputStream(body, 1);
				int first = peeking.read();
				if (first < 0) {
					return null;
				}
				peeking.unread(first);
				input = peeking;
			}
			try {
				if (logger.isTraceEnabled()) {
					byte[] bytes = input.readAllBytes();
					logger.trace("{} response body: {}", this.operation.id(), RedactedBody.of(bytes));
					return this.type.reader().readValue(bytes);
				}
				return this.type.reader().readValue(input);
			}
			catch (JacksonIOException ex) {
				throw ex.getCause();
			}
			catch (JacksonException ex) {
				// Neither Jackson's message nor the exception itself is kept: both quote
				// the body.
				throw new PolarDecodingException(
						this.operation.id() + " answered a body that is not a valid " + this.type + ": "
								+ DecodingFailure.describe(ex) + " (is Polar-Version right for this client?)",
						this.operation.id(), null);
			}
		}

		private static Charset charset(HttpHeaders headers) {
			MediaType contentType = headers.getContentType();
			return (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
					: StandardCharsets.UTF_8;
		}

		private PolarIoException transportException(TransportFailure failure, RestClientException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			String id = this.operation.id();
			// Spring's own message names the full URI, whose path parameters can be
			// secrets.
			String detail = (cause != ex) ? describe(cause) : cause.getClass().getSimpleName();
			if (failure.timedOut()) {
				return new PolarTimeoutException(id + " timed out: Polar did not answer within " + this.readTimeout
						+ " (raise the read timeout, or RequestOptions.timeout(...) for this call)", id, cause);
			}
			if (cause instanceof java.net.http.HttpConnectTimeoutException) {
				return new PolarTimeoutException(id + " timed out connecting to " + ApiExecutor.this.baseUrl
						+ " within " + ApiExecutor.this.restClients.connectTimeout(), id, cause);
			}
			return new PolarIoException(id + " failed talking to " + ApiExecutor.this.baseUrl + ": " + detail, id,
					cause);
		}

		private static String describe(Throwable cause) {
			String message = cause.getMessage();
			return (message != null && !message.isBlank()) ? cause.getClass().getSimpleName() + ": " + message
					: cause.getClass().getSimpleName();
		}

		private void pause(Duration wait) {
			try {
				ApiExecutor.this.sleeper.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PolarIoException(this.operation.id() + " was interrupted while waiting to retry",
						this.operation.id(), ex);
			}
		}

		private void logAttempt(int attempt, long start, int status) {
			if (logger.isDebugEnabled()) {
				logger.debug("{} {} answered {} in {} ms [{}, attempt {}]", this.operation.method(),
						this.operation.pathTemplate(), status, elapsedMillis(start), this.operation.id(), attempt);
			}
		}

		private void logRetry(int attempt, Duration wait, String reason) {
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying {} after {} in {} ms (retry {} of {})", this.operation.id(), reason,
						wait.toMillis(), attempt, this.retryPolicy.maxRetries());
			}
		}

		private static long elapsedMillis(long start) {
			return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		}

	}

	/**
	 * A response body handed to the caller: closing it releases the connection.
	 */
	private static final class ResponseStream extends FilterInputStream {

		private final ClientHttpResponse response;

		ResponseStream(ClientHttpResponse response) throws IOException {
			super(response.getBody());
			this.response = response;
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				this.response.close();
			}
		}

	}

	/**
	 * Assembles an {@link ApiExecutor} from parts that {@code PolarClient.Builder} has
	 * already checked. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable String baseUrl;

		private RestClient.@Nullable Builder restClientBuilder;

		private RequestFactoryProvider requestFactories = RequestFactoryProvider.jdk();

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration readTimeout = Duration.ofSeconds(60);

		private final HttpHeaders defaultHeaders = new HttpHeaders();

		private @Nullable Supplier<@Nullable String> accessToken;

		private RetrySettings retrySettings = RetrySettings.defaults();

		private RequestOptions defaults = RequestOptions.none();

		private Clock clock = Clock.systemUTC();

		private Sleeper sleeper = Sleeper.THREAD;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable PolarClientObservationConvention observationConvention;

		private Builder() {
		}

		/**
		 * Sets the base URL.
		 * @param baseUrl the absolute base URL without a trailing slash
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * Sets the builder the executor's {@link RestClient}s are built from; it is used
		 * as given, so pass a clone of anything shared.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = restClientBuilder;
			return this;
		}

		/**
		 * Sets what creates the request factories, one per read timeout.
		 * @param requestFactories the provider
		 * @return this builder
		 */
		public Builder requestFactories(RequestFactoryProvider requestFactories) {
			this.requestFactories = requestFactories;
			return this;
		}

		/**
		 * Sets the connect and read timeouts.
		 * @param connectTimeout how long to wait for a connection
		 * @param readTimeout how long to wait for an answer, unless a call's options say
		 * otherwise
		 * @return this builder
		 */
		public Builder timeouts(Duration connectTimeout, Duration readTimeout) {
			this.connectTimeout = connectTimeout;
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * Sets a header sent with every request.
		 * @param name the header name
		 * @param value the header value
		 * @return this builder
		 */
		public Builder defaultHeader(String name, String value) {
			this.defaultHeaders.set(name, value);
			return this;
		}

		/**
		 * Sets where the access token comes from; asked on every call that needs it.
		 * @param accessToken the token supplier, or {@code null} for none
		 * @return this builder
		 */
		public Builder accessToken(@Nullable Supplier<@Nullable String> accessToken) {
			this.accessToken = accessToken;
			return this;
		}

		/**
		 * Sets the retry settings.
		 * @param retrySettings the settings
		 * @return this builder
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			this.retrySettings = retrySettings;
			return this;
		}

		/**
		 * Sets the default options of every call.
		 * @param defaults the options
		 * @return this builder
		 */
		public Builder defaultOptions(RequestOptions defaults) {
			this.defaults = defaults;
			return this;
		}

		/**
		 * Sets the clock that {@code Retry-After} dates are measured against.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets what waits between retries.
		 * @param sleeper the sleeper
		 * @return this builder
		 */
		public Builder sleeper(Sleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		/**
		 * Sets the registry that records one observation per call.
		 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP}
		 * records nothing
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Sets the convention that names and tags the observations.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable PolarClientObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Builds the executor.
		 * @return the executor
		 */
		public ApiExecutor build() {
			Assert.state(this.baseUrl != null, "baseUrl must be set");
			RestClient.Builder restClientBuilder = (this.restClientBuilder != null) ? this.restClientBuilder
					: RestClient.builder();
			RestClients restClients = new RestClients(restClientBuilder, this.requestFactories, this.connectTimeout,
					this.readTimeout);
			return new ApiExecutor(this.baseUrl, restClients,
					HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(this.defaultHeaders)), this.accessToken,
					this.retrySettings, this.defaults, this.clock, this.sleeper, this.observationRegistry,
					this.observationConvention);
		}

	}

}
