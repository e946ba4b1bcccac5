package dev.polarspring.codegen.model;

import java.util.Set;

/**
 * Which properties hold a credential: their values never appear in a generated
 * {@code toString()} (they print as {@code ***}), so logging a model never leaks a token.
 */
public final class SensitiveProperties {

	private static final Set<String> NAMES = Set.of("api_key", "key", "user_provided_key", "codes", "password",
			"private_key", "client_assertion", "code_verifier");

	private SensitiveProperties() {
	}

	/**
	 * Tells whether a property holds a credential: a name ending in {@code token} or
	 * {@code secret}, or a known key or password name.
	 */
	public static boolean isSensitive(String wireName) {
		return wireName.endsWith("token") || wireName.endsWith("secret") || NAMES.contains(wireName);
	}

}
