package com.example.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The README's billing examples as one application: checkout and portal endpoints for the
 * signed-in user, access rules on entitlements, and a checkout and an account page of its
 * own ({@code application-billing.yml}).
 */
@SpringBootApplication
@EnableMethodSecurity
public class BillingApplication {

	public static void main(String[] args) {
		SpringApplication.run(BillingApplication.class, "--spring.profiles.active=billing");
	}

}
