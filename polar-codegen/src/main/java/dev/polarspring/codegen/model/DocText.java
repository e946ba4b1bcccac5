package dev.polarspring.codegen.model;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;

/**
 * Turns the spec's descriptions into Javadoc text that cannot break the generated source.
 */
public final class DocText {

	private DocText() {
	}

	/**
	 * Returns the schema's description, else its title, else the fallback; escaped for
	 * Javadoc.
	 */
	public static String of(JsonNode schema, String fallback) {
		return describe(schema).orElse(fallback);
	}

	/**
	 * Returns the schema's description, else its title, escaped for Javadoc.
	 */
	public static Optional<String> describe(JsonNode schema) {
		String text = schema.path("description").asString("");
		if (text.isBlank()) {
			text = schema.path("title").asString("");
		}
		return text.isBlank() ? Optional.empty() : Optional.of(escape(text.strip()));
	}

	/**
	 * Escapes text for a Javadoc comment: no comment terminator, no HTML, no tags.
	 */
	public static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("*/", "*&#47;")
			.replace("@", "&#64;")
			.replace("\\u", "\\&#117;");
	}

	/**
	 * Returns the paragraph naming the schema a component type comes from and, when the
	 * type was renamed to keep it apart from a hand-written class, that class.
	 */
	static String origin(ModelType type, ModelTypes types) {
		String text = "\n<p>Schema {@code " + type.schemaName() + "} of Polar's API.";
		Optional<String> apart = types.keptApartFrom(type)
			.map((handWritten) -> " Named {@code " + type.className().simpleName()
					+ "} to keep it apart from the client's own {@link " + handWritten.canonicalName() + "}.");
		return text + apart.orElse("") + "\n";
	}

	/**
	 * Returns the first sentence of a text, for {@code @param} and {@code @return} lines.
	 */
	public static String firstSentence(String text) {
		String line = text.lines().findFirst().orElse(text).strip();
		return line.isEmpty() ? text : line;
	}

}
