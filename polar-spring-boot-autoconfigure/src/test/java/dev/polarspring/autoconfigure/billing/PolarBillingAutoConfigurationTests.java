package dev.polarspring.autoconfigure.billing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.boot.billing.BoundedExpiringCache;
import dev.polarspring.boot.billing.EntitlementEvictionListener;
import dev.polarspring.boot.billing.MicrometerPolarEntitlementsMetrics;
import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.boot.billing.PolarAuthorization;
import dev.polarspring.boot.billing.PolarCheckoutEndpoint;
import dev.polarspring.boot.billing.PolarCheckouts;
import dev.polarspring.boot.billing.PolarCustomerPortal;
import dev.polarspring.boot.billing.PolarCustomerResolver;
import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.boot.billing.PolarEntitlementsMetrics;
import dev.polarspring.boot.billing.PolarPortalEndpoint;
import dev.polarspring.boot.billing.SpringSecurityCustomerResolver;
import dev.polarspring.boot.billing.UnconfiguredCustomerResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Which billing beans an application gets, from which properties, and how bad
 * configuration stops it at startup naming the key.
 */
@ExtendWith(OutputCaptureExtension.class)
class PolarBillingAutoConfigurationTests {

	private static final AutoConfigurations BILLING = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, PolarAutoConfiguration.class, PolarBillingAutoConfiguration.class,
			PolarBillingWebAutoConfiguration.class);

	private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(BILLING)
		.withPropertyValues("polar.access-token=polar_oat_billing", "polar.base-url=http://localhost:9");

	@Test
	void aWebApplicationGetsTheServicesAndNoEndpointUntilAskedFor() {
		this.web.run((context) -> {
			assertThat(context).hasSingleBean(PolarAliases.class)
				.hasSingleBean(PolarCheckouts.class)
				.hasSingleBean(PolarCustomerPortal.class)
				.hasSingleBean(EntitlementEvictionListener.class)
				.hasSingleBean(PolarAuthorization.class)
				.hasBean("polarEntitlements")
				.doesNotHaveBean(SimpleUrlHandlerMapping.class);
			assertThat(context.getBean(PolarCustomerResolver.class)).isInstanceOf(SpringSecurityCustomerResolver.class);
			assertThat(context.getBean(PolarEntitlements.class))
				.hasToString("PolarEntitlements[cache=polar-entitlements, timeToLive=PT5M]");
		});
	}

	@Test
	void servesTheEndpointsAtTheirConfiguredPaths() {
		this.web
			.withPropertyValues("polar.checkout.enabled=true", "polar.checkout.path=/billing/buy",
					"polar.portal.enabled=true", "polar.portal.path=/billing/portal")
			.run((context) -> {
				assertThat(context.getBean("polarCheckoutHandlerMapping", SimpleUrlHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/billing/buy")
					.hasValueSatisfying(
							new Condition<>(PolarCheckoutEndpoint.class::isInstance, "the checkout endpoint"));
				assertThat(context.getBean("polarPortalHandlerMapping", SimpleUrlHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/billing/portal")
					.hasValueSatisfying(new Condition<>(PolarPortalEndpoint.class::isInstance, "the portal endpoint"));
				MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
				mvc.perform(get("/billing/buy").param("products", "pro")).andExpect(status().isUnauthorized());
				mvc.perform(get("/polar/checkout").param("products", "pro")).andExpect(status().isNotFound());
			});
	}

	@Test
	void withoutSpringSecurityNobodyIsSignedInAndTheLogSaysWhichBeanToDefine(CapturedOutput output) {
		this.web.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withPropertyValues("polar.checkout.enabled=true")
			.run((context) -> {
				assertThat(context.getBean(PolarCustomerResolver.class))
					.isInstanceOf(UnconfiguredCustomerResolver.class);
				assertThat(context).doesNotHaveBean(PolarAuthorization.class);
				MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
				mvc.perform(get("/polar/checkout").param("products", "pro")).andExpect(status().isUnauthorized());
				mvc.perform(get("/polar/checkout").param("products", "pro")).andExpect(status().isUnauthorized());
			});
		assertThat(output).containsOnlyOnce("Define a PolarCustomerResolver bean");
	}

	@Test
	void theApplicationsResolverAndServicesWin() {
		this.web.withUserConfiguration(OwnBeans.class).run((context) -> {
			assertThat(context.getBean(PolarCustomerResolver.class)).isSameAs(OwnBeans.RESOLVER);
			assertThat(context.getBean(PolarAliases.class)).isSameAs(OwnBeans.ALIASES);
		});
	}

	@Test
	void entitlementsLiveInTheApplicationsCacheWhenItHasACacheManager() {
		this.web.withUserConfiguration(ApplicationCache.class)
			.withPropertyValues("polar.entitlements.cache-name=billing")
			.run((context) -> {
				context.getBean(PolarEntitlements.class).evict("user-42");
				assertThat(context.getBean(CacheManager.class).getCache("billing").get("state:user-42")).isNotNull();
			});
	}

	@Test
	void aCacheManagerWithoutTheNamedCacheStopsTheApplication() {
		this.web.withUserConfiguration(ApplicationCache.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("no cache named 'polar-entitlements' (polar.entitlements.cache-name)")
				.hasMessageContaining("spring.cache.cache-names")
				.hasMessageContaining("[billing]");
		});
	}

	@Test
	void theDefaultCacheIsInMemoryWithTheConfiguredLimits() {
		this.web.withPropertyValues("polar.entitlements.time-to-live=2m", "polar.entitlements.max-entries=50")
			.run((context) -> assertThat(context.getBean(PolarEntitlements.class))
				.hasToString("PolarEntitlements[cache=polar-entitlements, timeToLive=PT2M]"));
		assertThat(new BoundedExpiringCache("polar-entitlements", Duration.ofMinutes(2), 50, Clock.systemUTC()))
			.hasToString("BoundedExpiringCache[polar-entitlements, ttl=PT2M, maxEntries=50]");
	}

	@Test
	void lookupsAreCountedWithMicrometer() {
		this.web.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context.getBean(PolarEntitlementsMetrics.class))
				.isInstanceOf(MicrometerPolarEntitlementsMetrics.class));
		this.web.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PolarEntitlementsMetrics.class)
				.hasSingleBean(PolarEntitlements.class));
	}

	@Test
	void anApplicationThatIsNotOnTheWebGetsTheServicesWithoutEndpointsOrResolver() {
		new ApplicationContextRunner().withConfiguration(BILLING)
			.withPropertyValues("polar.access-token=polar_oat_billing", "polar.checkout.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(PolarEntitlements.class)
				.hasSingleBean(PolarCheckouts.class)
				.doesNotHaveBean(PolarCustomerResolver.class)
				.doesNotHaveBean(SimpleUrlHandlerMapping.class));
	}

	@Test
	void aliasesMustBeIds() {
		this.web.withPropertyValues("polar.products.pro=Pro Plan").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure())).hasMessage(
					"polar.products.pro must be a product id (a UUID, as Polar's dashboard shows it), was 'Pro Plan'");
		});
	}

	@Test
	void badBillingPropertiesStopTheApplicationNamingTheKey() {
		assertStartupFails("polar.checkout.path=checkout", "polar.checkout.path must start with '/'");
		assertStartupFails("polar.portal.path=portal", "polar.portal.path must start with '/'");
		assertStartupFails("polar.checkout.success-url=ftp://example.com/x",
				"polar.checkout.success-url must be an absolute http(s) URL or a path");
		assertStartupFails("polar.portal.return-url=account", "polar.portal.return-url must be an absolute");
		assertStartupFails("polar.checkout.allowed-origins=https://www.example.com/pricing",
				"polar.checkout.allowed-origins must list origins");
		assertStartupFails("polar.checkout.discount-id=SUMMER", "polar.checkout.discount-id must be a discount id");
		assertStartupFails("polar.checkout.seats=0", "polar.checkout.seats must be from 1 to 10000");
		assertStartupFails("polar.entitlements.time-to-live=0s", "polar.entitlements.time-to-live must be positive");
		assertStartupFails("polar.entitlements.max-entries=0", "polar.entitlements.max-entries must be at least 1");
		assertStartupFails("polar.entitlements.clock-skew=-1s", "polar.entitlements.clock-skew must not be negative");
		assertStartupFails("polar.entitlements.cache-name= ", "polar.entitlements.cache-name must not be empty");
	}

	@Test
	void goodBillingPropertiesStart() {
		this.web
			.withPropertyValues("polar.checkout.success-url=/thanks?checkout_id={CHECKOUT_ID}",
					"polar.checkout.return-url=https://shop.example.com/pricing",
					"polar.checkout.allowed-origins=https://www.example.com,http://localhost:3000",
					"polar.portal.return-url=/account", "polar.checkout.seats=5",
					"polar.checkout.discount-id=66666666-7777-4888-8999-aaaaaaaaaaaa")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private void assertStartupFails(String property, String message) {
		this.web.withPropertyValues(property).run((context) -> {
			assertThat(context).as(property).hasFailed();
			assertThat(context.getStartupFailure()).as(property).rootCause().hasMessageContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		static final PolarCustomerResolver RESOLVER = (request) -> Optional.empty();

		static final PolarAliases ALIASES = PolarAliases.none();

		@Bean
		PolarCustomerResolver ownResolver() {
			return RESOLVER;
		}

		@Bean
		PolarAliases ownAliases() {
			return ALIASES;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationCache {

		@Bean
		CacheManager cacheManager() {
			return new ConcurrentMapCacheManager("billing");
		}

	}

}
