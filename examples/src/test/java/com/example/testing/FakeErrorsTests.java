package com.example.testing;

// tag::errors[]
import java.time.Duration;

// end::errors[]
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.model.CustomerSessionCustomerExternalIDCreate;
// tag::errors[]
import dev.polarspring.test.FakeError;
import dev.polarspring.test.FakePolar;
// end::errors[]

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's errors on demand, each seen by the client as Polar's would be.
 */
class FakeErrorsTests {

	static final FakePolar fake = FakePolar.start();

	// Retries without waiting, so that the test need not wait for the backoff.
	final PolarClient polar = PolarClient.builder()
		.baseUrl(fake.baseUrl())
		.accessToken(FakePolar.ACCESS_TOKEN)
		.sleeper((duration) -> {
		})
		.build();

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void errorsOnDemand() {
		String productId = fake.product("Pro Plan").id();
		// tag::errors[]

		// The next call only
		fake.failNext("GET /v1/products/{id}", FakeError.notFound());
		// Two 503s, then the usual answer
		fake.failNext(2, "GET /v1/products/", FakeError.serverError(503));
		// 429 with Retry-After: 30, until reset
		fake.fail("POST /v1/checkouts/", FakeError.rateLimited(Duration.ofSeconds(30)));
		// 422 with Polar's validation error
		fake.fail("POST /v1/customer-sessions/",
				FakeError.validation("Field required", "missing", "body", "external_customer_id"));
		// Any JSON of your own
		fake.respond("GET /v1/orders/", 200, "{\"items\": [], \"pagination\": {\"total_count\": 0, \"max_page\": 1}}");
		// end::errors[]

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.polar.products().get(productId));
		assertThat(this.polar.products().get(productId).name()).isEqualTo("Pro Plan");
		// The client's three attempts see two 503s and the products.
		assertThat(this.polar.products().list().items()).hasSize(3);
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.polar.checkouts()
				.create(CheckoutProductsCreate.builder().products(List.of(productId)).build()))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(30)));
		assertThatExceptionOfType(UnprocessableEntityException.class)
			.isThrownBy(() -> this.polar.customerSessions()
				.create(CustomerSessionCustomerExternalIDCreate.builder().externalCustomerId("user-42").build()))
			.satisfies((ex) -> assertThat(ex.getValidationErrors()).singleElement()
				.satisfies((error) -> assertThat(error.msg()).isEqualTo("Field required")));
		assertThat(this.polar.orders().list().items()).isEmpty();

		fake.reset();
		assertThat(this.polar.orders().list().items()).isEmpty();
		assertThat(this.polar.checkouts()
			.create(CheckoutProductsCreate.builder().products(List.of(productId)).build())
			.url()).startsWith(fake.baseUrl());
	}

}
