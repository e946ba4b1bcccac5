package dev.polarspring.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.resource.ProductsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint.MetricDescriptor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * In an application with Actuator, Polar calls appear under {@code /actuator/metrics} as
 * {@code polar.client.requests}, tagged by operation and outcome.
 */
@SpringBootTest(properties = "management.endpoints.web.exposure.include=metrics")
class PolarClientMetricsTests {

	private static final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		polar.start();
		polar.stubFor(get(urlPathEqualTo("/v1/products/missing")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"ResourceNotFound\",\"detail\":\"Not found\"}")));
	}

	@Autowired
	private ProductsClient products;

	@Autowired
	private MetricsEndpoint metrics;

	@DynamicPropertySource
	static void polarProperties(DynamicPropertyRegistry registry) {
		registry.add("polar.access-token", () -> "polar_oat_metrics");
		registry.add("polar.base-url", polar::baseUrl);
	}

	@AfterAll
	static void stopPolar() {
		polar.stop();
	}

	@Test
	void callsAreTimedByOperationAndOutcome() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.products.get("missing"));
		MetricDescriptor descriptor = this.metrics.metric("polar.client.requests", null);
		assertThat(descriptor).isNotNull();
		assertThat(descriptor.getAvailableTags()).anySatisfy((tag) -> {
			assertThat(tag.getTag()).isEqualTo("polar.operation");
			assertThat(tag.getValues()).contains("products:get");
		});
		assertThat(descriptor.getAvailableTags()).anySatisfy((tag) -> {
			assertThat(tag.getTag()).isEqualTo("status");
			assertThat(tag.getValues()).contains("404");
		});
	}

	// No component scan: the other test applications in sub-packages bring beans of their
	// own.
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MetricsApplication {

	}

}
