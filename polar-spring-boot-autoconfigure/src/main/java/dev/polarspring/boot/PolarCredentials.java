package dev.polarspring.boot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Tells a configured access token or webhook secret that cannot work from one that may:
 * an unresolved {@code ${...}} placeholder (the literal text would be sent as the token,
 * or accepted as the secret anyone who read the README could sign with), a credential of
 * the other kind, or a prefix with nothing after it.
 *
 * <p>
 * Problems are described without the value: at most its prefix (such as
 * {@code polar_oat_}) or the placeholder's name is shown.
 */
public final class PolarCredentials {

	/**
	 * Error code of a credential refused while binding {@code polar.*}.
	 */
	public static final String ERROR_CODE = "polar.credential";

	private static final String MASK = "******";

	private static final String[] WEBHOOK_SECRET_PREFIXES = { "whsec_", "polar_whs_" };

	// Polar's credentials other than webhook secrets, by prefix, for the messages.
	private static final Map<String, String> TOKEN_PREFIXES = tokenPrefixes();

	private PolarCredentials() {
	}

	private static Map<String, String> tokenPrefixes() {
		Map<String, String> prefixes = new LinkedHashMap<>();
		prefixes.put("polar_oat_", "an organization access token");
		prefixes.put("polar_pat_", "a personal access token");
		prefixes.put("polar_cst_", "a customer session token");
		prefixes.put("polar_mst_", "a member session token");
		prefixes.put("polar_at_", "an OAuth2 access token");
		prefixes.put("polar_rt_", "an OAuth2 refresh token");
		prefixes.put("polar_cs_", "an OAuth2 client secret");
		return prefixes;
	}

	/**
	 * The two kinds of credential the starter is configured with.
	 */
	public enum Kind {

		/**
		 * An access token, sent as a bearer token ({@code polar.access-token}).
		 */
		ACCESS_TOKEN,

		/**
		 * A webhook endpoint's signing secret ({@code polar.webhook.secret} and friends).
		 */
		WEBHOOK_SECRET

	}

	/**
	 * Describes what is wrong with a configured credential.
	 * @param key the property, as the user writes it, such as
	 * {@code polar.webhook.secret}
	 * @param value the bound value; {@code null} or empty means not set, which is not a
	 * problem here
	 * @param kind what the property should hold
	 * @return the problem and what to do, or {@code null} when the value may be right
	 */
	public static @Nullable String problem(String key, @Nullable String value, Kind kind) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String variable = unresolvedPlaceholder(value);
		if (variable != null) {
			return key + " is the placeholder ${" + variable + "}, which nothing resolved: " + variable
					+ " is neither an environment variable nor a property. Set " + variable + " to the "
					+ ((kind == Kind.ACCESS_TOKEN) ? "access token" : "endpoint's secret") + ", or write ${" + variable
					+ ":} to leave " + key + " empty when it is unset";
		}
		if (value.isBlank()) {
			return key + " is blank: remove it, or set it to the "
					+ ((kind == Kind.ACCESS_TOKEN) ? "access token" : "endpoint's secret");
		}
		String secretPrefix = webhookSecretPrefix(value);
		if (kind == Kind.ACCESS_TOKEN) {
			if (secretPrefix != null) {
				return key + " holds a webhook secret (" + secretPrefix + "...), not an access token. "
						+ "Create an organization access token (polar_oat_...) in Polar under Settings > General > "
						+ "Developers; the webhook secret belongs in polar.webhook.secret";
			}
			return null;
		}
		if (secretPrefix != null && value.length() == secretPrefix.length()) {
			return key + " is " + secretPrefix + " with nothing after it: copy the whole secret from the webhook "
					+ "endpoint's settings in Polar";
		}
		String tokenPrefix = tokenPrefix(value);
		if (tokenPrefix != null) {
			return key + " holds " + TOKEN_PREFIXES.getOrDefault(tokenPrefix, "a Polar credential") + " (" + tokenPrefix
					+ "...), not a webhook secret. Copy the secret from the webhook endpoint's "
					+ "settings in Polar (Settings > Webhooks); an access token belongs in polar.access-token";
		}
		return null;
	}

	/**
	 * Rejects a field of a properties object being validated when its credential cannot
	 * work (see {@link #problem}). The error carries a masked value, so neither the
	 * failure analysis nor the exception's message shows the credential.
	 * @param errors the errors of the properties object
	 * @param field the field, such as {@code previousSecrets[0]}
	 * @param key the property, as the user writes it
	 * @param value the bound value
	 * @param kind what the property should hold
	 */
	public static void validate(Errors errors, String field, String key, @Nullable String value, Kind kind) {
		String problem = problem(key, value, kind);
		if (problem != null) {
			reject(errors, field, (value != null) ? masked(value) : null, problem);
		}
	}

	/**
	 * Rejects a field holding credentials with a value of the caller's choosing, since
	 * {@link Errors#rejectValue} would record the credential itself.
	 * @param errors the errors of the properties object
	 * @param field the field
	 * @param shownValue what the error shows as the rejected value, already masked
	 * @param message what is wrong and what to do
	 */
	public static void reject(Errors errors, String field, @Nullable Object shownValue, String message) {
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(errors.getObjectName(), errors.getNestedPath() + field, shownValue, false,
					result.resolveMessageCodes(ERROR_CODE, field), null, message));
		}
		else {
			errors.reject(ERROR_CODE, message);
		}
	}

	/**
	 * Returns the name of the first placeholder in a value that still contains one after
	 * binding.
	 * @param value a bound value
	 * @return the placeholder's name, such as {@code POLAR_ACCESS_TOKEN}, or {@code null}
	 */
	public static @Nullable String unresolvedPlaceholder(String value) {
		int start = value.indexOf("${");
		if (start < 0) {
			return null;
		}
		int end = value.indexOf('}', start + 2);
		if (end < 0) {
			return null;
		}
		String name = value.substring(start + 2, end);
		int colon = name.indexOf(':');
		return (colon >= 0) ? name.substring(0, colon) : name;
	}

	/**
	 * Shows a credential the way a message may: a placeholder as itself, a known prefix
	 * followed by a mask, anything else as a mask.
	 * @param value the credential
	 * @return the value with the credential hidden
	 */
	public static String masked(String value) {
		if (value.isBlank()) {
			return value;
		}
		if (value.startsWith("${") && value.endsWith("}") && value.indexOf('}') == value.length() - 1) {
			return value;
		}
		String prefix = webhookSecretPrefix(value);
		if (prefix == null) {
			prefix = tokenPrefix(value);
		}
		return (prefix != null) ? prefix + MASK : MASK;
	}

	/**
	 * Whether a property holds a Polar credential, whatever form its key is written in:
	 * {@code polar.access-token}, {@code polar.accessToken}, {@code POLAR_ACCESS_TOKEN},
	 * {@code polar.webhook.secret}, {@code polar.webhook.previous-secrets[0]},
	 * {@code polar.webhook.endpoints.eu.secret}.
	 * @param key a property key
	 * @return whether its value is a token or a secret
	 */
	public static boolean isCredentialKey(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		String name = normalized.toString().toLowerCase(Locale.ROOT);
		return name.equals("polaraccesstoken") || (name.startsWith("polarwebhook") && name.contains("secret"));
	}

	private static @Nullable String webhookSecretPrefix(String value) {
		for (String prefix : WEBHOOK_SECRET_PREFIXES) {
			if (value.startsWith(prefix)) {
				return prefix;
			}
		}
		return null;
	}

	private static @Nullable String tokenPrefix(String value) {
		if (!value.startsWith("polar_") || value.startsWith("polar_whs_")) {
			return null;
		}
		int end = value.indexOf('_', "polar_".length());
		return (end > 0) ? value.substring(0, end + 1) : null;
	}

}
