package dev.polarspring.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
	void withoutApacheHttpClientTheProviderSaysWhatToAdd() {
		// A class loader that sees only the JDK, as in an application without
		// httpclient5.
		ClassLoader jdkOnly = new ClassLoader(null) {
		};
		assertThatIllegalStateException().isThrownBy(() -> HttpComponentsRequestFactories.create(jdkOnly))
			.withMessage("RequestFactoryProvider.httpComponents() needs Apache HttpClient 5: add "
					+ "org.apache.httpcomponents.client5:httpclient5 to the application's dependencies, "
					+ "or use RequestFactoryProvider.jdk()");
	}

}
