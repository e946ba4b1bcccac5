package com.example.billing;

// tag::security[]
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.polarspring.boot.billing.PolarAuthorization;

// end::security[]
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

// tag::security[]
@Configuration(proxyBeanMethods = false)
class StoreSecurity {

	@Bean
	SecurityFilterChain store(HttpSecurity http, PolarAuthorization polar) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/pro/**")
				.access(polar.hasBenefit("pro"))
				.requestMatchers("/members/**")
				.access(polar.isSubscribed("pro"))
				.requestMatchers("/downloads/starter/**")
				.access(polar.hasPurchased("starter"))
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}
	// end::security[]

	/**
	 * Users of the example; an application has its own. Their names are the customers'
	 * external ids on Polar.
	 */
	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("user-42").password("{noop}example-password").roles("USER").build(),
				User.withUsername("user-7").password("{noop}example-password").roles("USER").build(),
				User.withUsername("user-8").password("{noop}example-password").roles("USER").build());
	}
	// tag::security[]

}
// end::security[]
