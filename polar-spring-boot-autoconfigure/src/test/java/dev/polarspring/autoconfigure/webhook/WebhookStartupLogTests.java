package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.PolarWebhook;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing silently does nothing: each endpoint says at startup where it is, which secret
 * verifies it and who receives its deliveries, and listeners for Polar events without any
 * endpoint are a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookStartupLogTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PolarWebhookAutoConfiguration.class));

	@Test
	void listenersWithoutAnEndpointAreAWarningNamingThemAndTheSecret(CapturedOutput output) {
		this.runner.withBean(Listeners.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("WARN")
				.contains("The application listens for Polar webhook events (")
				.contains(Listeners.class.getName() + ".on(OrderPaidEvent)")
				.contains(Listeners.class.getName() + ".onAny(PolarWebhookEvent)")
				.contains(Listeners.class.getName() + ".afterCommit(OrderPaidEvent)")
				.contains("but has no webhook endpoint")
				.contains("/polar/webhooks are answered 404")
				.contains("Set polar.webhook.secret")
				.doesNotContain(Listeners.class.getName() + ".onString");
		});
	}

	@Test
	void noListenersAndNoEndpointSaysNothing(CapturedOutput output) {
		this.runner.run((context) -> assertThat(output).doesNotContain("Polar webhook"));
	}

	@Test
	void eachEndpointSaysWhereItIsWhatVerifiesItAndWhoReceivesIt(CapturedOutput output) {
		this.runner.withBean(Listeners.class)
			.withBean(Methods.class)
			.withPropertyValues("polar.webhook.secret=whsec_current", "polar.webhook.previous-secrets=whsec_before",
					"polar.webhook.endpoints.eu.path=/polar/eu", "polar.webhook.endpoints.eu.secret=whsec_eu")
			.run((context) -> {
				assertThat(output).contains("Polar webhook endpoint POST /polar/webhooks: verified with "
						+ "polar.webhook.secret and 1 previous secret; 1 @PolarWebhook method ["
						+ Methods.class.getName()
						+ ".on(OrderPaidEvent)], 3 event listeners; dispatched inline before the answer, deduplicated "
						+ "by InMemoryWebhookDeduplicationStore[ttl=PT24H, maxEntries=100000]")
					.contains("Polar webhook endpoint POST /polar/eu: verified with polar.webhook.endpoints.eu.secret; "
							+ "0 @PolarWebhook methods, 3 event listeners;")
					.doesNotContain("whsec_current")
					.doesNotContain("has no webhook endpoint");
			});
	}

	static class Listeners {

		@EventListener
		void on(OrderPaidEvent event) {
		}

		@EventListener
		void onAny(PolarWebhookEvent event) {
		}

		@TransactionalEventListener(fallbackExecution = true)
		void afterCommit(OrderPaidEvent event) {
		}

		@EventListener
		void onString(String event) {
		}

	}

	static class Methods {

		@PolarWebhook
		void on(OrderPaidEvent event) {
		}

	}

}
