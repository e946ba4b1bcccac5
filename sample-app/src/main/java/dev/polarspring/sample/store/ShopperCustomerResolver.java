package dev.polarspring.sample.store;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarCustomer;
import dev.polarspring.boot.billing.PolarCustomerResolver;

/**
 * Tells the starter's checkout and portal endpoints who is shopping: the session's guest
 * ({@link Shopper}), whose id becomes Polar's {@code external_customer_id}, with the
 * email they paid with before, so the checkout starts with it. A store with sign-in would
 * return its user id and email here (or, with Spring Security, define nothing: the
 * principal's name is the default).
 */
@Component
class ShopperCustomerResolver implements PolarCustomerResolver {

	private final ShopperEmails emails;

	ShopperCustomerResolver(ShopperEmails emails) {
		this.emails = emails;
	}

	@Override
	public Optional<PolarCustomer> resolve(HttpServletRequest request) {
		String shopperId = Shopper.id(request.getSession());
		return Optional.of(PolarCustomer.of(shopperId).withEmail(this.emails.of(shopperId).orElse(null)));
	}

	@Override
	public String toString() {
		return "ShopperCustomerResolver[session guest]";
	}

}
