package dev.polarspring.autoconfigure.actuate;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.polarspring.boot.PolarCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Polar's credentials in {@code /actuator/configprops} and {@code /actuator/env},
 * even when an application shows property values
 * ({@code management.endpoint.*.show-values=always}).
 *
 * <p>
 * By key: {@code polar.access-token}, {@code polar.webhook.secret}, previous secrets and
 * the secrets of {@code polar.webhook.endpoints}, in any form (keys are compared after
 * dropping case, dots, dashes and underscores, so {@code POLAR_ACCESS_TOKEN} is
 * recognised too). By value: any property whose value is a configured token or secret, or
 * contains one, such as the variable a placeholder read it from
 * ({@code POLAR_EU_WEBHOOK_SECRET}) or {@code sun.java.command} with a
 * {@code --polar.access-token=...} argument. A credential shorter than
 * {@value #MIN_CONTAINED_LENGTH} characters is matched only by equality, so that it does
 * not mask every value that happens to contain it.
 */
public final class PolarSecretsSanitizingFunction implements SanitizingFunction {

	/**
	 * Shortest credential looked for inside longer values.
	 */
	public static final int MIN_CONTAINED_LENGTH = 8;

	private final Supplier<? extends Set<String>> credentials;

	/**
	 * Creates a function that masks by key only.
	 */
	public PolarSecretsSanitizingFunction() {
		this(Set::of);
	}

	/**
	 * Creates a function that masks by key and by value.
	 * @param credentials supplies the configured tokens and secrets, asked on each call
	 */
	public PolarSecretsSanitizingFunction(Supplier<? extends Set<String>> credentials) {
		this.credentials = credentials;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (isPolarSecret(data.getKey()) || holdsCredential(data.getValue(), this.credentials.get())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	static boolean isPolarSecret(String key) {
		return PolarCredentials.isCredentialKey(key);
	}

	private static boolean holdsCredential(@Nullable Object value, Set<String> credentials) {
		if (value == null || credentials.isEmpty()) {
			return false;
		}
		if (value instanceof CharSequence text) {
			return holdsCredential(text.toString(), credentials);
		}
		if (value instanceof Iterable<?> values) {
			for (Object element : values) {
				if (holdsCredential(element, credentials)) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof Map<?, ?> map) {
			return holdsCredential(map.values(), credentials);
		}
		if (value instanceof Object[] array) {
			return holdsCredential(Arrays.asList(array), credentials);
		}
		return false;
	}

	private static boolean holdsCredential(String text, Set<String> credentials) {
		for (String credential : credentials) {
			if (text.equals(credential) || (credential.length() >= MIN_CONTAINED_LENGTH && text.contains(credential))) {
				return true;
			}
		}
		return false;
	}

}
