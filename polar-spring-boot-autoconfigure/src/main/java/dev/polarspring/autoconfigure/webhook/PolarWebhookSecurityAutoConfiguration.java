package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.PolarWebhookHandlerMapping;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Lets Polar's deliveries through Spring Security: a security filter chain that matches
 * the webhook endpoints only and permits their requests without a session, a login or a
 * CSRF token. The signature is what authenticates a delivery, and the endpoint checks it
 * before anything else; every other request keeps the application's own security.
 *
 * <p>
 * The chain is ordered first and matches nothing but the webhook paths. It is added after
 * Spring Boot decided on its default security, so the default login-protected chain stays
 * in place for the rest of the application. To protect the endpoints further (an IP allow
 * list, say), set {@code polar.webhook.security.permit-deliveries=false} and declare your
 * own chain for them, remembering CSRF: Polar sends no token.
 */
@AutoConfiguration(after = PolarWebhookAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
@ConditionalOnBean({ PolarWebhookHandlerMapping.class, HttpSecurity.class })
@ConditionalOnBooleanProperty(name = "polar.webhook.security.permit-deliveries", matchIfMissing = true)
public final class PolarWebhookSecurityAutoConfiguration {

	/**
	 * Order of the chain: ahead of every chain of the application, so its catch-all rules
	 * never see a delivery.
	 */
	static final int ORDER = Integer.MIN_VALUE + 100;

	@Bean
	@Order(ORDER)
	@ConditionalOnMissingBean(name = "polarWebhookSecurityFilterChain")
	SecurityFilterChain polarWebhookSecurityFilterChain(HttpSecurity http, PolarWebhookHandlerMapping webhooks)
			throws Exception {
		return http.securityMatcher(webhooks::matches)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.build();
	}

}
