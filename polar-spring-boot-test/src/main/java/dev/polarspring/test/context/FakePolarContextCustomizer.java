package dev.polarspring.test.context;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import dev.polarspring.test.FakePolar;
import dev.polarspring.test.PolarWebhookTestClient;

/**
 * Starts a {@link FakePolar} for one application context: registers it as a bean, puts
 * {@code polar.base-url} and a dummy {@code polar.access-token} first among the context's
 * properties, stops the fake when the context closes, and sends the fake's webhooks to
 * the application: to its port, or through its MockMvc in a mock web environment.
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
		context.addApplicationListener(new FakePolarLifecycle(fake, context, this.deliverWebhooks,
				ClassUtils.isPresent(WEB_SERVER_EVENT, context.getClassLoader())));
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
	 * Stops the fake with its context and points the fake's webhooks at the application's
	 * endpoint: its port once the web server has one; else, once the context is
	 * refreshed, its {@code MockMvc} bean; else nowhere, so that a payment fails saying
	 * how to get deliveries rather than sending nothing. An application without a webhook
	 * secret has no endpoint, and the fake only records its webhooks. Typed on
	 * {@link ApplicationEvent} so that it loads without Spring Boot's web server module.
	 */
	private static final class FakePolarLifecycle implements ApplicationListener<ApplicationEvent> {

		private static final String MOCK_MVC = "org.springframework.test.web.servlet.MockMvc";

		private static final String SERVLET = "jakarta.servlet.Servlet";

		private final FakePolar fake;

		private final ConfigurableApplicationContext context;

		private final boolean deliverWebhooks;

		private final boolean webServerSupport;

		private volatile boolean deliveringToPort;

		FakePolarLifecycle(FakePolar fake, ConfigurableApplicationContext context, boolean deliverWebhooks,
				boolean webServerSupport) {
			this.fake = fake;
			this.context = context;
			this.deliverWebhooks = deliverWebhooks;
			this.webServerSupport = webServerSupport;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context) {
				this.fake.close();
			}
			else if (this.deliverWebhooks) {
				if (this.webServerSupport) {
					deliverWebhooksOnceServing(event);
				}
				if (event instanceof ContextRefreshedEvent refreshed
						&& refreshed.getApplicationContext() == this.context && !this.deliveringToPort) {
					deliverWebhooksWithoutPort();
				}
			}
		}

		private void deliverWebhooksOnceServing(ApplicationEvent event) {
			if (event instanceof WebServerInitializedEvent initialized
					&& initialized.getApplicationContext() == this.context) {
				String secret = secret();
				if (secret == null) {
					return;
				}
				ConfigurableEnvironment environment = this.context.getEnvironment();
				String contextPath = environment.getProperty("server.servlet.context-path", "");
				URI endpoint = URI
					.create("http://localhost:" + initialized.getWebServer().getPort() + contextPath + path());
				this.fake.deliverWebhooksTo(PolarWebhookTestClient.to(endpoint, secret));
				this.deliveringToPort = true;
			}
		}

		private void deliverWebhooksWithoutPort() {
			String secret = secret();
			if (secret == null) {
				return;
			}
			if (this.context instanceof WebApplicationContext) {
				ClassLoader classLoader = this.context.getClassLoader();
				PolarWebhookTestClient mockMvc = (ClassUtils.isPresent(MOCK_MVC, classLoader)
						&& ClassUtils.isPresent(SERVLET, classLoader))
								? MockMvcDeliveries.client(this.context, path(), secret) : null;
				this.fake.deliverWebhooksTo((mockMvc != null) ? mockMvc : PolarWebhookTestClient.unreachable(
						"The test's application runs in a mock web environment (no port) and has no MockMvc bean. "
								+ "Add @AutoConfigureMockMvc to the test class (the fake then delivers through MockMvc), "
								+ "run it on a port with @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT), "
								+ "or call fakePolar.deliverWebhooksTo(PolarWebhookTestClient.mockMvc(mockMvc, secret)) "
								+ "before paying. @AutoConfigureFakePolar(deliverWebhooks = false) records webhooks "
								+ "without sending them."));
			}
			else {
				this.fake.deliverWebhooksTo(PolarWebhookTestClient.unreachable(
						"The test's application is not a web application (webEnvironment = NONE), so it has no webhook "
								+ "endpoint. Run it on a port with @SpringBootTest(webEnvironment = "
								+ "WebEnvironment.RANDOM_PORT), or in a mock web environment with @AutoConfigureMockMvc; "
								+ "@AutoConfigureFakePolar(deliverWebhooks = false) records webhooks without sending "
								+ "them."));
			}
		}

		private @Nullable String secret() {
			String secret = this.context.getEnvironment().getProperty("polar.webhook.secret");
			return (secret == null || secret.isBlank()) ? null : secret;
		}

		private String path() {
			return this.context.getEnvironment().getProperty("polar.webhook.path", PolarWebhookTestClient.DEFAULT_PATH);
		}

	}

	/**
	 * Looks up the application's {@code MockMvc}; loaded only when MockMvc and the
	 * Servlet API are on the class path.
	 */
	private static final class MockMvcDeliveries {

		static @Nullable PolarWebhookTestClient client(ConfigurableApplicationContext context, String path,
				String secret) {
			MockMvc mockMvc = context.getBeanProvider(MockMvc.class).getIfUnique();
			return (mockMvc != null) ? PolarWebhookTestClient.mockMvc(mockMvc, path, secret) : null;
		}

	}

}
