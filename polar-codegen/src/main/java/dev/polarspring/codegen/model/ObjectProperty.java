package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.palantir.javapoet.TypeName;
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.SchemaShape;
import dev.polarspring.codegen.TypeResolver;

/**
 * One property of an object schema, with everything the generators need to know about it.
 *
 * @param wireName the JSON name
 * @param javaName the Java name (camelCase)
 * @param schema the property schema
 * @param required whether the schema lists it as required
 * @param nullable whether JSON null is a valid value
 * @param type the Java type of its accessor: primitive when required and never null, else
 * boxed and {@code @Nullable}
 * @param constant the constant value for a {@code const} property
 * @param doc the Javadoc text
 * @param deprecated whether the spec marks it deprecated
 */
record ObjectProperty(String wireName, String javaName, JsonNode schema, boolean required, boolean nullable,
		TypeName type, Optional<JsonNode> constant, String doc, boolean deprecated) {

	/**
	 * Reads the properties of an object schema in spec order.
	 */
	static List<ObjectProperty> of(JsonNode schema, ModelTypes types) {
		TypeResolver resolver = types.resolver();
		Set<String> required = new HashSet<>(SchemaShape.required(schema));
		List<ObjectProperty> properties = new ArrayList<>();
		Set<String> javaNames = new HashSet<>();
		for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
			String wireName = entry.getKey();
			JsonNode propertySchema = entry.getValue();
			String javaName = types.naming().propertyName(wireName);
			while (!javaNames.add(javaName)) {
				javaName = javaName + "_";
			}
			boolean isRequired = required.contains(wireName);
			String doc = DocText.of(propertySchema, "The {@code " + wireName + "} property.");
			properties.add(new ObjectProperty(wireName, javaName, propertySchema, isRequired,
					resolver.isNullable(propertySchema), resolver.fieldType(propertySchema, isRequired),
					SchemaShape.constValue(propertySchema), doc, propertySchema.path("deprecated").asBoolean(false)));
		}
		return properties;
	}

	/**
	 * Returns the name of the static constant holding a {@code const} property's value.
	 */
	String constantName() {
		return String.join("_", new dev.polarspring.codegen.Naming().words(this.javaName)).toUpperCase(Locale.ROOT);
	}

	/**
	 * Tells whether the property's Java type is a primitive.
	 */
	boolean primitive() {
		return this.type.isPrimitive();
	}

	/**
	 * Tells whether the value is a list.
	 */
	boolean isList() {
		return rawTypeName().equals("java.util.List");
	}

	/**
	 * Tells whether the value is a map.
	 */
	boolean isMap() {
		return rawTypeName().equals("java.util.Map");
	}

	private String rawTypeName() {
		TypeName plain = this.type.withoutAnnotations();
		if (plain instanceof com.palantir.javapoet.ParameterizedTypeName parameterized) {
			return parameterized.rawType().canonicalName();
		}
		return plain.toString();
	}

}
