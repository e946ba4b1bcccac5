package dev.polarspring.sample.offline;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import dev.polarspring.test.FakePolar;

/**
 * Decides between Polar's sandbox and offline mode before the application starts, because
 * the starter reads {@code polar.*} at startup.
 *
 * <ul>
 * <li>With {@code polar.access-token} (from {@code POLAR_ACCESS_TOKEN}): the sandbox, and
 * {@code polar.webhook.secret} (from {@code POLAR_WEBHOOK_SECRET}) must be set too, or no
 * purchase would ever be confirmed.
 * <li>Without it: starts a {@link FakePolar} on a free port and points the starter at it:
 * {@code polar.base-url}, a dummy token, a webhook secret generated for this run (unless
 * one is set), and the product and benefit aliases of its catalog
 * ({@link OfflineCatalog}). {@link OfflinePolarInitializer} then hands the fake to the
 * application.
 * </ul>
 *
 * During Spring AOT processing (the build's {@code process-aot}) it does nothing: the
 * choice is made again when the processed application starts, where this post-processor
 * runs as in any other start, and no bean condition reads what it sets, so the build
 * starts no fake Polar that nothing would stop.
 *
 * Registered in {@code META-INF/spring.factories}.
 */
public final class OfflinePolarEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The property the pages read to show the offline banner. */
	public static final String OFFLINE_PROPERTY = "store.offline";

	private static final String PROPERTY_SOURCE = "offlinePolar";

	private final Log logger;

	/**
	 * Creates the post-processor; Spring Boot does.
	 * @param logFactory for logging before logging is set up
	 */
	public OfflinePolarEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(OfflinePolarEnvironmentPostProcessor.class);
	}

	/**
	 * Runs after application.yml and the environment variables are read.
	 * @return the order
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		if (environment.getProperty(AbstractAotProcessor.AOT_PROCESSING, Boolean.class, false)) {
			this.logger.info("Spring AOT processing: offline mode is decided when the application starts");
			return;
		}
		if (StringUtils.hasText(environment.getProperty("polar.access-token"))) {
			if (!StringUtils.hasText(environment.getProperty("polar.webhook.secret"))) {
				throw new IllegalStateException("POLAR_ACCESS_TOKEN is set but POLAR_WEBHOOK_SECRET is not. Add a "
						+ "webhook endpoint in Polar's sandbox (Settings > Webhooks) pointing at this store's "
						+ "/polar/webhooks and set POLAR_WEBHOOK_SECRET to its secret, or unset POLAR_ACCESS_TOKEN "
						+ "to run offline.");
			}
			this.logger.info("Using Polar's " + environment.getProperty("polar.server", "production")
					+ " server with the token from polar.access-token");
			return;
		}
		String secret = environment.getProperty("polar.webhook.secret");
		if (!StringUtils.hasText(secret)) {
			secret = generatedSecret();
		}
		FakePolar fake = OfflineCatalog.startFake();
		Map<String, Object> properties = new LinkedHashMap<>(OfflineCatalog.aliasProperties(fake));
		properties.put("polar.base-url", fake.baseUrl());
		properties.put("polar.access-token", FakePolar.ACCESS_TOKEN);
		properties.put("polar.webhook.secret", secret);
		properties.put(OFFLINE_PROPERTY, "true");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		application.addInitializers(new OfflinePolarInitializer(fake, secret));
		this.logger
			.info("Offline mode: no POLAR_ACCESS_TOKEN, so the store runs against a fake Polar at " + fake.baseUrl());
	}

	private static String generatedSecret() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return "whsec_" + Base64.getEncoder().encodeToString(random);
	}

}
