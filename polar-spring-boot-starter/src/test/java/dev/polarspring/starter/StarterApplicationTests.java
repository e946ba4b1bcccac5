package dev.polarspring.starter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.ProductsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Spring Boot application with only the starter and two properties lists products
 * from a (WireMock) Polar.
 */
@SpringBootTest
class StarterApplicationTests {

	private static final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		polar.start();
		polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
					{"items":[{"id":"8b1a7e2c-3f57-4c1a-9a38-1d1f6c2e0a11","created_at":"2026-10-01T10:00:00.123456Z",
					"modified_at":null,"trial_interval":null,"trial_interval_count":null,"name":"Lifetime licence",
					"description":"One payment, every update.","visibility":"public","recurring_interval":null,
					"recurring_interval_count":null,"is_recurring":false,"is_archived":false,
					"organization_id":"3a481fd2-5dd1-4982-aa8b-fa01ae54d496","metadata":{"tier":"gold"},
					"prices":[],"benefits":[],"medias":[],"attached_custom_fields":[]}],
					"pagination":{"total_count":1,"max_page":1}}""")));
	}

	@Autowired
	private ProductsClient products;

	@DynamicPropertySource
	static void polarProperties(DynamicPropertyRegistry registry) {
		registry.add("polar.access-token", () -> "polar_oat_starter");
		registry.add("polar.base-url", polar::baseUrl);
	}

	@AfterAll
	static void stopPolar() {
		polar.stop();
	}

	@Test
	void listsProducts() {
		assertThat(this.products.list().items()).extracting(Product::name).containsExactly("Lifetime licence");
		polar.verify(getRequestedFor(urlPathEqualTo("/v1/products/"))
			.withHeader("Authorization", equalTo("Bearer polar_oat_starter"))
			.withHeader("Polar-Version", equalTo("2026-10")));
	}

	@SpringBootApplication
	static class StoreApplication {

	}

}
