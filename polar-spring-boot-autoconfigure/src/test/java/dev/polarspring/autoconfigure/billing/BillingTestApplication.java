package dev.polarspring.autoconfigure.billing;

import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.polarspring.boot.billing.PolarCustomer;
import dev.polarspring.boot.billing.PolarCustomerResolver;

/**
 * A web application with the starter and a customer resolver of its own: the signed-in
 * user is named by the {@code X-User} header, as an application's own session would.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BillingTestApplication {

	static final String USER_HEADER = "X-User";

	@Bean
	PolarCustomerResolver headerCustomerResolver() {
		return (request) -> Optional.ofNullable(request.getHeader(USER_HEADER))
			.map((user) -> PolarCustomer.of(user).withEmail(user + "@example.com"));
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
