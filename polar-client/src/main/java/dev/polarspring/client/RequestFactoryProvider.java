package dev.polarspring.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * Creates the request factories the client sends through, one per read timeout: the
 * client's own, and one for each distinct timeout given in {@link RequestOptions} (each
 * created once and kept).
 *
 * <p>
 * The default sends through the JDK's {@link HttpClient}, one client shared by every read
 * timeout. {@link #httpComponents()} sends through Apache HttpClient 5 instead, on the
 * calling thread: on large answers (a page of 100 rich products is about 700 KB) the
 * exchange costs a fraction of the JDK client's, which hands every 16 KB of the body from
 * its selector thread to the reading thread (see {@code benchmarks/README.md}). Spring
 * Boot's auto-configuration provides one built from Boot's
 * {@code ClientHttpRequestFactoryBuilder}, so SSL bundles and
 * {@code spring.http.clients.*} settings apply.
 */
@FunctionalInterface
public interface RequestFactoryProvider {

	/**
	 * Creates a request factory.
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 * @return the request factory
	 */
	ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout);

	/**
	 * Returns a provider backed by the JDK's {@link HttpClient}. Request factories it
	 * creates for the same connect timeout share one {@code HttpClient}, and so its
	 * connection pool.
	 * @return a new provider
	 */
	static RequestFactoryProvider jdk() {
		Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
		return (connectTimeout, readTimeout) -> {
			HttpClient client = clients.computeIfAbsent(connectTimeout,
					(timeout) -> HttpClient.newBuilder().connectTimeout(timeout).build());
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
			factory.setReadTimeout(readTimeout);
			return factory;
		};
	}

	/**
	 * Returns a provider backed by Apache HttpClient 5
	 * ({@code org.apache.httpcomponents.client5:httpclient5}, which the application
	 * brings). Request factories it creates for the same connect timeout share one pooled
	 * client. The client leaves retries to the Polar client's own retry settings; it
	 * follows no redirects and keeps no cookies, as the JDK's {@link HttpClient} does by
	 * default, and asks for gzip answers and decompresses them, as Spring's
	 * {@link JdkClientHttpRequestFactory} does.
	 * @return a new provider
	 * @throws IllegalStateException if Apache HttpClient 5 is not on the classpath
	 */
	static RequestFactoryProvider httpComponents() {
		// Checked before HttpComponentsRequestFactories is loaded: loading it needs
		// Apache HttpClient's types.
		if (!ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients",
				RequestFactoryProvider.class.getClassLoader())) {
			throw new IllegalStateException("RequestFactoryProvider.httpComponents() needs Apache HttpClient 5: add "
					+ "org.apache.httpcomponents.client5:httpclient5 to the application's dependencies, "
					+ "or use RequestFactoryProvider.jdk()");
		}
		return new HttpComponentsRequestFactories();
	}

}
