package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelType.TupleType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.OpenApiSpec;
import dev.polarspring.codegen.TypeResolver;

/**
 * Generates a record for a {@code prefixItems} tuple, written and read as a JSON array
 * ({@code ["911144442", "us_ein"]} as {@code TaxId(value, format)}); its nested
 * {@code Deserializer} reads the items in order, as Jackson read an array-shaped record
 * (through its bean machinery, which was most of the time spent on a customer).
 *
 * <p>
 * Component names: an item that references a type is named by the last word of that
 * type's name ({@code TaxIDFormat} gives {@code format}); any other item is
 * {@code value}; a name used twice gets the item's position appended.
 */
final class TupleGenerator {

	private static final ClassName TYPE_FACTORY = ClassName.get("tools.jackson.databind.type", "TypeFactory");

	private static final ClassName JSON_TOKEN = ClassName.get("tools.jackson.core", "JsonToken");

	private final ModelTypes types;

	TupleGenerator(ModelTypes types) {
		this.types = types;
	}

	TypeSpec generate(TupleType type) {
		List<JsonNode> items = new ArrayList<>();
		type.schema().path("prefixItems").forEach(items::add);
		List<String> names = componentNames(items);
		MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
		CodeBlock.Builder order = CodeBlock.builder().add("{");
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			TypeName itemType = this.types.resolver().fieldType(item, true);
			constructor.addParameter(ParameterSpec.builder(itemType, names.get(i))
				.addAnnotation(LibraryTypes.jsonProperty(names.get(i)))
				.addJavadoc("item $L of the array\n", i)
				.build());
			order.add(i == 0 ? "$S" : ", $S", names.get(i));
		}
		return TypeSpec.recordBuilder(type.className())
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L\n", DocText.of(type.schema(), "A fixed-length array."))
			.addJavadoc("\n<p>Written and read as a JSON array of $L items, in component order.\n", items.size())
			.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_FORMAT)
				.addMember("shape", "$T.Shape.ARRAY", LibraryTypes.JSON_FORMAT)
				.build())
			.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_PROPERTY_ORDER)
				.addMember("value", order.add("}").build())
				.build())
			.addAnnotation(RecordDeserializerGenerator.annotation(type.className()))
			.recordConstructor(constructor.build())
			.addType(deserializer(type.className(), items, names))
			.build();
	}

	/**
	 * Generates the tuple's {@code Deserializer}: the items in component order, a missing
	 * one null and any further ones skipped, as Jackson read an array-shaped record.
	 */
	private TypeSpec deserializer(ClassName tuple, List<JsonNode> items, List<String> names) {
		ClassName propertyReader = LibraryTypes.PROPERTY_READER;
		TypeSpec.Builder deserializer = TypeSpec.classBuilder("Deserializer")
			.addModifiers(Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(LibraryTypes.STD_DESERIALIZER, tuple))
			.addJavadoc("Reads a {@code $L} item by item and calls its constructor.\n", tuple.simpleName());
		MethodSpec.Builder resolve = MethodSpec.methodBuilder("resolve")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
			.addStatement("$T types = context.getTypeFactory()", TYPE_FACTORY);
		CodeBlock.Builder declarations = CodeBlock.builder();
		CodeBlock.Builder cases = CodeBlock.builder();
		CodeBlock.Builder absentPrimitives = CodeBlock.builder();
		List<CodeBlock> arguments = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			TypeName itemType = this.types.resolver().fieldType(items.get(i), true);
			TypeName valueType = itemType.withoutAnnotations().box();
			String name = names.get(i);
			String reader = name + "Reader";
			deserializer.addField(
					FieldSpec.builder(ParameterizedTypeName.get(propertyReader, valueType), reader, Modifier.PRIVATE)
						.build());
			resolve.addStatement("this.$L = new $T<>(context, $T.class, $S, $L)", reader, propertyReader, tuple, name,
					RecordDeserializerGenerator.javaType(itemType));
			declarations.addStatement("$T $L = null", TypeResolver.nullable(valueType), name);
			cases.addStatement("case $L -> $L = this.$L.read(parser, context)", i, name, reader);
			arguments.add(CodeBlock.of("$L", name));
			if (itemType.isPrimitive()) {
				absentPrimitives.beginControlFlow("if ($L == null)", name)
					.addStatement("$L = this.$L.absent(context)", name, reader)
					.endControlFlow();
			}
		}
		MethodSpec deserialize = MethodSpec.methodBuilder("deserialize")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(tuple)
			.addParameter(LibraryTypes.JSON_PARSER, "parser")
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
			.beginControlFlow("if (!parser.isExpectedStartArrayToken())")
			.addStatement("return ($T) context.handleUnexpectedToken($T.class, parser)", tuple, tuple)
			.endControlFlow()
			.addCode(declarations.build())
			.addStatement("int item = 0")
			.beginControlFlow("for ($T token = parser.nextToken(); token != $T.END_ARRAY; token = parser.nextToken())",
					TypeResolver.nullable(JSON_TOKEN), JSON_TOKEN)
			.beginControlFlow("switch (item++)")
			.addCode(cases.build())
			.addStatement("default -> parser.skipChildren()")
			.endControlFlow()
			.endControlFlow()
			.addCode(absentPrimitives.build())
			.addStatement("return new $T($L)", tuple, CodeBlock.join(arguments, ", "))
			.build();
		return deserializer
			.addMethod(MethodSpec.constructorBuilder()
				.addJavadoc("Creates the deserializer (Jackson instantiates it once per mapper).\n")
				.addStatement("super($T.class)", tuple)
				.build())
			.addMethod(resolve.build())
			.addMethod(deserialize)
			.build();
	}

	private List<String> componentNames(List<JsonNode> items) {
		List<String> names = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String name = OpenApiSpec.refName(items.get(i)).map((ref) -> {
				List<String> words = this.types.naming().words(this.types.naming().typeName(ref));
				return words.get(words.size() - 1).toLowerCase(Locale.ROOT);
			}).orElse("value");
			if (!used.add(name)) {
				name = name + i;
				used.add(name);
			}
			names.add(name);
		}
		return names;
	}

}
