package dev.polarspring.boot;

import dev.polarspring.client.PolarClient;

/**
 * Callback that customizes the auto-configured {@link PolarClient}'s builder after the
 * {@code polar.*} properties have been applied, for what properties do not cover (a token
 * supplier that rotates, default request options, a custom sleeper in tests).
 *
 * <p>
 * Every bean of this type is applied, in {@link org.springframework.core.Ordered} order.
 */
@FunctionalInterface
public interface PolarClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(PolarClient.Builder builder);

}
