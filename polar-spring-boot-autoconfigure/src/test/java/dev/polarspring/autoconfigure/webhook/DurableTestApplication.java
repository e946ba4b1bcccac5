package dev.polarspring.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;

import dev.polarspring.boot.webhook.inbox.MicrometerWebhookInboxMetrics;
import dev.polarspring.boot.webhook.inbox.WebhookInboxMetrics;
import dev.polarspring.boot.webhook.inbox.WebhookInboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A web application with the starter in durable mode, the {@link InboxListener} and a
 * meter registry; its inbox gauges are read on every scrape so tests see each change at
 * once.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class DurableTestApplication {

	/**
	 * The properties every durable test application runs with, short delays included; the
	 * database and the secret come from each test.
	 */
	static final String[] PROPERTIES = { "polar.webhook.secret=" + TestDeliveries.SECRET,
			"polar.webhook.processing=durable", "polar.webhook.inbox.initialize-schema=always",
			"polar.webhook.inbox.poll-interval=100ms", "polar.webhook.inbox.max-attempts=3",
			"polar.webhook.inbox.initial-delay=100ms", "polar.webhook.inbox.max-delay=200ms",
			"management.endpoints.web.exposure.include=polarwebhooks", "spring.datasource.username=postgres",
			"spring.datasource.password=postgres", "spring.datasource.hikari.maximum-pool-size=5" };

	/**
	 * Adds {@link #PROPERTIES} to a test's properties.
	 * @param registry the test's dynamic properties
	 */
	static void register(DynamicPropertyRegistry registry) {
		for (String property : PROPERTIES) {
			int equals = property.indexOf('=');
			String value = property.substring(equals + 1);
			registry.add(property.substring(0, equals), () -> value);
		}
	}

	@Bean
	InboxListener inboxListener() {
		return new InboxListener();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	WebhookInboxMetrics polarWebhookInboxMetrics(MeterRegistry registry, WebhookInboxStore store) {
		return new MicrometerWebhookInboxMetrics(registry, store, Clock.systemUTC(), Duration.ZERO);
	}

}
