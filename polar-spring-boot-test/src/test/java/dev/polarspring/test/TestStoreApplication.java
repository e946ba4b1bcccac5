package dev.polarspring.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the Spring tests of this module run: the starter with its default
 * webhook endpoint ({@code polar.webhook.secret} in {@code application.properties}) and
 * {@link ReceivedWebhookEvents}.
 */
@SpringBootApplication
class TestStoreApplication {

}
