package dev.polarspring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.PolarJson;

/**
 * Checks JSON documents against Polar's OpenAPI spec (the project's copy in
 * polar-client): types, constants, enums, required properties, formats of dates and ids,
 * unions, and no property the schema does not declare. Strict on purpose: the fake must
 * answer in exactly Polar's shape.
 */
final class OpenApiSchemas {

	private static final Path SPEC = Path.of("..", "polar-client", "src", "main", "openapi", "openapi.json");

	private static OpenApiSchemas instance;

	private final JsonNode spec;

	private OpenApiSchemas(JsonNode spec) {
		this.spec = spec;
	}

	static synchronized OpenApiSchemas load() {
		if (instance == null) {
			try {
				instance = new OpenApiSchemas(PolarJson.mapper().readTree(Files.readAllBytes(SPEC)));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + SPEC.toAbsolutePath(), ex);
			}
		}
		return instance;
	}

	/**
	 * The schema of an operation's answer, such as {@code ("get", "/v1/products/{id}",
	 * 200)}.
	 */
	JsonNode response(String method, String path, int status) {
		JsonNode schema = this.spec.path("paths")
			.path(path)
			.path(method)
			.path("responses")
			.path(Integer.toString(status))
			.path("content")
			.path("application/json")
			.path("schema");
		if (schema.isMissingNode()) {
			throw new IllegalArgumentException("The spec has no JSON answer " + status + " for " + method + " " + path);
		}
		return schema;
	}

	/** The schema of a webhook's payload, such as {@code order.paid}. */
	JsonNode webhook(String type) {
		JsonNode schema = this.spec.path("webhooks")
			.path(type)
			.path("post")
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema");
		if (schema.isMissingNode()) {
			throw new IllegalArgumentException("The spec has no webhook " + type);
		}
		return schema;
	}

	/**
	 * Everything wrong with the value, as {@code $.path: problem}; empty when it
	 * conforms.
	 */
	List<String> violations(JsonNode value, JsonNode schema) {
		List<String> violations = new ArrayList<>();
		check(value, schema, "$", violations);
		return violations;
	}

	private JsonNode resolve(JsonNode schema) {
		while (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			schema = this.spec.at(ref.substring(1));
		}
		return schema;
	}

	private void check(JsonNode value, JsonNode schemaOrRef, String at, List<String> violations) {
		JsonNode schema = resolve(schemaOrRef);
		if (schema.has("anyOf") || schema.has("oneOf")) {
			checkUnion(value, schema, at, violations);
			return;
		}
		if (schema.has("allOf")) {
			schema.get("allOf").forEach((part) -> check(value, part, at, violations));
		}
		if (schema.has("const") && !schema.get("const").equals(value)) {
			violations.add(at + ": expected " + schema.get("const") + ", was " + value);
			return;
		}
		if (schema.has("enum")) {
			boolean listed = false;
			for (JsonNode constant : schema.get("enum")) {
				listed |= constant.equals(value);
			}
			if (!listed) {
				violations.add(at + ": " + value + " is not one of " + schema.get("enum"));
				return;
			}
		}
		if (!schema.has("type")) {
			return;
		}
		String type = schema.get("type").asString();
		switch (type) {
			case "null" -> expect(value.isNull(), "null", value, at, violations);
			case "boolean" -> expect(value.isBoolean(), "a boolean", value, at, violations);
			case "integer" -> expect(value.isIntegralNumber(), "an integer", value, at, violations);
			case "number" -> expect(value.isNumber(), "a number", value, at, violations);
			case "string" -> checkString(value, schema, at, violations);
			case "array" -> checkArray(value, schema, at, violations);
			case "object" -> checkObject(value, schema, at, violations);
			default -> violations.add(at + ": unsupported schema type " + type);
		}
	}

	private void checkUnion(JsonNode value, JsonNode schema, String at, List<String> violations) {
		JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
		JsonNode discriminator = schema.path("discriminator");
		if (discriminator.has("propertyName") && value.isObject()) {
			String tag = value.path(discriminator.get("propertyName").asString()).asString("");
			JsonNode mapped = discriminator.path("mapping").path(tag);
			if (mapped.isMissingNode()) {
				violations.add(at + ": discriminator value '" + tag + "' is not mapped");
				return;
			}
			check(value, this.spec.at(mapped.asString().substring(1)), at, violations);
			return;
		}
		List<String> closest = null;
		for (JsonNode alternative : alternatives) {
			List<String> attempt = new ArrayList<>();
			check(value, alternative, at, attempt);
			if (attempt.isEmpty()) {
				return;
			}
			if (closest == null || attempt.size() < closest.size()) {
				closest = attempt;
			}
		}
		violations.add(at + ": matches no alternative; the closest fails with " + closest);
	}

	private static void expect(boolean ok, String expected, JsonNode value, String at, List<String> violations) {
		if (!ok) {
			violations.add(at + ": expected " + expected + ", was " + value);
		}
	}

	private static void checkString(JsonNode value, JsonNode schema, String at, List<String> violations) {
		if (!value.isString()) {
			violations.add(at + ": expected a string, was " + value);
			return;
		}
		String format = schema.path("format").asString("");
		String text = value.asString();
		try {
			if (format.equals("date-time")) {
				OffsetDateTime.parse(text);
			}
			else if (format.startsWith("uuid")) {
				UUID.fromString(text);
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			violations.add(at + ": '" + text + "' is not a " + format);
		}
	}

	private void checkArray(JsonNode value, JsonNode schema, String at, List<String> violations) {
		if (!value.isArray()) {
			violations.add(at + ": expected an array, was " + value);
			return;
		}
		if (schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				check(value.get(i), schema.get("items"), at + "[" + i + "]", violations);
			}
		}
	}

	private void checkObject(JsonNode value, JsonNode schema, String at, List<String> violations) {
		if (!value.isObject()) {
			violations.add(at + ": expected an object, was " + value);
			return;
		}
		for (JsonNode required : schema.path("required")) {
			if (!value.has(required.asString())) {
				violations.add(at + ": missing required property '" + required.asString() + "'");
			}
		}
		JsonNode properties = schema.path("properties");
		JsonNode additional = schema.path("additionalProperties");
		for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			if (properties.has(name)) {
				check(field.getValue(), properties.get(name), at + "." + name, violations);
			}
			else if (additional.isObject()) {
				check(field.getValue(), additional, at + "." + name, violations);
			}
			else if (properties.size() > 0 && !additional.asBoolean(false)) {
				violations.add(at + ": property '" + name + "' is not in the schema");
			}
		}
	}

}
