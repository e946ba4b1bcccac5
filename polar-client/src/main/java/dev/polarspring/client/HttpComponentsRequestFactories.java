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

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * {@link RequestFactoryProvider#httpComponents()}: one pooled Apache HttpClient per
 * connect timeout, each request factory setting its own read timeout. A class of its own
 * so that Apache HttpClient's classes are loaded only by applications that choose it.
 */
final class HttpComponentsRequestFactories implements RequestFactoryProvider {

	// Calls to one Polar server share a route: the pool's default of 5 connections a
	// route would make the sixth concurrent call wait for a connection. (The starter's
	// PolarHttpComponents gives Boot's Apache HttpClient the same.)
	private static final int MAX_CONNECTIONS = 50;

	// A pooled connection idle this long is checked before it is reused, so that one
	// the server closed meanwhile is not handed to a request.
	private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

	private final Map<Duration, CloseableHttpClient> clients = new ConcurrentHashMap<>();

	/**
	 * Creates the provider; {@link RequestFactoryProvider#httpComponents()} has checked
	 * that Apache HttpClient is there (this class names its types in its methods, so the
	 * JVM needs them to load it).
	 */
	HttpComponentsRequestFactories() {
	}

	@Override
	public ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
		CloseableHttpClient client = this.clients.computeIfAbsent(connectTimeout,
				HttpComponentsRequestFactories::client);
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
		factory.setReadTimeout(readTimeout);
		// A call waits for a free pooled connection no longer than it would for a new
		// one (Apache HttpClient's default is 3 minutes); then it was not sent.
		factory.setConnectionRequestTimeout(connectTimeout);
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
			.build();
	}

}
