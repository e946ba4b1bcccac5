package dev.polarspring.boot.billing;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The default {@link PolarCustomerResolver} with Spring Security: the authenticated
 * principal's name ({@link Authentication#getName()}) is the customer's
 * {@code external_customer_id}; anonymous requests have no customer. Applications whose
 * principal name is not a stable user id (an email that can change, say) define their own
 * resolver.
 */
public final class SpringSecurityCustomerResolver implements PolarCustomerResolver {

	private final SecurityContextHolderStrategy securityContext;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Creates a resolver reading Spring Security's context holder.
	 */
	public SpringSecurityCustomerResolver() {
		this(SecurityContextHolder.getContextHolderStrategy());
	}

	/**
	 * Creates a resolver reading the given context holder strategy.
	 * @param securityContext where the current authentication is
	 */
	public SpringSecurityCustomerResolver(SecurityContextHolderStrategy securityContext) {
		this.securityContext = securityContext;
	}

	@Override
	public Optional<PolarCustomer> resolve(HttpServletRequest request) {
		Authentication authentication = this.securityContext.getContext().getAuthentication();
		if (!this.trustResolver.isAuthenticated(authentication)) {
			return Optional.empty();
		}
		String name = authentication.getName();
		return (name != null && !name.isBlank()) ? Optional.of(PolarCustomer.of(name)) : Optional.empty();
	}

	@Override
	public String toString() {
		return "SpringSecurityCustomerResolver[principal name]";
	}

}
