package dev.polarspring.autoconfigure.actuate;

import java.time.Clock;

import dev.polarspring.autoconfigure.PolarAutoConfiguration;
import dev.polarspring.client.PolarClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Actuator integration for Polar: masks the access token and the webhook secrets in
 * {@code /actuator/configprops} and {@code /actuator/env}, by key and wherever else their
 * values appear, and, with {@code management.health.polar.enabled=true}, adds the
 * {@code polar} health contributor.
 */
@AutoConfiguration(after = PolarAutoConfiguration.class)
public final class PolarActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PolarSecretsSanitizingFunction polarSecretsSanitizingFunction(Environment environment) {
			return new PolarSecretsSanitizingFunction(new ConfiguredCredentials(environment));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(PolarClient.class)
	@ConditionalOnBooleanProperty("management.health.polar.enabled")
	@EnableConfigurationProperties(PolarHealthProperties.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "polarHealthIndicator")
		PolarHealthIndicator polarHealthIndicator(PolarClient polar, PolarHealthProperties properties,
				ObjectProvider<Clock> clock) {
			return new PolarHealthIndicator(polar, properties.getTimeToLive(), clock.getIfAvailable(Clock::systemUTC));
		}

	}

}
