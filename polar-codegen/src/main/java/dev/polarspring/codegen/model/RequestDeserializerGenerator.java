package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * Generates a request body's {@code Deserializer}: it reads the object as a record's
 * deserializer does ({@link RecordDeserializerGenerator}), each property into its builder
 * method, every property the body does not declare into {@code additionalProperty},
 * constants skipped (the body writes them itself), then calls {@code build()}. That is
 * what Jackson did driving the builder through its annotations, with a lookup and a
 * reflective call per property; what the builder rejects is reported as Jackson reported
 * it (the core's {@code BuilderRejection}).
 */
final class RequestDeserializerGenerator {

	private static final ClassName TYPE_FACTORY = ClassName.get("tools.jackson.databind.type", "TypeFactory");

	RequestDeserializerGenerator() {
	}

	/**
	 * Returns the annotation that makes Jackson read the body with its
	 * {@code Deserializer}.
	 */
	static AnnotationSpec annotation(ClassName body) {
		return RecordDeserializerGenerator.annotation(body);
	}

	/**
	 * Generates the deserializer.
	 * @param body the request body
	 * @param builder its builder
	 * @param properties its properties, constants excluded
	 * @param constants its constants
	 * @param setterTypes the parameter type of each property's builder method
	 */
	TypeSpec generate(ClassName body, ClassName builder, List<ObjectProperty> properties,
			List<ObjectProperty> constants, List<TypeName> setterTypes) {
		ClassName propertyReader = LibraryTypes.PROPERTY_READER;
		ClassName propertyNames = LibraryTypes.PROPERTY_NAMES;
		TypeSpec.Builder deserializer = TypeSpec.classBuilder("Deserializer")
			.addModifiers(Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(LibraryTypes.STD_DESERIALIZER, body))
			.addJavadoc("Reads a {@code $L} property by property into its builder.\n", body.simpleName())
			.addField(FieldSpec.builder(propertyNames, "names", Modifier.PRIVATE).build())
			.addField(FieldSpec
				.builder(ParameterizedTypeName.get(propertyReader, ClassName.get(Object.class)), "additionalReader",
						Modifier.PRIVATE)
				.build());
		MethodSpec.Builder resolve = MethodSpec.methodBuilder("resolve")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
			.addStatement("$T types = context.getTypeFactory()", TYPE_FACTORY);
		List<CodeBlock> wireNames = new ArrayList<>();
		CodeBlock.Builder cases = CodeBlock.builder();
		for (int i = 0; i < properties.size(); i++) {
			ObjectProperty property = properties.get(i);
			TypeName setterType = setterTypes.get(i);
			String reader = property.javaName() + "Reader";
			deserializer.addField(
					FieldSpec
						.builder(ParameterizedTypeName.get(propertyReader, setterType.withoutAnnotations().box()),
								reader, Modifier.PRIVATE)
						.build());
			resolve.addStatement("this.$L = new $T<>(context, $T.class, $S, $L)", reader, propertyReader, body,
					property.wireName(), RecordDeserializerGenerator.javaType(setterType));
			cases.addStatement("case $L -> builder.$L(this.$L.read(parser, context))", wireNames.size(),
					property.javaName(), reader);
			wireNames.add(CodeBlock.of("$S", property.wireName()));
		}
		if (!constants.isEmpty()) {
			List<CodeBlock> indexes = new ArrayList<>();
			for (ObjectProperty constant : constants) {
				indexes.add(CodeBlock.of("$L", wireNames.size()));
				wireNames.add(CodeBlock.of("$S", constant.wireName()));
			}
			cases.add("// The constants: the body writes them itself.\n")
				.addStatement("case $L -> parser.skipChildren()", CodeBlock.join(indexes, ", "));
		}
		cases.addStatement(
				"default -> builder.additionalProperty(parser.currentName(), this.additionalReader.read(parser, context))");
		resolve
			.addStatement("this.names = $T.of(context$L)", propertyNames,
					wireNames.isEmpty() ? "" : CodeBlock.of(", $L", CodeBlock.join(wireNames, ", ")))
			.addStatement("this.additionalReader = $T.additional(context, $T.class)", propertyReader, body);
		ClassName rejection = LibraryTypes.BUILDER_REJECTION;
		MethodSpec deserialize = MethodSpec.methodBuilder("deserialize")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(body)
			.addParameter(LibraryTypes.JSON_PARSER, "parser")
			.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
			.addStatement("$T builder = new $T()", builder, builder)
			.beginControlFlow("for (int property = this.names.first(parser, context, $T.class); property != $T.END; "
					+ "property = this.names.next(parser))", body, propertyNames)
			.addStatement("parser.nextToken()")
			.beginControlFlow("try")
			.beginControlFlow("switch (property)")
			.addCode(cases.build())
			.endControlFlow()
			.nextControlFlow("catch ($T ex)", NullPointerException.class)
			.addComment("A builder method refused the null Polar sent.")
			.addStatement("throw $T.ofValue(context, parser, $T.class, ex)", rejection, body)
			.endControlFlow()
			.endControlFlow()
			.beginControlFlow("try")
			.addStatement("return builder.build()")
			.nextControlFlow("catch ($T ex)", IllegalStateException.class)
			.addStatement("throw $T.ofBuild(context, parser, $T.class, ex)", rejection, builder)
			.endControlFlow()
			.build();
		return deserializer
			.addMethod(MethodSpec.constructorBuilder()
				.addJavadoc("Creates the deserializer (Jackson instantiates it once per mapper).\n")
				.addStatement("super($T.class)", body)
				.build())
			.addMethod(resolve.build())
			.addMethod(MethodSpec.methodBuilder("isCachable")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(boolean.class)
				.addJavadoc("Cached, so bodies that contain each other are resolved once.\n")
				.addStatement("return true")
				.build())
			.addMethod(deserialize)
			.build();
	}

}
