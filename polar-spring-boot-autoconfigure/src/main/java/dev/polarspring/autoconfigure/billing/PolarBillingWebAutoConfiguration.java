package dev.polarspring.autoconfigure.billing;

import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.boot.billing.PolarAuthorization;
import dev.polarspring.boot.billing.PolarCheckoutEndpoint;
import dev.polarspring.boot.billing.PolarCheckouts;
import dev.polarspring.boot.billing.PolarCustomerPortal;
import dev.polarspring.boot.billing.PolarCustomerResolver;
import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.boot.billing.PolarPortalEndpoint;
import dev.polarspring.boot.billing.SpringSecurityCustomerResolver;
import dev.polarspring.boot.billing.UnconfiguredCustomerResolver;

/**
 * Auto-configuration of billing in a servlet web application: who the customer is
 * ({@link PolarCustomerResolver}: Spring Security's principal, or a bean of the
 * application), the checkout endpoint ({@code polar.checkout.enabled}) and the customer
 * portal endpoint ({@code polar.portal.enabled}), and {@link PolarAuthorization} with
 * Spring Security.
 *
 * <p>
 * The endpoints are plain handlers mapped ahead of the application's controllers, at
 * {@code polar.checkout.path} and {@code polar.portal.path}. Spring Security's rules of
 * the application apply to them like to any other path: require authentication there to
 * send signed-out users to the login page, which then brings them back.
 */
@AutoConfiguration(after = PolarBillingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(PolarCheckouts.class)
public final class PolarBillingWebAutoConfiguration {

	/**
	 * Order of the endpoints' mappings: after the webhook endpoints' and before the
	 * request mappings of controllers.
	 */
	static final int ORDER = -100;

	@Bean
	@ConditionalOnMissingBean
	PolarCustomerResolver polarUnconfiguredCustomerResolver() {
		return new UnconfiguredCustomerResolver();
	}

	@Bean
	@ConditionalOnBooleanProperty("polar.checkout.enabled")
	SimpleUrlHandlerMapping polarCheckoutHandlerMapping(PolarCheckoutProperties properties, PolarCheckouts checkouts,
			PolarCustomerResolver customers) {
		return new SimpleUrlHandlerMapping(Map.of(properties.getPath(),
				new PolarCheckoutEndpoint(checkouts, customers, properties.getAllowedOrigins())), ORDER);
	}

	@Bean
	@ConditionalOnBooleanProperty("polar.portal.enabled")
	SimpleUrlHandlerMapping polarPortalHandlerMapping(PolarPortalProperties properties, PolarCustomerPortal portal,
			PolarCustomerResolver customers) {
		return new SimpleUrlHandlerMapping(Map.of(properties.getPath(),
				new PolarPortalEndpoint(portal, customers, properties.getAllowedOrigins())), ORDER);
	}

	/**
	 * With Spring Security: the principal's name is the customer, and access rules on
	 * entitlements. Declared before the outer class's beans, so its resolver is the
	 * default one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SecurityContextHolder.class, RequestAuthorizationContext.class })
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PolarCustomerResolver polarCustomerResolver() {
			return new SpringSecurityCustomerResolver();
		}

		@Bean
		@ConditionalOnMissingBean
		PolarAuthorization polarAuthorization(PolarEntitlements entitlements, PolarAliases aliases,
				PolarCustomerResolver customers) {
			return new PolarAuthorization(entitlements, aliases, customers);
		}

	}

}
