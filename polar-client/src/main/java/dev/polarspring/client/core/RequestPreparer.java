package dev.polarspring.client.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.core.QueryWriter.QueryParameter;
import dev.polarspring.client.error.MissingTokenException;

/**
 * Turns an {@link ApiRequest} and the call's options into the {@link PreparedRequest}
 * every attempt sends: the URL with its query, the headers with the bearer token, the
 * encoded body, the read timeout and the {@code RestClient} for it. Nothing is sent here;
 * a missing token fails before anything is.
 */
final class RequestPreparer {

	// The executor's logger, so that one logging level covers the whole call.
	private static final Logger logger = LoggerFactory.getLogger(ApiExecutor.class);

	private final String baseUrl;

	private final HttpHeaders defaultHeaders;

	private final @Nullable Supplier<@Nullable String> accessToken;

	private final String missingAccessTokenAction;

	private final RestClients restClients;

	RequestPreparer(PolarClientSettings settings, RestClients restClients) {
		this.baseUrl = settings.baseUrl();
		this.defaultHeaders = defaultHeaders(settings);
		this.accessToken = settings.accessToken();
		this.missingAccessTokenAction = settings.missingAccessTokenAction();
		this.restClients = restClients;
	}

	private static HttpHeaders defaultHeaders(PolarClientSettings settings) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Polar-Version", settings.apiVersion());
		headers.set("User-Agent", LibraryVersion.userAgent());
		if (settings.organizationId() != null) {
			headers.set("Polar-Organization", settings.organizationId());
		}
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * Prepares a request.
	 * @param request the request
	 * @param accept the media type the answer is read as
	 * @param options the call's options, already merged over the executor's defaults
	 * @return the prepared request
	 * @throws MissingTokenException if the operation needs a token that is not set
	 */
	PreparedRequest prepare(ApiRequest request, MediaType accept, RequestOptions options) {
		ApiOperation operation = request.operation();
		HttpHeaders headers = headers(operation, accept, options);
		URI uri = uri(request, options);
		EncodedBody body = EncodedBody.of(request, options.bodyProperties());
		Duration readTimeout = this.restClients.readTimeout(options.timeout());
		if (body != null && logger.isTraceEnabled()) {
			String logged = body.contentType().equals(MediaType.APPLICATION_JSON) ? RedactedBody.of(body.content())
					: "(form body of " + body.length() + " bytes, not logged: it may carry secrets)";
			logger.trace("{} request body: {}", operation.id(), logged);
		}
		return new PreparedRequest(operation, uri, headers, body, readTimeout,
				this.restClients.forReadTimeout(readTimeout));
	}

	private HttpHeaders headers(ApiOperation operation, MediaType accept, RequestOptions options) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(this.defaultHeaders);
		headers.setAccept(List.of(accept));
		headers.putAll(options.headers());
		String token = token(operation, options);
		if (token != null) {
			headers.setBearerAuth(token);
		}
		return headers;
	}

	private @Nullable String token(ApiOperation operation, RequestOptions options) {
		return switch (operation.auth()) {
			case NONE -> null;
			case ACCESS_TOKEN -> {
				String token = options.accessToken();
				if (token == null && this.accessToken != null) {
					token = this.accessToken.get();
				}
				if (token == null || token.isBlank()) {
					throw new MissingTokenException(operation.id()
							+ " needs an organization access token and none is set; " + this.missingAccessTokenAction,
							operation.id());
				}
				yield token;
			}
			case CUSTOMER_SESSION -> {
				String token = options.customerSessionToken();
				if (token == null || token.isBlank()) {
					throw new MissingTokenException(operation.id()
							+ " needs a customer or member session token; call polar.customerPortal(sessionToken) "
							+ "or pass RequestOptions.builder().customerSessionToken(...)", operation.id());
				}
				yield token;
			}
		};
	}

	private URI uri(ApiRequest request, RequestOptions options) {
		StringBuilder uri = new StringBuilder(this.baseUrl).append(request.path());
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
		// Everything but unreserved characters is encoded: a '+' in an offset must not
		// read as a space.
		uri.append(separator)
			.append(UriUtils.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(UriUtils.encode(value, StandardCharsets.UTF_8));
	}

}
