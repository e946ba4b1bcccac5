package dev.polarspring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.error.InternalServerException;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Polar client in an application that has Apache HttpClient 5 on its classpath (run
 * by the {@code http-components-tests} execution, the only one with it): Boot detects it,
 * and the Polar client's own HTTP client makes no retries of its own.
 */
class PolarClientHttpComponentsTests {

	private static final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		polar.start();
	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				PolarAutoConfiguration.class))
		.withPropertyValues("polar.access-token=polar_oat_httpcomponents", "polar.base-url=" + polar.baseUrl(),
				"polar.retry.max-attempts=2", "polar.retry.initial-delay=1ms", "polar.retry.max-delay=1ms");

	@BeforeEach
	void resetPolar() {
		polar.resetAll();
		polar.stubFor(get(urlEqualTo("/v1/products/down")).willReturn(aResponse().withStatus(503)));
	}

	@AfterAll
	static void stopPolar() {
		polar.stop();
	}

	@Test
	void aFailingCallIsTriedAsOftenAsThePolarRetrySettingsSay() {
		this.contextRunner.run((context) -> {
			PolarClient client = context.getBean(PolarClient.class);
			assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> client.products().get("down"));
			// Two attempts, each sent once: without the adjustment, Apache HttpClient
			// resends each 503 once itself (four requests). The JDK's client, which
			// never retries, would send two as well; the other test shows that Boot
			// chose Apache HttpClient here.
			polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/down")));
		});
	}

	@Test
	void aCallWaitsForAPooledConnectionNoLongerThanTheConnectTimeout() {
		ClientHttpRequestFactory factory = PolarHttpComponents
			.forPolar(ClientHttpRequestFactoryBuilder.detect(), Duration.ofSeconds(4))
			.build(HttpClientSettings.defaults());
		HttpClient client = ((HttpComponentsClientHttpRequestFactory) factory).getHttpClient();
		assertThat(((Configurable) client).getConfig().getConnectionRequestTimeout()).isEqualTo(Timeout.ofSeconds(4));
		// Boot's own, for the application's other clients: Apache HttpClient's default.
		HttpClient others = ((HttpComponentsClientHttpRequestFactory) ClientHttpRequestFactoryBuilder.detect()
			.build(HttpClientSettings.defaults())).getHttpClient();
		assertThat(((Configurable) others).getConfig().getConnectionRequestTimeout()).isEqualTo(Timeout.ofMinutes(3));
	}

	@Test
	void theApplicationsOtherClientsKeepBootsApacheHttpClient() {
		this.contextRunner.run((context) -> {
			context.getBean(PolarClient.class);
			RestClient other = context.getBean(RestClient.Builder.class).baseUrl(polar.baseUrl()).build();
			assertThatExceptionOfType(HttpServerErrorException.class)
				.isThrownBy(() -> other.get().uri("/v1/products/down").retrieve().toBodilessEntity());
			// Apache HttpClient's default strategy, untouched: the 503 is sent again
			// once.
			polar.verify(2, getRequestedFor(urlEqualTo("/v1/products/down")));
		});
	}

}
