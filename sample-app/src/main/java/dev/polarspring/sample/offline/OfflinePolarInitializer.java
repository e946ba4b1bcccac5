package dev.polarspring.sample.offline;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

import dev.polarspring.test.FakePolar;
import dev.polarspring.test.PolarWebhookTestClient;

/**
 * Hands the offline fake Polar to the application: a bean (so tests can reach it),
 * stopped with the application, and sending its webhooks to the application's own
 * endpoint once the web server has a port, signed with the application's secret, just as
 * Polar would.
 */
final class OfflinePolarInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(OfflinePolarInitializer.class);

	private final FakePolar fake;

	private final String secret;

	OfflinePolarInitializer(FakePolar fake, String secret) {
		this.fake = fake;
		this.secret = secret;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().registerSingleton("fakePolar", this.fake);
		context.addApplicationListener(new Lifecycle(context));
	}

	private final class Lifecycle implements ApplicationListener<ApplicationEvent> {

		private final ConfigurableApplicationContext context;

		Lifecycle(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context) {
				OfflinePolarInitializer.this.fake.close();
			}
			else if (event instanceof WebServerInitializedEvent initialized
					&& initialized.getApplicationContext() == this.context) {
				Environment environment = this.context.getEnvironment();
				String store = "http://localhost:" + initialized.getWebServer().getPort()
						+ environment.getProperty("server.servlet.context-path", "");
				URI endpoint = URI.create(store + environment.getProperty("polar.webhook.path", "/polar/webhooks"));
				OfflinePolarInitializer.this.fake
					.deliverWebhooksTo(PolarWebhookTestClient.to(endpoint, OfflinePolarInitializer.this.secret));
				logger.info(
						"Offline store ready: open " + store + "/ (the fake Polar's webhooks go to " + endpoint + ")");
			}
		}

	}

}
