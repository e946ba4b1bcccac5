package dev.polarspring.codegen;

import java.util.List;

import com.palantir.javapoet.ClassName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One Java type generated for the model: a record or request class for an object schema,
 * an enum, a sealed union or a tuple record.
 */
public sealed interface ModelType {

	/**
	 * Returns the generated class.
	 * @return the class name
	 */
	ClassName className();

	/**
	 * Returns the schema the type is generated from (never a {@code $ref}).
	 * @return the schema
	 */
	JsonNode schema();

	/**
	 * Returns the component name, or {@code null} for a type declared inline in another
	 * schema.
	 * @return the component name
	 */
	@Nullable String schemaName();

	/**
	 * An object schema with properties.
	 *
	 * @param className the generated class
	 * @param schemaName the component name
	 * @param schema the schema
	 * @param request whether a request body reaches it: it then becomes a class with a
	 * builder that records which properties were set, rather than a record
	 */
	record ObjectType(ClassName className, String schemaName, JsonNode schema, boolean request) implements ModelType {
	}

	/**
	 * A string enum.
	 *
	 * @param className the generated enum
	 * @param schemaName the component name, or {@code null} when declared inline
	 * @param schema the schema
	 * @param values the wire values, in spec order
	 */
	record EnumType(ClassName className, @Nullable String schemaName, JsonNode schema,
			List<String> values) implements ModelType {
	}

	/**
	 * A union ({@code anyOf} / {@code oneOf}) of object schemas or other unions.
	 *
	 * @param className the generated sealed interface
	 * @param schemaName the component name, or {@code null} when declared inline
	 * @param schema the schema (its nullable wrapper removed)
	 * @param members the member schemas, each a {@code $ref}, in spec order
	 * @param discriminator the discriminator property, or {@code null} if the spec gives
	 * none
	 */
	record UnionType(ClassName className, @Nullable String schemaName, JsonNode schema, List<JsonNode> members,
			@Nullable String discriminator) implements ModelType {
	}

	/**
	 * A fixed-length array whose items have their own types ({@code prefixItems}),
	 * generated as a record written as a JSON array.
	 *
	 * @param className the generated record
	 * @param schemaName the component name, or {@code null} when declared inline
	 * @param schema the schema
	 */
	record TupleType(ClassName className, @Nullable String schemaName, JsonNode schema) implements ModelType {
	}

}
