package dev.polarspring.autoconfigure;

import java.time.Duration;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.util.ClassUtils;

/**
 * Adjusts Spring Boot's Apache HttpClient builder, when it is the one the application
 * uses, for the Polar client's own HTTP client (the application's other clients keep
 * Boot's): no retries of its own, since the Polar client retries by its settings and
 * Apache HttpClient's default strategy would retry 429 and 503 answers again underneath
 * it; a pool as large as the one {@code RequestFactoryProvider.httpComponents()} makes,
 * since every call to Polar shares one route and the default of 5 connections a route
 * would make the sixth concurrent call wait; and, as there, no longer a wait for a pooled
 * connection than the connect timeout.
 */
final class PolarHttpComponents {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.apache.hc.client5.http.impl.classic.HttpClientBuilder", PolarHttpComponents.class.getClassLoader());

	private static final int MAX_CONNECTIONS = 50;

	private PolarHttpComponents() {
	}

	/**
	 * Returns the builder to build the Polar client's request factories with.
	 * @param builder the application's builder (configured or detected)
	 * @param connectTimeout the connect timeout of the factories it builds
	 * @return the same builder, adjusted if it builds Apache HttpClient factories
	 */
	static ClientHttpRequestFactoryBuilder<?> forPolar(ClientHttpRequestFactoryBuilder<?> builder,
			Duration connectTimeout) {
		// The types below are only loaded where Apache HttpClient is on the classpath.
		return PRESENT ? Adjustments.apply(builder, connectTimeout) : builder;
	}

	private static final class Adjustments {

		static ClientHttpRequestFactoryBuilder<?> apply(ClientHttpRequestFactoryBuilder<?> builder,
				Duration connectTimeout) {
			if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
				return httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
					.withConnectionManagerCustomizer(
							(pool) -> pool.setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS))
					// A call waits for a free pooled connection no longer than it would
					// for a new one (Apache HttpClient's default is 3 minutes).
					.withDefaultRequestConfigCustomizer(
							(config) -> config.setConnectionRequestTimeout(Timeout.of(connectTimeout)));
			}
			return builder;
		}

	}

}
