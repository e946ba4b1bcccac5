package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import org.jspecify.annotations.Nullable;

import dev.polarspring.codegen.Main;

/**
 * Generates a record's {@code Deserializer}: it reads the object token by token, a
 * {@code switch} on the index of each property as the parser matches its name (the core's
 * {@code PropertyNames}), and calls the canonical constructor. Jackson's own path for
 * records (a property buffer and a name lookup per value) was most of the time spent
 * decoding a page. Each property's deserializer is looked up once, through the core's
 * {@code PropertyReader}, which also reports nulls, absent values and errors as Jackson
 * does. A kind of a union with a discriminator also reads an object handed on in two
 * parts ({@code SplitObjectDeserializer}).
 */
final class RecordDeserializerGenerator {

	private static final ClassName TYPE_FACTORY = ClassName.get("tools.jackson.databind.type", "TypeFactory");

	private final ClassName propertyReader = LibraryTypes.PROPERTY_READER;

	RecordDeserializerGenerator() {
	}

	/**
	 * Returns the annotation that makes Jackson read the record with its
	 * {@code Deserializer}.
	 */
	static AnnotationSpec annotation(ClassName record) {
		return AnnotationSpec.builder(LibraryTypes.JSON_DESERIALIZE)
			.addMember("using", "$T.class", record.nestedClass("Deserializer"))
			.build();
	}

	/**
	 * Generates the deserializer.
	 * @param record the record
	 * @param allProperties its properties, constants included
	 * @param split whether the record is a kind of a union with a discriminator, which
	 * hands on the object in two parts ({@code SplitObjectDeserializer})
	 */
	TypeSpec generate(ClassName record, List<ObjectProperty> allProperties, boolean split) {
		List<ObjectProperty> properties = allProperties.stream()
			.filter((property) -> property.constant().isEmpty())
			.toList();
		Map<ObjectProperty, String> locals = localNames(properties);
		TypeSpec.Builder deserializer = TypeSpec.classBuilder("Deserializer")
			.addModifiers(Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(LibraryTypes.STD_DESERIALIZER, record))
			.addJavadoc("Reads a {@code $L} property by property and calls its constructor.\n", record.simpleName());
		MethodSpec.Builder resolve = MethodSpec.methodBuilder("resolve")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
			.addStatement("$T types = context.getTypeFactory()", TYPE_FACTORY);
		ClassName propertyNames = LibraryTypes.PROPERTY_NAMES;
		deserializer.addField(FieldSpec.builder(propertyNames, "names", Modifier.PRIVATE).build());
		List<CodeBlock> wireNames = new ArrayList<>();
		CodeBlock.Builder declarations = CodeBlock.builder();
		CodeBlock.Builder cases = CodeBlock.builder();
		CodeBlock.Builder absentPrimitives = CodeBlock.builder();
		List<CodeBlock> arguments = new ArrayList<>();
		for (ObjectProperty property : properties) {
			TypeName valueType = property.type().withoutAnnotations().box();
			String local = locals.get(property);
			String reader = property.javaName() + "Reader";
			deserializer.addField(FieldSpec
				.builder(ParameterizedTypeName.get(this.propertyReader, valueType), reader, Modifier.PRIVATE)
				.build());
			resolve.addStatement("this.$L = new $T<>(context, $T.class, $S, $L)", reader, this.propertyReader, record,
					property.wireName(), javaType(property.type()));
			declarations.addStatement("$T $L = null", nullable(valueType), local);
			ClassName model = modelClass(property.type());
			ClassName element = modelElement(property.type());
			if (model != null) {
				// The model's deserializer called from a site of this property's own,
				// where
				// the JIT sees the one type that comes there (PropertyReader's one site
				// sees every type).
				String direct = property.javaName() + "Deserializer";
				addDeserializerField(deserializer, resolve, direct, CodeBlock.of("this.$L.deserializer()", reader));
				cases.beginControlFlow("case $L ->", wireNames.size())
					.beginControlFlow("if (parser.currentToken() == $T.VALUE_NULL)", LibraryTypes.JSON_TOKEN)
					.addStatement("$L = this.$L.read(parser, context)", local, reader)
					.nextControlFlow("else")
					.beginControlFlow("try")
					.addStatement("$L = ($T) this.$L.deserialize(parser, context)", local, model, direct)
					.nextControlFlow("catch ($T ex)", RuntimeException.class)
					.addStatement("throw this.$L.failure(context, ex)", reader)
					.endControlFlow()
					.endControlFlow()
					.endControlFlow();
			}
			else if (element != null) {
				// A list of models read here, each element from this property's own site.
				String elements = property.javaName() + "Elements";
				addDeserializerField(deserializer, resolve, elements,
						CodeBlock.of("context.findRootValueDeserializer(types.constructType($T.class))", element));
				TypeName list = ParameterizedTypeName.get(LibraryTypes.ARRAY_LIST, element);
				cases.beginControlFlow("case $L ->", wireNames.size())
					.beginControlFlow("if (parser.currentToken() == $T.START_ARRAY)", LibraryTypes.JSON_TOKEN)
					.addStatement("$T list = new $T<>()", list, LibraryTypes.ARRAY_LIST)
					.beginControlFlow("try")
					.beginControlFlow(
							"for ($T token = parser.nextToken(); token != $T.END_ARRAY; token = parser.nextToken())",
							LibraryTypes.JSON_TOKEN, LibraryTypes.JSON_TOKEN)
					.addStatement(
							"list.add(($T) ((token == $T.VALUE_NULL) ? this.$L.getNullValue(context) : this.$L.deserialize(parser, context)))",
							element, LibraryTypes.JSON_TOKEN, elements, elements)
					.endControlFlow()
					.nextControlFlow("catch ($T ex)", RuntimeException.class)
					.addStatement("throw this.$L.failure(context, ex, list)", reader)
					.endControlFlow()
					.addStatement("$L = $T.adopt(list)", local, LibraryTypes.READ_ONLY_COLLECTIONS)
					.nextControlFlow("else")
					.addStatement("$L = this.$L.read(parser, context)", local, reader)
					.endControlFlow()
					.endControlFlow();
			}
			else {
				cases.addStatement("case $L -> $L = this.$L.read(parser, context)", wireNames.size(), local, reader);
			}
			wireNames.add(CodeBlock.of("$S", property.wireName()));
			if (property.primitive()) {
				absentPrimitives.beginControlFlow("if ($L == null)", local)
					.addStatement("$L = this.$L.absent(context)", local, reader)
					.endControlFlow();
			}
			arguments.add(CodeBlock.of("$L", local));
		}
		resolve.addStatement("this.names = $T.of(context$L)", propertyNames,
				wireNames.isEmpty() ? "" : CodeBlock.of(", $L", CodeBlock.join(wireNames, ", ")));
		CodeBlock readProperty = CodeBlock.builder()
			.addStatement("parser.nextToken()")
			.beginControlFlow("switch (property)")
			.add(cases.build())
			.addStatement("default -> parser.skipChildren()")
			.endControlFlow()
			.build();
		CodeBlock construct = CodeBlock.builder()
			.add(absentPrimitives.isEmpty() ? CodeBlock.of("")
					: CodeBlock.builder()
						.add("// Absent primitives fail as they do in Jackson (FAIL_ON_NULL_FOR_PRIMITIVES).\n")
						.add(absentPrimitives.build())
						.build())
			.addStatement("return new $T($L)", record, CodeBlock.join(arguments, ", "))
			.build();
		MethodSpec.Builder deserialize = MethodSpec.methodBuilder("deserialize")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(record)
			.addParameter(LibraryTypes.JSON_PARSER, "parser")
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context");
		List<MethodSpec> readers = new ArrayList<>();
		if (split) {
			// A kind of a union with a discriminator: the union hands on the properties
			// it
			// buffered and the parser of the rest.
			deserializer.addSuperinterface(ParameterizedTypeName.get(LibraryTypes.SPLIT_OBJECT_DESERIALIZER, record));
			deserialize.addStatement("return deserialize(parser, null, context)");
			MethodSpec.Builder splitDeserialize = MethodSpec.methodBuilder("deserialize")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(record)
				.addParameter(LibraryTypes.JSON_PARSER, "parser")
				.addParameter(nullable(LibraryTypes.JSON_PARSER), "rest")
				.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
				.addCode(declarations.build())
				.addStatement("int property = this.names.first(parser, context, $T.class)", record)
				.beginControlFlow("while (true)")
				.beginControlFlow("if (property == $T.END)", propertyNames)
				.beginControlFlow("if (rest == null)")
				.addStatement("break")
				.endControlFlow()
				.addComment("The buffered properties are read: the rest of the object comes from its parser.")
				.addStatement("parser = rest")
				.addStatement("rest = null")
				.addStatement("property = this.names.next(parser)")
				.addStatement("continue")
				.endControlFlow()
				.addCode(readProperty)
				.addStatement("property = this.names.next(parser)")
				.endControlFlow()
				.addCode(construct);
			readers.add(deserialize.build());
			deserialize = splitDeserialize;
		}
		else {
			deserialize.addCode(declarations.build())
				.beginControlFlow(
						"for (int property = this.names.first(parser, context, $T.class); property != $T.END; "
								+ "property = this.names.next(parser))",
						record, propertyNames)
				.addCode(readProperty)
				.endControlFlow()
				.addCode(construct);
		}
		return deserializer
			.addMethod(MethodSpec.constructorBuilder()
				.addJavadoc("Creates the deserializer (Jackson instantiates it once per mapper).\n")
				.addStatement("super($T.class)", record)
				.build())
			.addMethod(resolve.build())
			.addMethod(MethodSpec.methodBuilder("isCachable")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(boolean.class)
				.addJavadoc("Cached, so records that contain each other are resolved once.\n")
				.addStatement("return true")
				.build())
			.addMethods(readers)
			.addMethod(deserialize.build())
			.build();
	}

	private static void addDeserializerField(TypeSpec.Builder deserializer, MethodSpec.Builder resolve, String field,
			CodeBlock value) {
		deserializer.addField(
				FieldSpec
					.builder(ParameterizedTypeName.get(LibraryTypes.VALUE_DESERIALIZER, ClassName.get(Object.class)),
							field, Modifier.PRIVATE)
					.build());
		resolve.addStatement("this.$L = $L", field, value);
	}

	/**
	 * Returns the property's type when it is a generated model, else null.
	 */
	private static @Nullable ClassName modelClass(TypeName type) {
		TypeName plain = type.withoutAnnotations();
		return (plain instanceof ClassName name && name.packageName().equals(Main.MODEL_PACKAGE)) ? name : null;
	}

	/**
	 * Returns the element type of a list of generated models, else null.
	 */
	private static @Nullable ClassName modelElement(TypeName type) {
		TypeName plain = type.withoutAnnotations();
		if (plain instanceof ParameterizedTypeName parameterized
				&& parameterized.rawType().withoutAnnotations().equals(LibraryTypes.LIST)
				&& parameterized.typeArguments().size() == 1) {
			return modelClass(parameterized.typeArguments().get(0));
		}
		return null;
	}

	private static TypeName nullable(TypeName type) {
		return type.annotated(AnnotationSpec.builder(LibraryTypes.NULLABLE).build());
	}

	/**
	 * Names the locals after the properties, avoiding the method's own names.
	 */
	private static Map<ObjectProperty, String> localNames(List<ObjectProperty> properties) {
		Set<String> taken = new HashSet<>(Set.of("parser", "rest", "context", "property"));
		properties.forEach((property) -> taken.add(property.javaName()));
		Map<ObjectProperty, String> names = new LinkedHashMap<>();
		for (ObjectProperty property : properties) {
			String name = property.javaName();
			if (Set.of("parser", "rest", "context", "property").contains(name)) {
				do {
					name = name + "_";
				}
				while (!taken.add(name));
			}
			names.put(property, name);
		}
		return names;
	}

	/**
	 * Writes the expression that builds a Java type's {@code JavaType} from
	 * {@code types}.
	 */
	static CodeBlock javaType(TypeName type) {
		TypeName plain = type.withoutAnnotations();
		if (plain instanceof ParameterizedTypeName parameterized) {
			List<CodeBlock> arguments = parameterized.typeArguments()
				.stream()
				.map(RecordDeserializerGenerator::javaType)
				.toList();
			return CodeBlock.of("types.constructParametricType($T.class, $L)",
					parameterized.rawType().withoutAnnotations(), CodeBlock.join(arguments, ", "));
		}
		if (plain instanceof ClassName || plain.isPrimitive()) {
			return CodeBlock.of("types.constructType($T.class)", plain);
		}
		throw new IllegalStateException("No JavaType expression for " + type + "; extend RecordDeserializerGenerator");
	}

}
