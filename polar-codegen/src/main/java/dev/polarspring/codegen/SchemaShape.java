package dev.polarspring.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Reads the shape of one JSON schema: whether it admits null, what it is once null is set
 * aside, and which alternatives an {@code anyOf} or {@code oneOf} offers.
 */
public final class SchemaShape {

	private SchemaShape() {
	}

	/**
	 * Tells whether a schema admits JSON {@code null} on its own (a {@code $ref} is
	 * followed by the caller, since components are never nullable in this spec except
	 * through aliases).
	 * @param schema any schema
	 * @return whether null is allowed
	 */
	public static boolean admitsNull(JsonNode schema) {
		if ("null".equals(schema.path("type").asString(""))) {
			return true;
		}
		for (JsonNode alternative : unionMembers(schema)) {
			if (admitsNull(alternative)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Removes the {@code null} alternative of {@code anyOf [T, null]} (at any depth),
	 * returning {@code T}; any other schema is returned as is.
	 * @param schema any schema
	 * @return the schema without its null alternative
	 */
	public static JsonNode withoutNull(JsonNode schema) {
		List<JsonNode> members = unionMembers(schema);
		if (members.isEmpty()) {
			return schema;
		}
		List<JsonNode> nonNull = new ArrayList<>();
		for (JsonNode member : members) {
			if (!isNullType(member)) {
				nonNull.add(member);
			}
		}
		return nonNull.size() == 1 ? withoutNull(nonNull.get(0)) : schema;
	}

	/**
	 * Returns the non-null alternatives of a union, nested {@code anyOf}/{@code oneOf}
	 * flattened, in spec order; an empty list if the schema is not a union.
	 * @param schema any schema
	 * @return the alternatives
	 */
	public static List<JsonNode> alternatives(JsonNode schema) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode member : unionMembers(schema)) {
			if (isNullType(member)) {
				continue;
			}
			if (unionMembers(member).isEmpty()) {
				result.add(member);
			}
			else {
				result.addAll(alternatives(member));
			}
		}
		return result;
	}

	/**
	 * Returns the {@code const} value of a schema.
	 * @param schema any schema
	 * @return the constant, or empty if the schema is not a {@code const}
	 */
	public static Optional<JsonNode> constValue(JsonNode schema) {
		JsonNode value = schema.get("const");
		return (value != null && value.isValueNode()) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * Returns the properties the schema lists as required.
	 * @param schema an object schema
	 * @return the required property names
	 */
	public static List<String> required(JsonNode schema) {
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		return required;
	}

	/**
	 * Tells whether a schema is the bare {@code {"type": "null"}}.
	 * @param schema any schema
	 * @return whether it only admits null
	 */
	public static boolean isNullType(JsonNode schema) {
		return "null".equals(schema.path("type").asString("")) && !schema.has("anyOf") && !schema.has("oneOf");
	}

	private static List<JsonNode> unionMembers(JsonNode schema) {
		List<JsonNode> members = new ArrayList<>();
		schema.path("anyOf").forEach(members::add);
		schema.path("oneOf").forEach(members::add);
		return members;
	}

}
