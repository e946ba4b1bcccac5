package dev.polarspring.autoconfigure.actuate;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Polar's credentials in {@code /actuator/configprops} and {@code /actuator/env},
 * even when an application shows property values
 * ({@code management.endpoint.*.show-values=always}).
 *
 * <p>
 * Keys are compared after dropping case, dots, dashes and underscores, so
 * {@code polar.access-token}, {@code polar.accessToken} and the environment variable
 * {@code POLAR_ACCESS_TOKEN} are all recognised. In {@code /actuator/configprops} the key
 * is relative to the {@code polar} prefix, so {@code accessToken} and {@code secret} (of
 * {@code polar.webhook}) are masked when they come from a Polar properties bean.
 */
public final class PolarSecretsSanitizingFunction implements SanitizingFunction {

	private static final Set<String> SECRET_KEYS = Set.of("polaraccesstoken", "polarwebhooksecret",
			"polarwebhooksecrets");

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isPolarSecret(data.getKey()) ? data.withSanitizedValue() : data;
	}

	static boolean isPolarSecret(String key) {
		String normalized = normalize(key);
		if (SECRET_KEYS.contains(normalized)) {
			return true;
		}
		// Indexed and map-valued forms: polar.webhook.secrets[0],
		// polar.webhook.endpoints.x.secret
		return normalized.startsWith("polarwebhook") && normalized.contains("secret");
	}

	private static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
