package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.Collection;
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
 * Generates a sealed interface for a union of objects: one permitted type per member,
 * plus a nested {@code Unknown} record that keeps the raw JSON of a variant this SDK does
 * not know, and a nested deserializer.
 *
 * <p>
 * The interface declares the accessors every kind shares ({@link SharedProperty}:
 * {@code Benefit.id()}, {@code Benefit.createdAt()}), except those a supertype union
 * already declares alike. {@code Unknown} implements them, its own and inherited, by
 * reading its raw JSON through the core's {@code RawProperty}: an accessor every known
 * kind guarantees stays non-null and throws {@link IllegalStateException} when the
 * unknown kind lacks the property, so callers of {@code Benefit.id()} need no null check
 * for a case no known kind has; any other is {@code @Nullable} and null when absent.
 *
 * <p>
 * With a discriminator the deserializer switches on its value (the spec's mapping, else
 * each member's {@code const} for that property). Without one it asks a
 * {@code VariantMatcher} built from each leaf object's constants, required properties and
 * declared properties (nested unions are flattened to their objects); its Javadoc states
 * the rule.
 */
final class UnionGenerator {

	private final ModelTypes types;

	private final ClassName rawProperty;

	UnionGenerator(ModelTypes types) {
		this.types = types;
		this.rawProperty = LibraryTypes.RAW_PROPERTY;
	}

	TypeSpec generate(UnionType union) {
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
		List<SharedProperty> shared = SharedProperty.of(union, this.types);
		Map<String, SharedProperty> inherited = inherited(name);
		List<SharedProperty> declared = new ArrayList<>();
		for (SharedProperty property : shared) {
			SharedProperty fromSupertype = inherited.get(property.javaName());
			if (fromSupertype == null || !fromSupertype.sameAccessor(property)) {
				declared.add(property);
			}
		}
		if (!shared.isEmpty()) {
			type.addJavadoc("\n<p>What every kind has is read without a switch: $L. {@link Unknown} reads these from "
					+ "the JSON Polar sent: one every known kind guarantees is never null (it throws "
					+ "{@link IllegalStateException} if the unknown kind lacks it), any other is null when absent.\n",
					accessorLinks(shared));
		}
		if (union.schemaName() != null) {
			type.addJavadoc("$L", DocText.origin(union, this.types));
		}
		this.types.supertypes(name).forEach(type::addSuperinterface);
		members.forEach(type::addPermittedSubclass);
		type.addPermittedSubclass(unknown);
		declared.forEach((property) -> type.addMethod(abstractAccessor(property, name)));
		Map<String, SharedProperty> implemented = new LinkedHashMap<>(inherited);
		for (SharedProperty property : shared) {
			// A guaranteed accessor narrows a nullable one a supertype declares.
			implemented.merge(property.javaName(), property, (previous, own) -> own.guaranteed() ? own : previous);
		}
		type.addType(unknownRecord(name, unknown, implemented.values()));
		type.addType(deserializer(union, name, unknown, deserializer));
		return type.build();
	}

	private static String links(List<ClassName> members) {
		List<String> links = new ArrayList<>();
		members.forEach((member) -> links.add("{@link " + member.simpleName() + "}"));
		return String.join(", ", links);
	}

	private static String accessorLinks(List<SharedProperty> properties) {
		List<String> links = new ArrayList<>();
		properties.forEach((property) -> links.add("{@link #" + property.javaName() + "()}"));
		return String.join(", ", links);
	}

	/**
	 * Returns the accessors the union's supertypes declare, nearest first, by name.
	 */
	private Map<String, SharedProperty> inherited(ClassName union) {
		Map<String, SharedProperty> inherited = new LinkedHashMap<>();
		for (ClassName supertype : this.types.supertypes(union)) {
			inherited(supertype).forEach(inherited::putIfAbsent);
			if (this.types.byClassName(supertype) instanceof UnionType superUnion) {
				for (SharedProperty property : SharedProperty.of(superUnion, this.types)) {
					inherited.merge(property.javaName(), property,
							(previous, own) -> own.guaranteed() ? own : previous);
				}
			}
		}
		return inherited;
	}

	private static MethodSpec abstractAccessor(SharedProperty property, ClassName union) {
		String onUnknown = property.guaranteed()
				? "Every known kind has it; on {@link Unknown} it is read from the JSON, and throws"
						+ " {@link IllegalStateException} if that kind came without it."
				: "On {@link Unknown} it is read from the JSON: null if absent.";
		MethodSpec.Builder method = MethodSpec.methodBuilder(property.javaName())
			.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
			.returns(property.type())
			.addJavadoc("$L\n\n<p>Shared by every kind of {@code $L}. $L\n@return the value$L\n", property.doc(),
					union.simpleName(), onUnknown, property.guaranteed() ? "" : ", or {@code null}");
		if (property.deprecated()) {
			method.addAnnotation(LibraryTypes.deprecated());
		}
		return method.build();
	}

	private MethodSpec unknownAccessor(SharedProperty property, ClassName union) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(property.javaName())
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(property.type())
			.addJavadoc("Reads {@code $L} from the JSON Polar sent.\n@return the value$L\n", property.wireName(),
					property.guaranteed() ? "" : ", or {@code null} if absent")
			.addStatement("return $T.$L(this.raw, $S, $S, $L)", this.rawProperty,
					property.guaranteed() ? "required" : "optional", union.simpleName(), property.wireName(),
					javaType(property.type().withoutAnnotations().box()));
		if (property.guaranteed()) {
			method.addJavadoc("@throws IllegalStateException if the JSON lacks it or holds null\n");
		}
		if (property.deprecated()) {
			method.addAnnotation(LibraryTypes.deprecated());
		}
		return method.build();
	}

	/**
	 * Returns the code that describes a type to Jackson:
	 * {@code RawProperty.type(List.class,
	 * RawProperty.type(String.class))} for {@code List<String>}.
	 */
	private CodeBlock javaType(TypeName type) {
		TypeName plain = type.withoutAnnotations();
		if (plain instanceof ParameterizedTypeName parameterized) {
			CodeBlock.Builder code = CodeBlock.builder()
				.add("$T.type($T.class", this.rawProperty, parameterized.rawType());
			for (TypeName argument : parameterized.typeArguments()) {
				code.add(", $L", javaType(argument));
			}
			return code.add(")").build();
		}
		return CodeBlock.of("$T.type($T.class)", this.rawProperty, plain);
	}

	private TypeSpec unknownRecord(ClassName union, ClassName unknown, Collection<SharedProperty> accessors) {
		TypeSpec.Builder record = TypeSpec.recordBuilder(unknown)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addSuperinterface(union)
			.addJavadoc("A kind of {@code $L} this version of the SDK does not know, kept as the JSON Polar sent.\n",
					union.simpleName())
			.recordConstructor(MethodSpec.constructorBuilder()
				.addParameter(ParameterSpec.builder(LibraryTypes.JSON_NODE, "raw")
					.addAnnotation(LibraryTypes.JSON_VALUE)
					.addJavadoc("the JSON object as received; written back unchanged\n")
					.build())
				.build());
		accessors.forEach((property) -> record.addMethod(unknownAccessor(property, union)));
		return record.build();
	}

	private TypeSpec deserializer(UnionType union, ClassName name, ClassName unknown, ClassName deserializer) {
		ClassName variantMatcher = LibraryTypes.VARIANT_MATCHER;
		TypeName variantClass = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(name));
		TypeSpec.Builder type = TypeSpec.classBuilder(deserializer)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(LibraryTypes.STD_DESERIALIZER, name))
			.addJavadoc("Reads a {@code $L}: chooses the kind, then reads the JSON as that kind.\n", name.simpleName())
			.addMethod(MethodSpec.constructorBuilder()
				.addJavadoc("Creates the deserializer (Jackson instantiates it).\n")
				.addStatement("super($T.class)", name)
				.build());
		ClassName variantReader = LibraryTypes.VARIANT_READER;
		type.addField(FieldSpec.builder(variantReader, "variants", Modifier.PRIVATE, Modifier.FINAL)
			.initializer("new $T()", variantReader)
			.build());
		MethodSpec.Builder deserialize = MethodSpec.methodBuilder("deserialize")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(name)
			.addParameter(LibraryTypes.JSON_PARSER, "parser")
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context");
		if (union.discriminator() != null) {
			// The discriminator names the kind: only the properties before it are
			// buffered, no tree is built.
			deserialize
				.addStatement("$T json = $T.discriminated(parser, $S, context)",
						variantReader.nestedClass("Discriminated"), variantReader, union.discriminator())
				.addStatement("$T variant = switch (json.value()) {\n$>$L$<}", TypeResolver.nullable(variantClass),
						cases(union))
				.addStatement(
						"return (variant != null) ? this.variants.read(json, variant, context) : new $T($T.tree(json, "
								+ "context))",
						unknown, variantReader);
		}
		else {
			type.addField(FieldSpec
				.builder(ParameterizedTypeName.get(variantMatcher, name), "VARIANTS", Modifier.PRIVATE, Modifier.STATIC,
						Modifier.FINAL)
				.initializer(matcher(union, name, variantMatcher))
				.build());
			// The object is buffered as tokens while the matcher notes what its rules
			// look
			// at; the chosen variant reads the tokens, no tree is built.
			deserialize
				.addStatement("$T json = VARIANTS.buffer(parser, context)", variantMatcher.nestedClass("Buffered"))
				.addStatement("$T variant = VARIANTS.match(json)", TypeResolver.nullable(variantClass))
				.addStatement(
						"return (variant != null) ? this.variants.read(json, variant, context) : new $T(json.tree(context))",
						unknown);
		}
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
		CodeBlock.Builder code = CodeBlock.builder()
			.add("new $T<$T>($T.of(\n$>$>", variantMatcher, name, LibraryTypes.LIST);
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
		return constant.isBoolean() ? CodeBlock.of("$L", constant.asBoolean())
				: CodeBlock.of("$S", constant.asString());
	}

}
