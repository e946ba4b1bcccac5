package dev.polarspring.sample.store;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarCustomer;
import dev.polarspring.boot.billing.PolarCustomerResolver;

/**
 * Tells the starter's checkout and portal endpoints who is shopping: the session's guest
 * ({@link Shopper}), whose id becomes Polar's {@code external_customer_id}. A store with
 * sign-in would return its user id here (or, with Spring Security, define nothing: the
 * principal's name is the default).
 */
@Component
class ShopperCustomerResolver implements PolarCustomerResolver {

	@Override
	public Optional<PolarCustomer> resolve(HttpServletRequest request) {
		return Optional.of(PolarCustomer.of(Shopper.id(request.getSession())));
	}

	@Override
	public String toString() {
		return "ShopperCustomerResolver[session guest]";
	}

}
