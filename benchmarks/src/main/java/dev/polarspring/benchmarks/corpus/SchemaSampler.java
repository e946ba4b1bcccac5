package dev.polarspring.benchmarks.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.codegen.OpenApiSpec;
import dev.polarspring.codegen.SchemaShape;

/**
 * Makes rich JSON instances of the spec's component schemas, the way a busy Polar
 * organization's data looks: every property set, optional and nullable ones included,
 * with a value; arrays of one to four items; maps of two to five entries; each union
 * cycling through all of its variants (nested unions flattened, so
 * {@code Product.prices[]} cycles through the legacy and current price kinds alike) and
 * each enum through its values. Strings follow their format, pattern and property name
 * ({@link SampleValues}).
 *
 * <p>
 * Deterministic: the same spec and seed give the same instances, in the same order. Not
 * thread-safe; one sampler makes one corpus.
 */
final class SchemaSampler {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	/** How many times one component may be open at once before a cycle is cut. */
	private static final int MAX_SAME_COMPONENT = 1;

	/** Components nested deeper than this mean the spec recurses somewhere not cut. */
	private static final int MAX_NESTING = 24;

	private final OpenApiSpec spec;

	private final SampleValues values;

	/** Discriminator property and value of each variant a discriminated union maps. */
	private final Map<String, Map.Entry<String, String>> discriminatorValues = new HashMap<>();

	/** The next choice of each union and enum, by schema node. */
	private final Map<JsonNode, Integer> turns = new IdentityHashMap<>();

	private final Deque<String> open = new ArrayDeque<>();

	private final Map<String, Integer> openCounts = new HashMap<>();

	SchemaSampler(OpenApiSpec spec, SampleValues values) {
		this.spec = spec;
		this.values = values;
		for (JsonNode schema : spec.schemas().values()) {
			String property = schema.path("discriminator").path("propertyName").asString("");
			for (Map.Entry<String, JsonNode> entry : schema.path("discriminator").path("mapping").properties()) {
				OpenApiSpec.refName(JSON.objectNode().put("$ref", entry.getValue().asString()))
					.ifPresent((variant) -> this.discriminatorValues.put(variant, Map.entry(property, entry.getKey())));
			}
		}
	}

	/**
	 * Makes an instance of a component schema.
	 * @param schemaName the component, such as {@code Product}
	 * @return the instance
	 */
	JsonNode component(String schemaName) {
		return component(schemaName, "");
	}

	/**
	 * Makes a list of instances of a component schema, as a page's {@code items}.
	 * @param schemaName the component
	 * @param count how many
	 * @param minimumBytes the least size of an instance's JSON; a smaller one is left out
	 * and another made
	 * @return the instances
	 */
	ArrayNode components(String schemaName, int count, int minimumBytes) {
		ArrayNode items = JSON.arrayNode();
		while (items.size() < count) {
			JsonNode item = component(schemaName);
			if (item.toString().getBytes(StandardCharsets.UTF_8).length >= minimumBytes) {
				items.add(item);
			}
		}
		return items;
	}

	private JsonNode value(JsonNode schema, String name) {
		Optional<String> ref = OpenApiSpec.refName(schema);
		if (ref.isPresent()) {
			return component(ref.get(), name);
		}
		Optional<JsonNode> constant = SchemaShape.constValue(schema);
		if (constant.isPresent()) {
			return constant.get();
		}
		JsonNode nonNull = SchemaShape.withoutNull(schema);
		if (nonNull != schema) {
			return value(nonNull, name);
		}
		if (schema.has("enum")) {
			List<JsonNode> options = new ArrayList<>();
			schema.path("enum").forEach((option) -> {
				if (!option.isNull()) {
					options.add(option);
				}
			});
			return next(schema, options);
		}
		List<JsonNode> variants = variants(schema);
		if (!variants.isEmpty()) {
			return value(next(schema, variants), name);
		}
		return switch (schema.path("type").asString("")) {
			case "string" -> JSON.stringNode(this.values.string(schema, name));
			case "integer" -> JSON.numberNode(this.values.integer(schema, name));
			case "number" -> JSON.numberNode(this.values.number(schema));
			case "boolean" -> JSON.booleanNode(this.values.bool());
			case "array" -> array(schema, name);
			case "null" -> JSON.nullNode();
			default -> schema.has("properties") ? object(schema, "") : map(schema, name);
		};
	}

	private JsonNode component(String schemaName, String name) {
		JsonNode schema = this.spec.schema(schemaName);
		if (!schema.has("properties")) {
			return value(schema, name);
		}
		return object(schema, schemaName);
	}

	private ObjectNode object(JsonNode schema, String schemaName) {
		if (this.open.size() > MAX_NESTING) {
			throw new IllegalStateException("Schemas nest deeper than " + MAX_NESTING + ": " + this.open);
		}
		this.open.push(schemaName);
		this.openCounts.merge(schemaName, 1, Integer::sum);
		try {
			Set<String> required = Set.copyOf(SchemaShape.required(schema));
			Map.Entry<String, String> discriminator = this.discriminatorValues.get(schemaName);
			ObjectNode object = JSON.objectNode();
			for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
				String propertyName = property.getKey();
				JsonNode propertySchema = property.getValue();
				if (discriminator != null && discriminator.getKey().equals(propertyName)) {
					object.put(propertyName, discriminator.getValue());
				}
				else if (!closesCycle(propertySchema)) {
					object.set(propertyName, value(propertySchema, propertyName));
				}
				else if (SchemaShape.admitsNull(propertySchema)) {
					object.putNull(propertyName);
				}
				else if ("array".equals(SchemaShape.withoutNull(propertySchema).path("type").asString(""))) {
					object.putArray(propertyName);
				}
				else if (required.contains(propertyName)) {
					throw new IllegalStateException("Cannot cut the cycle at required property " + propertyName + " of "
							+ schemaName + " (open: " + this.open + ")");
				}
			}
			return object;
		}
		finally {
			this.open.pop();
			this.openCounts.merge(schemaName, -1, Integer::sum);
		}
	}

	/**
	 * Tells whether a property's value would open a component already open often enough:
	 * the spec's recursive schemas (an organization's members, a checkout's products) end
	 * there with the smallest value the property admits.
	 */
	private boolean closesCycle(JsonNode schema) {
		JsonNode node = SchemaShape.withoutNull(schema);
		if ("array".equals(node.path("type").asString(""))) {
			node = node.path("items");
		}
		for (JsonNode variant : variants(node).isEmpty() ? List.of(node) : variants(node)) {
			Optional<String> ref = OpenApiSpec.refName(variant);
			if (ref.isPresent() && this.openCounts.getOrDefault(ref.get(), 0) >= MAX_SAME_COMPONENT) {
				return true;
			}
		}
		return false;
	}

	private ArrayNode array(JsonNode schema, String name) {
		ArrayNode array = JSON.arrayNode();
		if (schema.has("prefixItems")) {
			schema.path("prefixItems").forEach((item) -> array.add(value(item, name)));
			return array;
		}
		int count = this.values.count(schema.path("minItems").asInt(1), schema.path("maxItems").asInt(4), 1, 4);
		JsonNode items = schema.path("items");
		for (int i = 0; i < count; i++) {
			array.add(items.isObject() ? value(items, name) : JSON.stringNode(this.values.string(items, name)));
		}
		return array;
	}

	private ObjectNode map(JsonNode schema, String name) {
		JsonNode entries = schema.path("additionalProperties");
		for (Map.Entry<String, JsonNode> pattern : schema.path("patternProperties").properties()) {
			entries = pattern.getValue();
		}
		ObjectNode map = JSON.objectNode();
		int count = this.values.count(schema.path("minProperties").asInt(0), schema.path("maxProperties").asInt(50), 2,
				5);
		for (int i = 0; i < count; i++) {
			String key = this.values.key(name, i, schema.path("propertyNames").path("maxLength").asInt(40));
			map.set(key, entries.isObject() && !entries.isEmpty() ? value(entries, key)
					: JSON.stringNode(this.values.string(JSON.objectNode(), key)));
		}
		return map;
	}

	/**
	 * Returns the variants of a union: its {@code anyOf} or {@code oneOf} members other
	 * than null, with members that are unions themselves replaced by their own variants.
	 */
	private List<JsonNode> variants(JsonNode schema) {
		List<JsonNode> variants = new ArrayList<>();
		for (JsonNode member : SchemaShape.alternatives(schema)) {
			Optional<String> ref = OpenApiSpec.refName(member);
			JsonNode target = ref.map(this.spec::schema).orElse(member);
			if (ref.isPresent() && !target.has("properties") && !SchemaShape.alternatives(target).isEmpty()) {
				variants.addAll(variants(target));
			}
			else {
				variants.add(member);
			}
		}
		return variants;
	}

	private JsonNode next(JsonNode site, List<JsonNode> options) {
		int turn = this.turns.merge(site, 1, Integer::sum) - 1;
		return options.get(turn % options.size());
	}

}
