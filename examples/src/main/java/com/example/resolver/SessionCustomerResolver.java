package com.example.resolver;

// tag::resolver[]
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarCustomer;
import dev.polarspring.boot.billing.PolarCustomerResolver;

/** The signed-in user as the application's own session keeps them. */
@Component
public class SessionCustomerResolver implements PolarCustomerResolver {

	@Override
	public Optional<PolarCustomer> resolve(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute("userId") instanceof String userId)) {
			return Optional.empty();
		}
		// The email fills in a new customer's checkout
		String email = (session.getAttribute("email") instanceof String text) ? text : null;
		return Optional.of(PolarCustomer.of(userId).withEmail(email));
	}

}
// end::resolver[]
