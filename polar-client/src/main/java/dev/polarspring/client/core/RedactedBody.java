package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Renders a body for TRACE logging with every token and secret masked: Polar's answers
 * carry them in places (a new customer session's {@code token}, a webhook endpoint's
 * {@code secret}, OAuth2 {@code access_token}s), and a log must never hold one.
 */
final class RedactedBody {

	private static final StringNode MASK = StringNode.valueOf("******");

	private RedactedBody() {
	}

	/**
	 * Renders a JSON body with sensitive values masked.
	 * @param body the raw body
	 * @return the masked JSON, or a note when the body is not JSON
	 */
	static String of(byte[] body) {
		if (body.length == 0) {
			return "(empty)";
		}
		try {
			JsonNode tree = PolarJson.mapper().readTree(body);
			mask(tree);
			return tree.toString();
		}
		catch (JacksonException notJson) {
			// Not JSON (a CSV export, an HTML error page): nothing here is a token field.
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				if (isSensitive(property.getKey()) && property.getValue().isString()) {
					property.setValue(MASK);
				}
				else {
					mask(property.getValue());
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(RedactedBody::mask);
		}
	}

	private static boolean isSensitive(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith("token") || lower.contains("secret") || lower.contains("password");
	}

}
