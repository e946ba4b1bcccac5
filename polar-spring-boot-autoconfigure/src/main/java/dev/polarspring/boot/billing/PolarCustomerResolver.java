package dev.polarspring.boot.billing;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who the current request's user is as a Polar customer, for the checkout and
 * portal endpoints and {@link PolarAuthorization}.
 *
 * <p>
 * With Spring Security the default is {@link SpringSecurityCustomerResolver}: the
 * authenticated principal's name is the {@code external_customer_id}. Without it there is
 * no default ({@link UnconfiguredCustomerResolver}): define a bean of this type, for
 * example one that reads your own session.
 */
@FunctionalInterface
public interface PolarCustomerResolver {

	/**
	 * Returns the request's user as a Polar customer.
	 * @param request the current request
	 * @return the customer, or empty when nobody is signed in
	 */
	Optional<PolarCustomer> resolve(HttpServletRequest request);

}
