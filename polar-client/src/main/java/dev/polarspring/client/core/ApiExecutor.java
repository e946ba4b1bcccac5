package dev.polarspring.client.core;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

import dev.polarspring.client.AutoPager;
import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.error.MissingTokenException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarDecodingException;
import dev.polarspring.client.error.PolarIoException;
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
 * A call is prepared once ({@code RequestPreparer}: URL, headers, token, body), then sent
 * attempt after attempt as the retry settings allow ({@code RetryingCall}); each answer
 * is read by a {@code ResponseDecoder} and each transport failure translated by a
 * {@code TransportExceptionTranslator}.
 *
 * <p>
 * Immutable and thread-safe. {@link #withOptions(RequestOptions)} and
 * {@link #withCustomerSessionToken(String)} derive executors that share this one's
 * connections. Applications build one through {@code PolarClient.builder()} rather than
 * {@link #create(PolarClientSettings, RestClient.Builder)}.
 */
public final class ApiExecutor {

	private static final PolarClientObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultPolarClientObservationConvention();

	private final PolarClientSettings settings;

	private final RestClients restClients;

	private final RequestPreparer requestPreparer;

	private final ApiErrorDecoder errorDecoder;

	private final TransportExceptionTranslator exceptionTranslator;

	private ApiExecutor(PolarClientSettings settings, RestClients restClients) {
		this.settings = settings;
		this.restClients = restClients;
		this.requestPreparer = new RequestPreparer(settings, restClients);
		this.errorDecoder = new ApiErrorDecoder(settings.clock());
		this.exceptionTranslator = new TransportExceptionTranslator(settings.baseUrl(), settings.connectTimeout());
	}

	/**
	 * Creates an executor. Applications call {@code PolarClient.builder()}, which builds
	 * the settings and calls this.
	 * @param settings the settings, defaults included
	 * @param restClientBuilder the builder the executor's {@link RestClient}s are built
	 * from, one per read timeout; it is used as given, so pass a clone of anything shared
	 * @return the executor
	 */
	public static ApiExecutor create(PolarClientSettings settings, RestClient.Builder restClientBuilder) {
		Assert.notNull(restClientBuilder, "restClientBuilder must not be null");
		return create(settings, () -> restClientBuilder);
	}

	/**
	 * Creates an executor whose {@link RestClient}s are built from a builder asked for
	 * when the first request is sent, not now, so that creating the executor creates no
	 * HTTP client.
	 * @param settings the settings, defaults included
	 * @param restClientBuilder supplies the builder the executor's {@link RestClient}s
	 * are built from, one per read timeout; it may be asked more than once and must
	 * return the same builder, used as given, so supply a clone of anything shared
	 * @return the executor
	 */
	public static ApiExecutor create(PolarClientSettings settings, Supplier<RestClient.Builder> restClientBuilder) {
		Assert.notNull(settings, "settings must not be null");
		Assert.notNull(restClientBuilder, "restClientBuilder must not be null");
		return new ApiExecutor(settings, new RestClients(restClientBuilder, settings.requestFactories(),
				settings.connectTimeout(), settings.readTimeout()));
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
	public <T> @Nullable T execute(ApiRequest request, ResponseType<T> type, RequestOptions options) {
		Assert.notNull(request, "request must not be null");
		Assert.notNull(type, "type must not be null");
		Assert.notNull(options, "options must not be null");
		RequestOptions callOptions = options.orElse(this.settings.defaultOptions());
		if (this.settings.observationRegistry().isNoop()) {
			return call(request, type, callOptions, null);
		}
		PolarClientObservationContext context = new PolarClientObservationContext(request.operation());
		Observation observation = PolarClientObservationDocumentation.CLIENT_REQUEST
			.observation(this.settings.observationConvention(), DEFAULT_OBSERVATION_CONVENTION, () -> context,
					this.settings.observationRegistry())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return call(request, type, callOptions, context);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private <T> @Nullable T call(ApiRequest request, ResponseType<T> type, RequestOptions options,
			@Nullable PolarClientObservationContext observationContext) {
		ApiOperation operation = request.operation();
		PreparedRequest prepared = this.requestPreparer.prepare(request, type.accept(), options);
		ResponseDecoder<T> decoder = new ResponseDecoder<>(operation.id(), type, this.errorDecoder);
		RetryPolicy retryPolicy = RetryPolicy.forCall(this.settings.retry(), options, operation.method());
		return new RetryingCall<>(prepared, decoder, retryPolicy, this.exceptionTranslator, this.settings.clock(),
				this.settings.sleeper(), observationContext)
			.run();
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
		return new ApiExecutor(this.settings.withDefaultOptions(defaults.orElse(this.settings.defaultOptions())),
				this.restClients);
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
	 * Returns the settings this executor was created with, its default options included.
	 * @return the settings
	 */
	public PolarClientSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the base URL requests are sent to.
	 * @return the base URL, such as {@code https://api.polar.sh}
	 */
	public String baseUrl() {
		return this.settings.baseUrl();
	}

	/**
	 * Returns the options applied to every call unless the call's own options say
	 * otherwise.
	 * @return the default options
	 */
	public RequestOptions defaultOptions() {
		return this.settings.defaultOptions();
	}

	@Override
	public String toString() {
		return "ApiExecutor{baseUrl=" + this.settings.baseUrl() + ", accessToken="
				+ ((this.settings.accessToken() != null) ? "(supplied)" : "(not set)") + ", defaults="
				+ this.settings.defaultOptions() + "}";
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

}
