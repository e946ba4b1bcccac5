package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.ModelType.ObjectType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.TypeResolver;

/**
 * Generates a request body: an immutable class built with a builder that records which
 * properties were set, and sends exactly those.
 *
 * <p>
 * That keeps the three states Polar tells apart on PATCH (it applies
 * {@code exclude_unset}): a property never set is left out of the JSON (the server leaves
 * it unchanged), one set to {@code null} is sent as {@code null} (the server clears it),
 * one set to a value is sent with it. Accessors return the value ({@code null} when not
 * set), and {@code isSet(wireName)} tells whether it was set. {@code build()} rejects a
 * body missing a required property with an {@link IllegalStateException} naming it.
 * {@code additionalProperty(name, value)} sends a property this SDK does not know yet.
 * Reading the JSON goes through the same builder ({@link RequestDeserializerGenerator}),
 * so a body read and written again gives the same JSON.
 *
 * <p>
 * Which properties were set is a {@code long} of one bit per property, in the spec's
 * order (a body has at most {@value #MAX_PROPERTIES}), and the additional properties are
 * a map only once one is added: bodies are also read from every response that holds one
 * (a custom field's options and properties), where a set and a map per object were a good
 * part of the decoding.
 */
final class RequestGenerator {

	private static final TypeName NULLABLE_OBJECT = TypeResolver.nullable(ClassName.get(Object.class));

	private static final TypeName STRING = ClassName.get(String.class);

	private static final TypeName JSON_MAP = ParameterizedTypeName.get(LibraryTypes.MAP, STRING, NULLABLE_OBJECT);

	/** The most properties a body may have: one bit each in a {@code long}. */
	static final int MAX_PROPERTIES = Long.SIZE;

	private final ModelTypes types;

	private final RequestDeserializerGenerator deserializers = new RequestDeserializerGenerator();

	RequestGenerator(ModelTypes types) {
		this.types = types;
	}

	TypeSpec generate(ObjectType type) {
		ClassName name = type.className();
		ClassName builder = name.nestedClass("Builder");
		List<ObjectProperty> all = ObjectProperty.of(type.schema(), this.types);
		List<ObjectProperty> properties = new ArrayList<>();
		List<ObjectProperty> constants = new ArrayList<>();
		for (ObjectProperty property : all) {
			(property.constant().isPresent() ? constants : properties).add(property);
		}
		if (properties.size() > MAX_PROPERTIES) {
			throw new IllegalStateException(type.schemaName() + " has " + properties.size()
					+ " properties; a request body records which were set in one long, so at most " + MAX_PROPERTIES);
		}
		TypeSpec.Builder body = TypeSpec.classBuilder(name)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addJavadoc("$L\n", DocText.of(type.schema(), "The {@code " + type.schemaName() + "} request body."))
			.addJavadoc("\n<p>Build one with {@link #builder()}. Only the properties set on the builder are sent: a "
					+ "property never set is left out, one set to {@code null} is sent as {@code null}.\n")
			.addJavadoc("$L", DocText.origin(type, this.types))
			.addAnnotation(RequestDeserializerGenerator.annotation(name))
			// Only wireProperties() writes JSON: an accessor such as isBusinessCustomer()
			// must not.
			.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_AUTO_DETECT)
				.addMember("getterVisibility", "$T.Visibility.NONE", LibraryTypes.JSON_AUTO_DETECT)
				.addMember("isGetterVisibility", "$T.Visibility.NONE", LibraryTypes.JSON_AUTO_DETECT)
				.addMember("fieldVisibility", "$T.Visibility.NONE", LibraryTypes.JSON_AUTO_DETECT)
				.build());
		if (type.schema().path("deprecated").asBoolean(false)) {
			body.addAnnotation(LibraryTypes.deprecated());
		}
		Members.implementUnions(body, this.types, name);
		body.addField(FieldSpec
			.builder(ParameterizedTypeName.get(LibraryTypes.MAP, STRING, STRING), "PROPERTIES", Modifier.PRIVATE,
					Modifier.STATIC, Modifier.FINAL)
			.addJavadoc("The builder method of each property, by wire name; constants are always sent.\n")
			.initializer(propertyMethods(all))
			.build());
		constants.forEach((constant) -> addConstant(body, constant));
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PRIVATE)
			.addParameter(builder, "builder");
		for (ObjectProperty property : properties) {
			FieldSpec.Builder field = FieldSpec.builder(property.type(), property.javaName(), Modifier.PRIVATE,
					Modifier.FINAL);
			body.addField(field.build());
			if (property.isList() || property.isMap()) {
				CodeBlock.Builder copy = CodeBlock.builder();
				copy.addStatement("$T $L = builder.$L", TypeResolver.nullable(property.type().withoutAnnotations()),
						property.javaName(), property.javaName());
				Members.copyCollection(copy, nullableView(property), property.javaName());
				constructor.addCode(copy.build());
				constructor.addStatement("this.$L = $L", property.javaName(), property.javaName());
			}
			else {
				constructor.addStatement("this.$L = builder.$L", property.javaName(), property.javaName());
			}
		}
		body.addField(FieldSpec.builder(long.class, "setProperties", Modifier.PRIVATE, Modifier.FINAL)
			.addJavadoc("One bit per property set, in the spec's order.\n")
			.build());
		body.addField(FieldSpec.builder(JSON_MAP, "additionalProperties", Modifier.PRIVATE, Modifier.FINAL).build());
		constructor.addStatement("this.setProperties = builder.setProperties");
		constructor.addStatement("$T additionalProperties = builder.additionalProperties",
				TypeResolver.nullable(JSON_MAP));
		constructor.addStatement(
				"this.additionalProperties = (additionalProperties != null) ? $T.unmodifiableMap(new $T<>(additionalProperties)) : $T.of()",
				LibraryTypes.COLLECTIONS, LibraryTypes.LINKED_HASH_MAP, LibraryTypes.MAP);
		body.addMethod(constructor.build());
		body.addMethod(MethodSpec.methodBuilder("builder")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.returns(builder)
			.addJavadoc("Starts a new {@code $L}.\n@return an empty builder\n", name.simpleName())
			.addStatement("return new $T()", builder)
			.build());
		MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder")
			.addModifiers(Modifier.PUBLIC)
			.returns(builder)
			.addJavadoc("Starts a builder holding this body's properties, to send a changed copy.\n"
					+ "@return a builder with the same properties set\n")
			.addStatement("$T builder = new $T()", builder, builder);
		for (ObjectProperty property : properties) {
			toBuilder.addStatement("builder.$L = this.$L", property.javaName(), property.javaName());
		}
		body.addMethod(toBuilder.addStatement("builder.setProperties = this.setProperties")
			.beginControlFlow("if (!this.additionalProperties.isEmpty())")
			.addStatement("builder.additionalProperties = new $T<>(this.additionalProperties)",
					LibraryTypes.LINKED_HASH_MAP)
			.endControlFlow()
			.addStatement("return builder")
			.build());
		for (ObjectProperty property : properties) {
			body.addMethod(MethodSpec.methodBuilder(property.javaName())
				.addModifiers(Modifier.PUBLIC)
				.returns(property.type())
				.addJavadoc("$L\n@return the value, or {@code null} if it was not set\n", property.doc())
				.addAnnotations(property.deprecated() ? List.of(LibraryTypes.deprecated()) : List.of())
				.addStatement("return this.$L", property.javaName())
				.build());
		}
		body.addMethod(MethodSpec.methodBuilder("isSet")
			.addModifiers(Modifier.PUBLIC)
			.returns(boolean.class)
			.addParameter(STRING, "property")
			.addJavadoc(
					"Tells whether a property was set (to a value or to {@code null}), which is whether it is sent.\n"
							+ "@param property the property's name on the wire, such as {@code $L}\n"
							+ "@return whether the property was set\n",
					all.isEmpty() ? "name" : all.get(0).wireName())
			.addCode(isSetBody(properties))
			.build());
		body.addMethod(MethodSpec.methodBuilder("additionalProperties")
			.addModifiers(Modifier.PUBLIC)
			.returns(JSON_MAP)
			.addJavadoc("Returns the properties this SDK does not know, sent as they are.\n"
					+ "@return the additional properties, unmodifiable\n")
			.addStatement("return this.additionalProperties")
			.build());
		body.addMethod(wireProperties(constants, properties));
		body.addMethod(equalsMethod(name, properties));
		body.addMethod(hashCodeMethod(properties));
		body.addMethod(toStringMethod(name, properties));
		body.addType(builderType(type, name, builder, properties, constants));
		body.addType(this.deserializers.generate(name, builder, properties, constants,
				properties.stream().map(RequestGenerator::setterType).toList()));
		return body.build();
	}

	/**
	 * Returns the expression that tells whether the property at {@code index} was set,
	 * {@code set} being the field that holds the bits.
	 */
	private static CodeBlock isSet(String set, int index) {
		return CodeBlock.of("($L & (1L << $L)) != 0", set, index);
	}

	private static CodeBlock isSetBody(List<ObjectProperty> properties) {
		if (properties.isEmpty()) {
			return CodeBlock.of("return false;\n");
		}
		CodeBlock.Builder cases = CodeBlock.builder().add("return switch (property) {\n$>");
		for (int i = 0; i < properties.size(); i++) {
			cases.add("case $S -> $L;\n", properties.get(i).wireName(), isSet("this.setProperties", i));
		}
		// A constant is never set: it is always sent.
		return cases.add("default -> false;\n$<};\n").build();
	}

	private static ObjectProperty nullableView(ObjectProperty property) {
		// Inside the constructor the builder's value may be null until build() has
		// checked it.
		return new ObjectProperty(property.wireName(), property.javaName(), property.schema(), false, true,
				property.type(), property.constant(), property.doc(), property.deprecated());
	}

	private static CodeBlock propertyMethods(List<ObjectProperty> properties) {
		if (properties.isEmpty()) {
			return CodeBlock.of("$T.of()", LibraryTypes.MAP);
		}
		CodeBlock.Builder entries = CodeBlock.builder().add("$T.ofEntries(\n$>$>", LibraryTypes.MAP);
		for (int i = 0; i < properties.size(); i++) {
			ObjectProperty property = properties.get(i);
			String method = property.constant().isPresent() ? "nothing: the constant is always sent"
					: property.javaName() + "(...)";
			entries.add("$T.entry($S, $S)$L", LibraryTypes.MAP, property.wireName(), method,
					(i + 1 < properties.size()) ? ",\n" : "");
		}
		return entries.add(")$<$<").build();
	}

	private static CodeBlock names(List<ObjectProperty> properties) {
		CodeBlock.Builder names = CodeBlock.builder();
		for (int i = 0; i < properties.size(); i++) {
			names.add(i == 0 ? "$S" : ", $S", properties.get(i).wireName());
		}
		return names.build();
	}

	private static void addConstant(TypeSpec.Builder type, ObjectProperty property) {
		boolean bool = property.constant().get().isBoolean();
		Class<?> javaType = bool ? boolean.class : String.class;
		String value = bool ? String.valueOf(property.constant().get().asBoolean())
				: property.constant().get().asString();
		type.addField(
				FieldSpec.builder(javaType, property.constantName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
					.addJavadoc("The value of {@code $L}, always sent as {@code $L}.\n", property.wireName(),
							DocText.escape(value))
					.initializer(bool ? "$L" : "$S", value)
					.build());
		type.addMethod(MethodSpec.methodBuilder(property.javaName())
			.addModifiers(Modifier.PUBLIC)
			.returns(javaType)
			.addJavadoc("$L\n@return always {@link #$L}\n", property.doc(), property.constantName())
			.addStatement("return $L", property.constantName())
			.build());
	}

	private static MethodSpec wireProperties(List<ObjectProperty> constants, List<ObjectProperty> properties) {
		MethodSpec.Builder method = MethodSpec.methodBuilder("wireProperties")
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(LibraryTypes.JSON_ANY_GETTER)
			.returns(JSON_MAP)
			.addJavadoc(
					"Returns the JSON object this body is sent as: its constants, every property set on the builder "
							+ "(in the spec's order), then the additional properties.\n@return the properties to write\n")
			.addStatement("$T json = new $T<>()", JSON_MAP, LibraryTypes.LINKED_HASH_MAP);
		for (ObjectProperty constant : constants) {
			method.addStatement("json.put($S, $L)", constant.wireName(), constant.constantName());
		}
		for (int i = 0; i < properties.size(); i++) {
			ObjectProperty property = properties.get(i);
			method.beginControlFlow("if ($L)", isSet("this.setProperties", i))
				.addStatement("json.put($S, this.$L)", property.wireName(), property.javaName())
				.endControlFlow();
		}
		return method.addStatement("json.putAll(this.additionalProperties)").addStatement("return json").build();
	}

	private static MethodSpec equalsMethod(ClassName name, List<ObjectProperty> properties) {
		CodeBlock.Builder comparison = CodeBlock.builder()
			.add("this.setProperties == other.setProperties\n$>$>&& this.additionalProperties.equals(other.additionalProperties)");
		for (ObjectProperty property : properties) {
			comparison.add("\n&& $T.equals(this.$L, other.$L)", LibraryTypes.OBJECTS, property.javaName(),
					property.javaName());
		}
		return MethodSpec.methodBuilder("equals")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(boolean.class)
			.addParameter(TypeResolver.nullable(ClassName.get(Object.class)), "object")
			.addJavadoc("Two bodies are equal when they send the same JSON.\n@param object the other object\n"
					+ "@return whether both set the same properties to equal values\n")
			.addStatement("return (object instanceof $T other) && $L$<$<", name, comparison.build())
			.build();
	}

	private static MethodSpec hashCodeMethod(List<ObjectProperty> properties) {
		CodeBlock.Builder values = CodeBlock.builder().add("this.setProperties, this.additionalProperties");
		for (ObjectProperty property : properties) {
			values.add(", this.$L", property.javaName());
		}
		return MethodSpec.methodBuilder("hashCode")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(int.class)
			.addJavadoc("Returns a hash code consistent with {@link #equals(Object)}.\n@return the hash code\n")
			.addStatement("return $T.hash($L)", LibraryTypes.OBJECTS, values.build())
			.build();
	}

	private static MethodSpec toStringMethod(ClassName name, List<ObjectProperty> properties) {
		MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(String.class)
			.addJavadoc(
					"Lists the properties set; credentials print as {@code ***}.\n@return a description of the body\n")
			.addStatement("$T text = new $T($S)", StringBuilder.class, StringBuilder.class, name.simpleName() + "[");
		for (int i = 0; i < properties.size(); i++) {
			ObjectProperty property = properties.get(i);
			method.beginControlFlow("if ($L)", isSet("this.setProperties", i));
			if (SensitiveProperties.isSensitive(property.wireName())) {
				method.addStatement("text.append($S)", property.javaName() + "=***, ");
			}
			else {
				method.addStatement("text.append($S).append(this.$L).append($S)", property.javaName() + "=",
						property.javaName(), ", ");
			}
			method.endControlFlow();
		}
		return method.beginControlFlow("if (!this.additionalProperties.isEmpty())")
			.addStatement(
					"text.append(\"additionalProperties=\").append(this.additionalProperties.keySet()).append(\", \")")
			.endControlFlow()
			.beginControlFlow("if (text.charAt(text.length() - 1) == ' ')")
			.addStatement("text.setLength(text.length() - 2)")
			.endControlFlow()
			.addStatement("return text.append(']').toString()")
			.build();
	}

	private TypeSpec builderType(ObjectType type, ClassName name, ClassName builder, List<ObjectProperty> properties,
			List<ObjectProperty> constants) {
		TypeSpec.Builder spec = TypeSpec.classBuilder(builder)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.addJavadoc("Builds a {@code $L}; every property set is sent, including those set to {@code null}.\n",
					name.simpleName())
			.addAnnotation(
					AnnotationSpec.builder(LibraryTypes.JSON_POJO_BUILDER).addMember("withPrefix", "$S", "").build());
		if (!constants.isEmpty()) {
			// The constants are written by the body itself; reading one must not make it
			// an additional property.
			spec.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_IGNORE_PROPERTIES)
				.addMember("value", "{$L}", names(constants))
				.build());
		}
		for (ObjectProperty property : properties) {
			TypeName stored = TypeResolver.nullable(property.type().withoutAnnotations().box());
			spec.addField(FieldSpec.builder(stored, property.javaName(), Modifier.PRIVATE).build());
		}
		spec.addField(FieldSpec.builder(long.class, "setProperties", Modifier.PRIVATE).build());
		spec.addField(FieldSpec.builder(TypeResolver.nullable(JSON_MAP), "additionalProperties", Modifier.PRIVATE)
			.addJavadoc("Made when the first one is added.\n")
			.build());
		spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
		for (int i = 0; i < properties.size(); i++) {
			spec.addMethod(setter(builder, properties.get(i), i));
		}
		spec.addMethod(MethodSpec.methodBuilder("additionalProperty")
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(LibraryTypes.JSON_ANY_SETTER)
			.returns(builder)
			.addParameter(STRING, "name")
			.addParameter(NULLABLE_OBJECT, "value")
			.addJavadoc("Sends a property this version of the SDK does not know yet, as it is.\n"
					+ "@param name the property's name on the wire\n@param value the value, written with Polar's JSON mapper\n"
					+ "@return this builder\n@throws IllegalArgumentException if the body already has a property of that name\n")
			.beginControlFlow("if (PROPERTIES.containsKey(name))")
			.addStatement("throw new $T($S + name + $S + PROPERTIES.get(name))", IllegalArgumentException.class, "'",
					"' is a property of " + name.simpleName() + "; set it with ")
			.endControlFlow()
			.addStatement("$T additionalProperties = this.additionalProperties", TypeResolver.nullable(JSON_MAP))
			.beginControlFlow("if (additionalProperties == null)")
			.addStatement("additionalProperties = new $T<>()", LibraryTypes.LINKED_HASH_MAP)
			.addStatement("this.additionalProperties = additionalProperties")
			.endControlFlow()
			.addStatement("additionalProperties.put(name, value)")
			.addStatement("return this")
			.build());
		MethodSpec.Builder build = MethodSpec.methodBuilder("build")
			.addModifiers(Modifier.PUBLIC)
			.returns(name)
			.addJavadoc("Builds the body.\n@return the body\n@throws IllegalStateException if a required property was"
					+ " not set\n");
		for (int i = 0; i < properties.size(); i++) {
			ObjectProperty property = properties.get(i);
			if (property.required()) {
				build.beginControlFlow("if ((this.setProperties & (1L << $L)) == 0)", i)
					.addStatement("throw new $T($S)", IllegalStateException.class,
							name.simpleName() + ": required property '" + property.wireName() + "' ("
									+ property.javaName() + ") is not set; call " + property.javaName()
									+ "(...) before build()")
					.endControlFlow();
			}
		}
		spec.addMethod(build.addStatement("return new $T(this)", name).build());
		return spec.build();
	}

	/**
	 * Returns the parameter type of a property's builder method: boxed and nullable for a
	 * nullable property, primitive for a number or boolean that is not, else the
	 * property's type (and the method refuses null).
	 */
	private static TypeName setterType(ObjectProperty property) {
		if (property.nullable()) {
			return TypeResolver.nullable(property.type().withoutAnnotations().box());
		}
		if (property.type().withoutAnnotations().isBoxedPrimitive() || property.type().isPrimitive()) {
			return property.type().withoutAnnotations().unbox();
		}
		return property.type().withoutAnnotations();
	}

	private static MethodSpec setter(ClassName builder, ObjectProperty property, int index) {
		TypeName parameterType = setterType(property);
		boolean checkNull = !property.nullable() && !parameterType.isPrimitive();
		MethodSpec.Builder setter = MethodSpec.methodBuilder(property.javaName())
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(LibraryTypes.jsonProperty(property.wireName()))
			.returns(builder)
			.addParameter(ParameterSpec.builder(parameterType, property.javaName()).build())
			.addJavadoc("$L\n@param $L the value$L\n@return this builder\n", property.doc(), property.javaName(),
					property.nullable() ? ", or {@code null} to send {@code null}" : "");
		if (property.deprecated()) {
			setter.addAnnotation(LibraryTypes.deprecated());
		}
		if (checkNull) {
			setter.addStatement("this.$L = $T.requireNonNull($L, $S)", property.javaName(), LibraryTypes.OBJECTS,
					property.javaName(), property.javaName() + " must not be null; leave it unset instead");
		}
		else {
			setter.addStatement("this.$L = $L", property.javaName(), property.javaName());
		}
		return setter.addStatement("this.setProperties |= 1L << $L", index).addStatement("return this").build();
	}

}
