package dev.polarspring.client.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.OpenApiSpec;
import dev.polarspring.codegen.SchemaShape;

/**
 * Makes JSON instances of a schema from the schema itself, each paired with the JSON the
 * model must write back.
 *
 * <p>
 * The two differ in one documented way: a record (a type only Polar sends) omits an
 * optional property that is null, because for a reader an absent optional property and a
 * null one mean the same; request bodies keep it, since Polar treats an explicit null as
 * "clear".
 */
final class SchemaInstances {

	/** Which properties an instance sets. */
	enum Mode {

		/** Every property, with a value. */
		FULL,
		/** Only the required properties, with a value. */
		REQUIRED,
		/** Every property; each one that admits null is null. */
		NULLS

	}

	/** An instance and the JSON expected back. */
	record Instance(JsonNode input, JsonNode expected) {
	}

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final int MAX_DEPTH = 4;

	private final ModelTypes types;

	private final OpenApiSpec spec;

	private final Map<String, Map.Entry<String, String>> discriminatorValues = new HashMap<>();

	SchemaInstances(ModelTypes types) {
		this.types = types;
		this.spec = types.spec();
		for (ModelType type : types.all()) {
			if (type instanceof ModelType.UnionType union && union.discriminator() != null) {
				for (Map.Entry<String, JsonNode> entry : union.schema()
					.path("discriminator")
					.path("mapping")
					.properties()) {
					String member = entry.getValue().asString().substring("#/components/schemas/".length());
					this.discriminatorValues.put(member, Map.entry(union.discriminator(), entry.getKey()));
				}
			}
		}
	}

	/**
	 * Makes an instance of a component schema.
	 */
	Instance of(String schemaName, Mode mode) {
		return value(ref(schemaName), mode, 0);
	}

	static JsonNode ref(String schemaName) {
		return JSON.objectNode().put("$ref", "#/components/schemas/" + schemaName);
	}

	private Instance value(JsonNode schema, Mode mode, int depth) {
		Optional<String> ref = OpenApiSpec.refName(schema);
		if (ref.isPresent()) {
			return component(ref.get(), mode, depth);
		}
		if (mode == Mode.NULLS && SchemaShape.admitsNull(schema)) {
			return new Instance(JSON.nullNode(), JSON.nullNode());
		}
		JsonNode node = SchemaShape.withoutNull(schema);
		if (node != schema) {
			return value(node, mode, depth);
		}
		Optional<JsonNode> constant = SchemaShape.constValue(node);
		if (constant.isPresent()) {
			return same(constant.get());
		}
		if (node.has("enum")) {
			return same(node.path("enum").get(0));
		}
		List<JsonNode> alternatives = SchemaShape.alternatives(node);
		if (!alternatives.isEmpty()) {
			return value(alternatives.get(0), mode, depth);
		}
		String type = node.path("type").asString("");
		return switch (type) {
			case "string" -> same(JSON.stringNode(string(node)));
			case "integer" -> same(JSON.numberNode(7));
			case "number" -> same(JSON.numberNode(1.5));
			case "boolean" -> same(JSON.booleanNode(true));
			case "array" -> array(node, mode, depth);
			default -> map(node, mode, depth);
		};
	}

	private Instance component(String name, Mode mode, int depth) {
		JsonNode schema = this.spec.schema(name);
		Optional<ModelType> type = this.types.forComponent(name);
		boolean object = type.map((t) -> t instanceof ModelType.ObjectType).orElse(schema.has("properties"));
		if (!object) {
			return value(schema, mode, depth + 1);
		}
		boolean request = type.map((t) -> ((ModelType.ObjectType) t).request()).orElse(false);
		Mode effective = (depth >= MAX_DEPTH) ? Mode.REQUIRED : mode;
		Set<String> required = new HashSet<>(SchemaShape.required(schema));
		Map.Entry<String, String> discriminator = this.discriminatorValues.get(name);
		ObjectNode input = JSON.objectNode();
		ObjectNode expected = JSON.objectNode();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String wireName = property.getKey();
			boolean isRequired = required.contains(wireName);
			boolean isConstant = SchemaShape.constValue(property.getValue()).isPresent();
			if (effective == Mode.REQUIRED && !isRequired && !isConstant) {
				continue;
			}
			Instance value = (discriminator != null && discriminator.getKey().equals(wireName))
					? same(JSON.stringNode(discriminator.getValue()))
					: value(property.getValue(), effective, depth + 1);
			input.set(wireName, value.input());
			if (!(value.expected().isNull() && !isRequired && !request)) {
				expected.set(wireName, value.expected());
			}
		}
		return new Instance(input, expected);
	}

	private Instance array(JsonNode node, Mode mode, int depth) {
		ArrayNode input = JSON.arrayNode();
		ArrayNode expected = JSON.arrayNode();
		List<JsonNode> items = new ArrayList<>();
		node.path("prefixItems").forEach(items::add);
		if (items.isEmpty() && node.path("items").isObject() && depth < MAX_DEPTH) {
			items.add(node.path("items"));
		}
		for (JsonNode item : items) {
			Instance value = value(item, (mode == Mode.NULLS && !node.has("prefixItems")) ? Mode.FULL : mode,
					depth + 1);
			input.add(value.input());
			expected.add(value.expected());
		}
		return new Instance(input, expected);
	}

	private Instance map(JsonNode node, Mode mode, int depth) {
		JsonNode values = node.path("additionalProperties");
		for (Map.Entry<String, JsonNode> pattern : node.path("patternProperties").properties()) {
			values = pattern.getValue();
		}
		if (!values.isObject()) {
			return same(JSON.objectNode().put("key", "value"));
		}
		Instance value = value(values, (mode == Mode.NULLS) ? Mode.FULL : mode, depth + 1);
		return new Instance(JSON.objectNode().set("key", value.input()),
				JSON.objectNode().set("key", value.expected()));
	}

	private static String string(JsonNode node) {
		return switch (node.path("format").asString("")) {
			case "date-time" -> "2026-01-02T03:04:05.123456Z";
			case "date" -> "2026-01-02";
			case "uuid", "uuid4" -> "3a481fd2-5dd1-4982-aa8b-fa01ae54d496";
			case "email" -> "ada@example.com";
			case "uri" -> "https://example.com/path";
			default -> "text";
		};
	}

	private static Instance same(JsonNode value) {
		return new Instance(value, value);
	}

}
