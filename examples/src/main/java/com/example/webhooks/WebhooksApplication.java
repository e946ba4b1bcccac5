package com.example.webhooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's webhook examples as one application: listeners, a {@code @PolarWebhook}
 * method on a second endpoint, and a security chain of its own for the endpoints
 * ({@code application-webhooks.yml}).
 */
@SpringBootApplication
public class WebhooksApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebhooksApplication.class, "--spring.profiles.active=webhooks");
	}

}
