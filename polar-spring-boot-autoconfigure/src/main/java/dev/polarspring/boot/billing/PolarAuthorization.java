package dev.polarspring.boot.billing;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Access rules on Polar entitlements for Spring Security's {@code authorizeHttpRequests}:
 *
 * <pre>{@code
 * http.authorizeHttpRequests((requests) -> requests
 *     .requestMatchers("/pro/**").access(polar.hasBenefit("pro"))
 *     .anyRequest().authenticated());
 * }</pre>
 *
 * The customer is the request's {@link PolarCustomerResolver}'s, the same the billing
 * endpoints use; a request without one is denied (so an anonymous user is asked to sign
 * in). Aliases are checked when the rule is built, so a typo fails at startup. A rule
 * whose state cannot be read from Polar fails closed: the exception propagates and
 * nothing is granted.
 */
public final class PolarAuthorization {

	private final PolarEntitlements entitlements;

	private final PolarAliases aliases;

	private final PolarCustomerResolver customers;

	/**
	 * Creates the rules.
	 * @param entitlements the entitlements read
	 * @param aliases the product and benefit aliases
	 * @param customers tells who the request's user is
	 */
	public PolarAuthorization(PolarEntitlements entitlements, PolarAliases aliases, PolarCustomerResolver customers) {
		this.entitlements = entitlements;
		this.aliases = aliases;
		this.customers = customers;
	}

	/**
	 * Grants access to customers a benefit is granted to.
	 * @param benefitIdOrAlias a benefit id or an alias from {@code polar.benefits.*}
	 * @return the rule
	 * @throws UnknownAliasException when the benefit is neither an id nor an alias
	 */
	public AuthorizationManager<RequestAuthorizationContext> hasBenefit(String benefitIdOrAlias) {
		String benefitId = this.aliases.benefitId(benefitIdOrAlias);
		return rule((entitlements) -> entitlements.hasBenefit(benefitId), "hasBenefit(" + benefitIdOrAlias + ")");
	}

	/**
	 * Grants access to customers with an active subscription to a product.
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return the rule
	 * @throws UnknownAliasException when the product is neither an id nor an alias
	 */
	public AuthorizationManager<RequestAuthorizationContext> isSubscribed(String productIdOrAlias) {
		String productId = this.aliases.productId(productIdOrAlias);
		return rule((entitlements) -> entitlements.isSubscribed(productId), "isSubscribed(" + productIdOrAlias + ")");
	}

	/**
	 * Grants access to customers who paid for a product.
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return the rule
	 * @throws UnknownAliasException when the product is neither an id nor an alias
	 */
	public AuthorizationManager<RequestAuthorizationContext> hasPurchased(String productIdOrAlias) {
		String productId = this.aliases.productId(productIdOrAlias);
		return rule((entitlements) -> entitlements.hasPurchased(productId), "hasPurchased(" + productIdOrAlias + ")");
	}

	private AuthorizationManager<RequestAuthorizationContext> rule(Predicate<PolarCustomerEntitlements> test,
			String description) {
		return new EntitlementRule(test, description);
	}

	private final class EntitlementRule implements AuthorizationManager<RequestAuthorizationContext> {

		private final Predicate<PolarCustomerEntitlements> test;

		private final String description;

		EntitlementRule(Predicate<PolarCustomerEntitlements> test, String description) {
			this.test = test;
			this.description = description;
		}

		@Override
		public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
				RequestAuthorizationContext context) {
			boolean granted = PolarAuthorization.this.customers.resolve(context.getRequest())
				.map((customer) -> this.test.test(PolarAuthorization.this.entitlements.of(customer.externalId())))
				.orElse(false);
			return new AuthorizationDecision(granted);
		}

		@Override
		public String toString() {
			return "PolarAuthorization." + this.description;
		}

	}

}
