package com.example.webhooks;

// tag::security[]
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;

@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain polarWebhooks(HttpSecurity http, @Value("${shop.webhook-sources}") String webhookSources)
			throws Exception {
		return http.securityMatcher("/polar/webhooks", "/polar/eu")
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.access(IpAddressAuthorizationManager.hasIpAddress(webhookSources)))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
// end::security[]
