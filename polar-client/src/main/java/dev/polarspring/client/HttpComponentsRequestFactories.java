package dev.polarspring.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * {@link RequestFactoryProvider#httpComponents()}: one pooled Apache HttpClient per
 * connect timeout, each request factory setting its own read timeout. A class of its own
 * so that Apache HttpClient's classes are loaded only by applications that choose it.
 */
final class HttpComponentsRequestFactories implements RequestFactoryProvider {

	private static final String HTTP_CLIENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";

	// Calls to one Polar server share a route: the pool's default of 5 connections a
	// route would make the sixth concurrent call wait for a connection.
	private static final int MAX_CONNECTIONS = 50;

	// A pooled connection idle this long is checked before it is reused, so that one
	// the server closed meanwhile is not handed to a request.
	private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

	private final Map<Duration, CloseableHttpClient> clients = new ConcurrentHashMap<>();

	private HttpComponentsRequestFactories() {
	}

	static HttpComponentsRequestFactories create() {
		return create(HttpComponentsRequestFactories.class.getClassLoader());
	}

	static HttpComponentsRequestFactories create(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(HTTP_CLIENTS, classLoader)) {
			throw new IllegalStateException("RequestFactoryProvider.httpComponents() needs Apache HttpClient 5: add "
					+ "org.apache.httpcomponents.client5:httpclient5 to the application's dependencies, "
					+ "or use RequestFactoryProvider.jdk()");
		}
		return new HttpComponentsRequestFactories();
	}

	@Override
	public ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		CloseableHttpClient client = this.clients.computeIfAbsent(connectTimeout,
				HttpComponentsRequestFactories::client);
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
		factory.setReadTimeout(readTimeout);
		return factory;
	}

	private static CloseableHttpClient client(Duration connectTimeout) {
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(connectTimeout))
			.setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
			.build();
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(connection)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.setMaxConnTotal(MAX_CONNECTIONS)
				.build())
			// The Polar client retries by its own settings (attempts, backoff,
			// Retry-After, idempotency); HttpClient's default strategy would retry
			// again underneath it.
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableContentCompression()
			.build();
	}

}
