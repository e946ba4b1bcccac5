package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import com.palantir.javapoet.WildcardTypeName;
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelType.ObjectType;
import dev.polarspring.codegen.ModelType.UnionType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.OpenApiSpec;
import dev.polarspring.codegen.SchemaShape;
import dev.polarspring.codegen.TypeResolver;

/**
 * Generates a sealed interface for a union of objects: one permitted type per member, plus a
 * nested {@code Unknown} record that keeps the raw JSON of a variant this SDK does not know,
 * and a nested deserializer.
 *
 * <p>With a discriminator the deserializer switches on its value (the spec's mapping, else each
 * member's {@code const} for that property). Without one it asks a {@code VariantMatcher} built
 * from each leaf object's constants, required properties and declared properties (nested
 * unions are flattened to their objects); its Javadoc states the rule.
 */
final class UnionGenerator {

	private final ModelTypes types;

	UnionGenerator(ModelTypes types) {
		this.types = types;
	}

	TypeSpec generate(UnionType union, ClassName variantMatcher) {
		ClassName name = union.className();
		ClassName unknown = name.nestedClass("Unknown");
		ClassName deserializer = name.nestedClass("Deserializer");
		List<ClassName> members = new ArrayList<>();
		for (JsonNode member : union.members()) {
			ClassName memberClass = this.types.componentTarget(OpenApiSpec.refName(member).orElseThrow()).className();
			if (!members.contains(memberClass)) {
				members.add(memberClass);
			}
		}
		TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
			.addModifiers(Modifier.PUBLIC, Modifier.SEALED)
			.addJavadoc("$L\n", DocText.of(union.schema(), "One of several kinds of object."))
			.addJavadoc("\n<p>One of: $L; or {@link Unknown} for a kind this version of the SDK does not know.\n",
					links(members))
			.addJavadoc(union.discriminator() != null
					? "The kind is told by the {@code " + union.discriminator() + "} property.\n"
					: "The spec gives no discriminator: the kind is told by the constants and required properties of"
							+ " each kind.\n")
			.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_DESERIALIZE)
				.addMember("using", "$T.class", deserializer)
				.build());
		if (union.schemaName() != null) {
			type.addJavadoc("\n<p>Schema {@code $L} of Polar's API.\n", union.schemaName());
		}
		this.types.supertypes(name).forEach(type::addSuperinterface);
		members.forEach(type::addPermittedSubclass);
		type.addPermittedSubclass(unknown);
		type.addType(unknownRecord(name, unknown));
		type.addType(deserializer(union, name, unknown, deserializer, variantMatcher));
		return type.build();
	}

	private static String links(List<ClassName> members) {
		List<String> links = new ArrayList<>();
		members.forEach((member) -> links.add("{@link " + member.simpleName() + "}"));
		return String.join(", ", links);
	}

	private static TypeSpec unknownRecord(ClassName union, ClassName unknown) {
		return TypeSpec.recordBuilder(unknown)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addSuperinterface(union)
			.addJavadoc("A kind of {@code $L} this version of the SDK does not know, kept as the JSON Polar sent.\n",
					union.simpleName())
			.recordConstructor(MethodSpec.constructorBuilder()
				.addParameter(ParameterSpec.builder(LibraryTypes.JSON_NODE, "raw")
					.addAnnotation(LibraryTypes.JSON_VALUE)
					.addJavadoc("the JSON object as received; written back unchanged\n")
					.build())
				.build())
			.build();
	}

	private TypeSpec deserializer(UnionType union, ClassName name, ClassName unknown, ClassName deserializer,
			ClassName variantMatcher) {
		TypeName variantClass = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(name));
		TypeSpec.Builder type = TypeSpec.classBuilder(deserializer)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(LibraryTypes.STD_DESERIALIZER, name))
			.addJavadoc("Reads a {@code $L}: chooses the kind, then reads the JSON as that kind.\n", name.simpleName())
			.addMethod(MethodSpec.constructorBuilder()
				.addJavadoc("Creates the deserializer (Jackson instantiates it).\n")
				.addStatement("super($T.class)", name)
				.build());
		MethodSpec.Builder deserialize = MethodSpec.methodBuilder("deserialize")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(name)
			.addParameter(LibraryTypes.JSON_PARSER, "parser")
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
			.addStatement("$T node = context.readTree(parser)", LibraryTypes.JSON_NODE);
		if (union.discriminator() != null) {
			deserialize.addStatement("$T variant = switch (node.path($S).asString(\"\")) {\n$>$L$<}",
					TypeResolver.nullable(variantClass), union.discriminator(), cases(union));
		}
		else {
			type.addField(FieldSpec
				.builder(ParameterizedTypeName.get(variantMatcher, name), "VARIANTS", Modifier.PRIVATE, Modifier.STATIC,
						Modifier.FINAL)
				.initializer(matcher(union, name, variantMatcher))
				.build());
			deserialize.addStatement("$T variant = VARIANTS.match(node)", TypeResolver.nullable(variantClass));
		}
		deserialize.addStatement("return (variant != null) ? context.readTreeAsValue(node, variant) : new $T(node)",
				unknown);
		return type.addMethod(deserialize.build()).build();
	}

	private CodeBlock cases(UnionType union) {
		Map<String, ClassName> mapping = new LinkedHashMap<>();
		JsonNode explicit = union.schema().path("discriminator").path("mapping");
		for (Map.Entry<String, JsonNode> entry : explicit.properties()) {
			String schemaName = entry.getValue().asString().substring("#/components/schemas/".length());
			mapping.put(entry.getKey(), this.types.componentTarget(schemaName).className());
		}
		if (mapping.isEmpty()) {
			for (JsonNode member : union.members()) {
				String schemaName = OpenApiSpec.refName(member).orElseThrow();
				JsonNode property = this.types.spec().deref(member).path("properties").path(union.discriminator());
				Optional<JsonNode> constant = SchemaShape.constValue(property);
				if (constant.isEmpty()) {
					throw new IllegalStateException("Union member " + schemaName + " has no const "
							+ union.discriminator() + " and the discriminator has no mapping");
				}
				mapping.put(constant.get().asString(), this.types.componentTarget(schemaName).className());
			}
		}
		CodeBlock.Builder cases = CodeBlock.builder();
		mapping.forEach((value, target) -> cases.add("case $S -> $T.class;\n", value, target));
		return cases.add("default -> null;\n").build();
	}

	private CodeBlock matcher(UnionType union, ClassName name, ClassName variantMatcher) {
		CodeBlock.Builder code = CodeBlock.builder().add("new $T<$T>($T.of(\n$>$>", variantMatcher, name, LibraryTypes.LIST);
		List<ObjectType> leaves = this.types.leaves(union);
		for (int i = 0; i < leaves.size(); i++) {
			code.add(variant(leaves.get(i), variantMatcher));
			code.add(i + 1 < leaves.size() ? ",\n" : "");
		}
		return code.add("))$<$<").build();
	}

	private CodeBlock variant(ObjectType leaf, ClassName variantMatcher) {
		JsonNode schema = leaf.schema();
		CodeBlock.Builder code = CodeBlock.builder().add("$T.variant($T.class)", variantMatcher, leaf.className());
		Set<String> required = new HashSet<>(SchemaShape.required(schema));
		List<String> requiredNames = new ArrayList<>();
		List<String> notNull = new ArrayList<>();
		List<String> declared = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String wireName = property.getKey();
			JsonNode propertySchema = property.getValue();
			declared.add(wireName);
			Optional<JsonNode> constant = SchemaShape.constValue(propertySchema);
			if (constant.isPresent()) {
				code.add("\n$>.constant($S, $L)$<", "/" + wireName, literal(constant.get()));
			}
			if (!required.contains(wireName)) {
				continue;
			}
			requiredNames.add(wireName);
			if (!this.types.resolver().isNullable(propertySchema)) {
				notNull.add(wireName);
				nestedConstants(code, wireName, propertySchema);
			}
		}
		addNames(code, "required", requiredNames);
		addNames(code, "notNull", notNull);
		addNames(code, "declared", declared);
		if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
			code.add("\n$>.closed()$<");
		}
		return code.build();
	}

	private void nestedConstants(CodeBlock.Builder code, String wireName, JsonNode propertySchema) {
		Optional<String> ref = OpenApiSpec.refName(propertySchema);
		if (ref.isEmpty()) {
			return;
		}
		ModelType target = this.types.forComponent(ref.get()).orElse(null);
		if (!(target instanceof ObjectType object)) {
			return;
		}
		for (Map.Entry<String, JsonNode> nested : object.schema().path("properties").properties()) {
			Optional<JsonNode> constant = SchemaShape.constValue(nested.getValue());
			if (constant.isPresent()) {
				code.add("\n$>.constant($S, $L)$<", "/" + wireName + "/" + nested.getKey(), literal(constant.get()));
			}
		}
	}

	private static void addNames(CodeBlock.Builder code, String method, List<String> names) {
		if (names.isEmpty()) {
			return;
		}
		CodeBlock.Builder arguments = CodeBlock.builder();
		for (int i = 0; i < names.size(); i++) {
			arguments.add(i == 0 ? "$S" : ", $S", names.get(i));
		}
		code.add("\n$>.$L($L)$<", method, arguments.build());
	}

	private static CodeBlock literal(JsonNode constant) {
		return constant.isBoolean() ? CodeBlock.of("$L", constant.asBoolean()) : CodeBlock.of("$S", constant.asString());
	}

}
