package dev.polarspring.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link RequestFactoryProvider#httpComponents()} creates; the requests it sends are
 * in {@code HttpComponentsTransportTests}.
 */
class RequestFactoryProviderTests {

	@Test
	void factoriesForOneConnectTimeoutShareOnePooledClient() {
		RequestFactoryProvider provider = RequestFactoryProvider.httpComponents();
		HttpComponentsClientHttpRequestFactory first = (HttpComponentsClientHttpRequestFactory) provider
			.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(30));
		HttpComponentsClientHttpRequestFactory longerRead = (HttpComponentsClientHttpRequestFactory) provider
			.requestFactory(Duration.ofSeconds(5), Duration.ofSeconds(120));
		HttpComponentsClientHttpRequestFactory otherConnect = (HttpComponentsClientHttpRequestFactory) provider
			.requestFactory(Duration.ofSeconds(1), Duration.ofSeconds(30));
		assertThat(longerRead).isNotSameAs(first);
		assertThat(longerRead.getHttpClient()).isSameAs(first.getHttpClient());
		assertThat(otherConnect.getHttpClient()).isNotSameAs(first.getHttpClient());
	}

	@Test
	void withoutApacheHttpClientTheProviderSaysWhatToAdd() throws Exception {
		// The client's classes and what they need, as in an application without
		// httpclient5: loaded by a class loader that cannot see Apache HttpClient.
		URL[] classpath = Stream
			.of(RequestFactoryProvider.class, ClientHttpRequestFactory.class, ClassUtils.class, LogFactory.class)
			.map((type) -> type.getProtectionDomain().getCodeSource().getLocation())
			.toArray(URL[]::new);
		try (URLClassLoader application = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> Class.forName("org.apache.hc.client5.http.classic.HttpClient", false, application));
			Method httpComponents = Class.forName(RequestFactoryProvider.class.getName(), true, application)
				.getMethod("httpComponents");
			assertThatExceptionOfType(InvocationTargetException.class).isThrownBy(() -> httpComponents.invoke(null))
				.havingCause()
				.isInstanceOf(IllegalStateException.class)
				.withMessage("RequestFactoryProvider.httpComponents() needs Apache HttpClient 5: add "
						+ "org.apache.httpcomponents.client5:httpclient5 to the application's dependencies, "
						+ "or use RequestFactoryProvider.jdk()");
		}
	}

}
