package dev.polarspring.autoconfigure.billing;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.boot.billing.BoundedExpiringCache;
import dev.polarspring.boot.billing.EntitlementEvictionListener;
import dev.polarspring.boot.billing.MicrometerPolarEntitlementsMetrics;
import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.boot.billing.PolarCheckouts;
import dev.polarspring.boot.billing.PolarCustomerPortal;
import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.boot.billing.PolarEntitlementsMetrics;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.client.resource.CustomerSessionsClient;
import dev.polarspring.client.resource.CustomersClient;
import dev.polarspring.client.resource.OrdersClient;

/**
 * Auto-configuration of billing services: {@link PolarAliases} from
 * {@code polar.products.*} and {@code polar.benefits.*}, {@link PolarCheckouts} with the
 * defaults of {@code polar.checkout.*}, {@link PolarCustomerPortal}, and
 * {@link PolarEntitlements} (bean {@code polarEntitlements}) with the listener that
 * invalidates its cache on webhooks.
 *
 * <p>
 * Entitlements live in the cache {@code polar.entitlements.cache-name} of the
 * application's {@link CacheManager} when it has one (so Redis shares them between
 * instances), else in a {@link BoundedExpiringCache} of
 * {@code polar.entitlements.time-to-live} and {@code polar.entitlements.max-entries}.
 * Lookups and invalidations are counted when Micrometer is present.
 */
@AutoConfiguration(after = PolarAutoConfiguration.class,
		afterName = { "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ PolarClient.class, Cache.class })
@EnableConfigurationProperties({ PolarAliasProperties.class, PolarCheckoutProperties.class, PolarPortalProperties.class,
		PolarEntitlementsProperties.class })
public final class PolarBillingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PolarAliases polarAliases(PolarAliasProperties properties) {
		return properties.toAliases();
	}

	@Bean
	@ConditionalOnMissingBean
	PolarCheckouts polarCheckouts(CheckoutsClient checkouts, PolarAliases aliases, PolarCheckoutProperties properties) {
		return new PolarCheckouts(checkouts, aliases, properties.toDefaults());
	}

	@Bean
	@ConditionalOnMissingBean
	PolarCustomerPortal polarCustomerPortal(CustomerSessionsClient customerSessions, PolarPortalProperties properties) {
		return new PolarCustomerPortal(customerSessions, properties.getReturnUrl());
	}

	@Bean
	@ConditionalOnMissingBean
	PolarEntitlements polarEntitlements(CustomersClient customers, OrdersClient orders, PolarAliases aliases,
			PolarEntitlementsProperties properties, ObjectProvider<CacheManager> cacheManager,
			ObjectProvider<Clock> clock, ObjectProvider<PolarEntitlementsMetrics> metrics) {
		Clock time = clock.getIfUnique(Clock::systemUTC);
		return new PolarEntitlements(customers, orders, cache(properties, cacheManager.getIfUnique(), time), aliases,
				properties.getTimeToLive(), properties.getClockSkew(), time,
				metrics.getIfAvailable(() -> PolarEntitlementsMetrics.NONE));
	}

	private static Cache cache(PolarEntitlementsProperties properties, @Nullable CacheManager cacheManager,
			Clock clock) {
		String name = properties.getCacheName();
		if (cacheManager == null) {
			return new BoundedExpiringCache(name, properties.getTimeToLive(), properties.getMaxEntries(), clock);
		}
		Cache cache = cacheManager.getCache(name);
		if (cache == null) {
			throw new IllegalStateException("The application's CacheManager (" + cacheManager.getClass().getName()
					+ ") has no cache named '" + name + "' (polar.entitlements.cache-name) for Polar entitlements. "
					+ "Add it to the caches it creates (with Spring Boot: spring.cache.cache-names), or set "
					+ "polar.entitlements.cache-name to one of its caches: " + cacheManager.getCacheNames());
		}
		return cache;
	}

	@Bean
	@ConditionalOnMissingBean
	EntitlementEvictionListener polarEntitlementEvictionListener(PolarEntitlements entitlements) {
		return new EntitlementEvictionListener(entitlements);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PolarEntitlementsMetrics polarEntitlementsMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meterRegistry = registry.getIfUnique();
			return (meterRegistry != null) ? new MicrometerPolarEntitlementsMetrics(meterRegistry)
					: PolarEntitlementsMetrics.NONE;
		}

	}

}
