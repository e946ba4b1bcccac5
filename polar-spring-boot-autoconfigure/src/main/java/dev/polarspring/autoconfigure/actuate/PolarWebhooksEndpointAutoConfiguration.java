package dev.polarspring.autoconfigure.actuate;

import java.time.Clock;

import dev.polarspring.autoconfigure.webhook.PolarWebhookInboxAutoConfiguration;
import dev.polarspring.boot.webhook.inbox.PolarWebhooksEndpoint;
import dev.polarspring.boot.webhook.inbox.WebhookInboxStore;
import dev.polarspring.boot.webhook.inbox.WebhookInboxWorker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code polarwebhooks} actuator endpoint ({@link PolarWebhooksEndpoint}) of durable
 * webhook processing, when the application has the inbox and exposes the endpoint
 * ({@code management.endpoints.web.exposure.include=polarwebhooks}).
 */
@AutoConfiguration(after = PolarWebhookInboxAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(WebhookInboxStore.class)
@ConditionalOnAvailableEndpoint(PolarWebhooksEndpoint.class)
public final class PolarWebhooksEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PolarWebhooksEndpoint polarWebhooksEndpoint(WebhookInboxStore store, ObjectProvider<Clock> clock,
			ObjectProvider<WebhookInboxWorker> worker) {
		return new PolarWebhooksEndpoint(store, clock.getIfUnique(Clock::systemUTC),
				() -> worker.ifAvailable(WebhookInboxWorker::wakeUp));
	}

}
