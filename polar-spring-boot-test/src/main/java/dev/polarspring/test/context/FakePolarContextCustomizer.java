package dev.polarspring.test.context;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

import dev.polarspring.test.FakePolar;
import dev.polarspring.test.PolarWebhookTestClient;

/**
 * Starts a {@link FakePolar} for one application context: registers it as a bean, puts
 * {@code polar.base-url} and a dummy {@code polar.access-token} first among the context's
 * properties, stops the fake when the context closes, and sends the fake's webhooks to
 * the application once its web server has a port.
 */
final class FakePolarContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "fakePolar";

	private static final String WEB_SERVER_EVENT = "org.springframework.boot.web.server.context.WebServerInitializedEvent";

	private final boolean deliverWebhooks;

	FakePolarContextCustomizer(boolean deliverWebhooks) {
		this.deliverWebhooks = deliverWebhooks;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakePolar fake = FakePolar.start();
		context.getBeanFactory().registerSingleton(BEAN_NAME, fake);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("fakePolar",
					Map.of("polar.base-url", fake.baseUrl(), "polar.access-token", FakePolar.ACCESS_TOKEN)));
		context.addApplicationListener(new FakePolarLifecycle(fake, context,
				this.deliverWebhooks && ClassUtils.isPresent(WEB_SERVER_EVENT, context.getClassLoader())));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FakePolarContextCustomizer customizer
				&& customizer.deliverWebhooks == this.deliverWebhooks;
	}

	@Override
	public int hashCode() {
		return Boolean.hashCode(this.deliverWebhooks);
	}

	/**
	 * Stops the fake with its context and, once the application's web server has a port,
	 * points the fake's webhooks at the application's endpoint. Typed on
	 * {@link ApplicationEvent} so that it loads without Spring Boot's web server module.
	 */
	private static final class FakePolarLifecycle implements ApplicationListener<ApplicationEvent> {

		private final FakePolar fake;

		private final ConfigurableApplicationContext context;

		private final boolean deliverWebhooks;

		FakePolarLifecycle(FakePolar fake, ConfigurableApplicationContext context, boolean deliverWebhooks) {
			this.fake = fake;
			this.context = context;
			this.deliverWebhooks = deliverWebhooks;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context) {
				this.fake.close();
			}
			else if (this.deliverWebhooks) {
				deliverWebhooksOnceServing(event);
			}
		}

		private void deliverWebhooksOnceServing(ApplicationEvent event) {
			if (event instanceof WebServerInitializedEvent initialized
					&& initialized.getApplicationContext() == this.context) {
				ConfigurableEnvironment environment = this.context.getEnvironment();
				String secret = environment.getProperty("polar.webhook.secret");
				if (secret == null || secret.isBlank()) {
					return;
				}
				String contextPath = environment.getProperty("server.servlet.context-path", "");
				String path = environment.getProperty("polar.webhook.path", PolarWebhookTestClient.DEFAULT_PATH);
				URI endpoint = URI
					.create("http://localhost:" + initialized.getWebServer().getPort() + contextPath + path);
				this.fake.deliverWebhooksTo(PolarWebhookTestClient.to(endpoint, secret));
			}
		}

	}

}
