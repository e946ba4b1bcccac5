package dev.polarspring.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Actuator integration for Polar: masks {@code polar.access-token} and
 * {@code polar.webhook.secret} in {@code /actuator/configprops} and {@code /actuator/env}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class PolarActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PolarSecretsSanitizingFunction polarSecretsSanitizingFunction() {
		return new PolarSecretsSanitizingFunction();
	}

}
