package dev.polarspring.boot.billing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PolarCustomerResolver} of an application without Spring Security and without
 * a resolver of its own: nobody is ever signed in, so the checkout and portal endpoints
 * answer 401. The first time it is asked, it logs which bean to define.
 */
public final class UnconfiguredCustomerResolver implements PolarCustomerResolver {

	private static final Logger logger = LoggerFactory.getLogger(UnconfiguredCustomerResolver.class);

	private final AtomicBoolean warned = new AtomicBoolean();

	@Override
	public Optional<PolarCustomer> resolve(HttpServletRequest request) {
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("{} was answered 401: nothing tells who the signed-in user is. Define a PolarCustomerResolver "
					+ "bean that returns the user's id (it becomes Polar's external_customer_id), or add Spring "
					+ "Security, whose authenticated principal's name is then used.", request.getRequestURI());
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "UnconfiguredCustomerResolver[nobody]";
	}

}
