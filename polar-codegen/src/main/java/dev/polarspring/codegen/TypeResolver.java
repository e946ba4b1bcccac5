package dev.polarspring.codegen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import tools.jackson.databind.JsonNode;

/**
 * Maps any schema, a {@code $ref} or inline, to the Java type that holds its values.
 *
 * <ul>
 * <li>{@code string}: {@code String}; format {@code date-time}: {@code OffsetDateTime}
 * (microseconds kept); {@code date}: {@code LocalDate}; {@code uuid}, {@code uuid4},
 * {@code email}, {@code uri} and the rest stay {@code String};</li>
 * <li>{@code integer}: {@code long} (money is integer cents); {@code number}:
 * {@code double}; {@code boolean}: {@code boolean}; boxed wherever the value may be
 * absent or null;</li>
 * <li>{@code array}: {@code List<T>}; {@code prefixItems}: a tuple record;
 * {@code additionalProperties} or {@code patternProperties}: {@code Map<String, V>} (keys
 * stay strings even where {@code propertyNames} names an enum, so an unknown key never
 * fails); an object without properties: {@code Map<String, Object>};</li>
 * <li>{@code anyOf [T, null]}: {@code T}, nullable; a union of objects: its sealed
 * interface; a union of scalars: {@code String} when every alternative is a string,
 * {@code Long} when every one is an integer, {@code Number} for integers and numbers,
 * {@code Object} otherwise (the value Jackson reads: {@code String},
 * {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}, {@code List} or
 * {@code Map});</li>
 * <li>an enum: its generated enum; {@code const}: the constant's type; no type at all:
 * {@code Object}.</li>
 * </ul>
 */
public final class TypeResolver {

	private static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");

	private static final ClassName STRING = ClassName.get(String.class);

	private static final ClassName OBJECT = ClassName.get(Object.class);

	private final ModelTypes types;

	TypeResolver(ModelTypes types) {
		this.types = types;
	}

	/**
	 * Returns the (boxed) Java type of a schema, without nullness annotations on the type
	 * itself (type arguments that may be null carry {@code @Nullable}).
	 * @param schema any schema
	 * @return the Java type
	 */
	public TypeName resolve(JsonNode schema) {
		Optional<String> ref = OpenApiSpec.refName(schema);
		if (ref.isPresent()) {
			Optional<ModelType> type = this.types.forComponent(ref.get());
			if (type.isPresent()) {
				return type.get().className();
			}
			return resolve(this.types.spec().schema(ref.get()));
		}
		JsonNode node = SchemaShape.withoutNull(schema);
		if (node != schema) {
			return resolve(node);
		}
		Optional<ModelType> inline = this.types.forInline(node);
		if (inline.isPresent()) {
			return inline.get().className();
		}
		if (node.has("anyOf") || node.has("oneOf")) {
			return scalarUnion(SchemaShape.alternatives(node));
		}
		Optional<JsonNode> constant = SchemaShape.constValue(node);
		if (constant.isPresent()) {
			return constantType(constant.get());
		}
		String type = node.path("type").asString("");
		switch (type) {
			case "string":
				return switch (node.path("format").asString("")) {
					case "date-time" -> ClassName.get(OffsetDateTime.class);
					case "date" -> ClassName.get(LocalDate.class);
					default -> STRING;
				};
			case "integer":
				return TypeName.LONG.box();
			case "number":
				return TypeName.DOUBLE.box();
			case "boolean":
				return TypeName.BOOLEAN.box();
			case "array":
				JsonNode items = node.path("items");
				return ParameterizedTypeName.get(ClassName.get(List.class),
						items.isObject() ? element(items) : nullable(OBJECT));
			case "object":
				return map(node);
			default:
				if (node.has("additionalProperties") || node.has("patternProperties")) {
					return map(node);
				}
				return OBJECT;
		}
	}

	/**
	 * Returns the type of a property or parameter: a primitive when the value is required
	 * and never null, otherwise the boxed type annotated {@code @Nullable}.
	 * @param schema the property schema
	 * @param required whether the property is required
	 * @return the Java type to declare
	 */
	public TypeName fieldType(JsonNode schema, boolean required) {
		TypeName type = resolve(schema);
		if (required && !isNullable(schema)) {
			return type.isBoxedPrimitive() ? type.unbox() : type;
		}
		return nullable(type);
	}

	/**
	 * Tells whether a schema admits null, following {@code $ref} to aliases such as
	 * {@code MetadataQuery}.
	 * @param schema any schema
	 * @return whether null is a valid value
	 */
	public boolean isNullable(JsonNode schema) {
		Optional<String> ref = OpenApiSpec.refName(schema);
		if (ref.isPresent()) {
			return this.types.forComponent(ref.get()).isEmpty() && isNullable(this.types.spec().schema(ref.get()));
		}
		return SchemaShape.admitsNull(schema);
	}

	/**
	 * Annotates a type {@code @Nullable} (JSpecify, type use).
	 * @param type a reference type
	 * @return the annotated type
	 */
	public static TypeName nullable(TypeName type) {
		return type.annotated(AnnotationSpec.builder(NULLABLE).build());
	}

	private TypeName element(JsonNode schema) {
		TypeName type = resolve(schema);
		return isNullable(schema) ? nullable(type) : type;
	}

	private TypeName map(JsonNode node) {
		JsonNode values = node.path("additionalProperties");
		if (!values.isObject()) {
			for (Map.Entry<String, JsonNode> pattern : node.path("patternProperties").properties()) {
				values = pattern.getValue();
			}
		}
		TypeName valueType = values.isObject() ? element(values) : nullable(OBJECT);
		return ParameterizedTypeName.get(ClassName.get(Map.class), STRING, valueType);
	}

	private TypeName scalarUnion(List<JsonNode> alternatives) {
		boolean strings = true;
		boolean integers = true;
		boolean numbers = true;
		for (JsonNode alternative : alternatives) {
			String type = this.types.spec().deref(alternative).path("type").asString("");
			strings &= type.equals("string");
			integers &= type.equals("integer");
			numbers &= type.equals("integer") || type.equals("number");
		}
		if (strings) {
			return STRING;
		}
		if (integers) {
			return TypeName.LONG.box();
		}
		return numbers ? ClassName.get(Number.class) : OBJECT;
	}

	private static TypeName constantType(JsonNode constant) {
		if (constant.isBoolean()) {
			return TypeName.BOOLEAN.box();
		}
		if (constant.isIntegralNumber()) {
			return TypeName.LONG.box();
		}
		if (constant.isNumber()) {
			return TypeName.DOUBLE.box();
		}
		return STRING;
	}

}
