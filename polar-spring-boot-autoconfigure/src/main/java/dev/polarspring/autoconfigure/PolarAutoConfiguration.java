package dev.polarspring.autoconfigure;

import java.net.URI;

import dev.polarspring.boot.PolarClientCustomizer;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.observation.PolarClientObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the Polar API client: a {@link PolarClient} built from
 * {@code polar.*} and one bean per resource client ({@code ProductsClient},
 * {@code CheckoutsClient}, ...), declared by {@code PolarResourceClientsConfiguration},
 * which polar-codegen generates from the spec the clients come from.
 *
 * <p>
 * The client starts from Spring Boot's {@link RestClient.Builder}, so
 * {@code http.client.requests} observations, {@code RestClientCustomizer}s, SSL bundles
 * and {@code spring.http.clients.*} settings apply; the timeouts in {@code polar.*} win
 * over those. With an {@link ObservationRegistry}, every API call is observed as
 * {@code polar.client.requests} (see {@code PolarClientObservationDocumentation}); a
 * {@link PolarClientObservationConvention} bean replaces the default names and tags.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass(PolarClient.class)
@EnableConfigurationProperties(PolarProperties.class)
@Import(PolarResourceClientsConfiguration.class)
public final class PolarAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PolarAutoConfiguration.class);

	// The client says which token is missing; here, the user sets a property.
	private static final String MISSING_ACCESS_TOKEN_ACTION = "set polar.access-token (for example from the "
			+ "POLAR_ACCESS_TOKEN environment variable) or pass RequestOptions.builder().accessToken(...)";

	@Bean
	@ConditionalOnMissingBean
	PolarClient polarClient(PolarProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<PolarClientObservationConvention> observationConvention,
			ObjectProvider<PolarClientCustomizer> customizers) {
		PolarClient.Builder builder = PolarClient.builder()
			.apiVersion(properties.getApiVersion())
			.organizationId(properties.getOrganizationId())
			.connectTimeout(properties.getConnectTimeout())
			.readTimeout(properties.getReadTimeout())
			.retrySettings(retrySettings(properties.getRetry()))
			.missingAccessTokenAction(MISSING_ACCESS_TOKEN_ACTION);
		applyServer(builder, properties);
		applyAccessToken(builder, properties);
		// Boot's RestClient.Builder builds an HTTP client (and reads the trust store)
		// when
		// created: asked for on the first request, so that it is not part of startup.
		builder.restClientBuilder(() -> restClientBuilder.getIfAvailable(RestClient::builder));
		observationRegistry.ifAvailable(builder::observationRegistry);
		observationConvention.ifAvailable(builder::observationConvention);
		// Resolved when the first request needs a factory, not at startup: detecting and
		// configuring the HTTP client is part of the first call's cost, not of every
		// start.
		SingletonSupplier<ClientHttpRequestFactoryBuilder<?>> factoryBuilder = SingletonSupplier
			.of(() -> requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect));
		SingletonSupplier<HttpClientSettings> settings = SingletonSupplier
			.of(() -> httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
		// Boot's settings (SSL bundle, redirects) are kept; the timeouts come from
		// polar.* or the call.
		builder.requestFactory(
				(connectTimeout, readTimeout) -> PolarHttpComponents.forPolar(factoryBuilder.obtain(), connectTimeout)
					.build(settings.obtain().withTimeouts(connectTimeout, readTimeout)));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static void applyServer(PolarClient.Builder builder, PolarProperties properties) {
		URI baseUrl = properties.getBaseUrl();
		if (baseUrl != null) {
			builder.baseUrl(baseUrl.toString());
		}
		else {
			builder.server(properties.getServer());
		}
	}

	private static void applyAccessToken(PolarClient.Builder builder, PolarProperties properties) {
		String accessToken = properties.getAccessToken();
		if (accessToken != null && !accessToken.isBlank()) {
			builder.accessToken(accessToken);
		}
		else {
			logger.warn("polar.access-token is not set: calls to the Polar API that need a token will fail. "
					+ "Webhooks and customer-portal calls made with a session token still work. "
					+ "Set polar.access-token (for example from the POLAR_ACCESS_TOKEN environment variable).");
		}
	}

	private static RetrySettings retrySettings(PolarProperties.Retry retry) {
		return RetrySettings.defaults()
			.withMaxAttempts(retry.getMaxAttempts())
			.withInitialDelay(retry.getInitialDelay())
			.withMaxDelay(retry.getMaxDelay())
			.withMultiplier(retry.getMultiplier())
			.withJitter(retry.getJitter())
			.withMaxRetryAfter(retry.getMaxRetryAfter())
			.withRetryNonIdempotent(retry.isNonIdempotent());
	}

}
