package dev.polarspring.codegen.model;

import java.util.HashSet;
import java.util.Set;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.ModelType.EnumType;
import dev.polarspring.codegen.Naming;
import dev.polarspring.codegen.TypeResolver;

/**
 * Generates an open enum: one constant per wire value plus {@code UNKNOWN}, which any
 * value the spec did not list reads as, so a value Polar adds later never fails
 * deserialization. {@code toString()} returns the wire value (query parameters are
 * written with it).
 */
final class EnumGenerator {

	private final Naming naming;

	EnumGenerator(Naming naming) {
		this.naming = naming;
	}

	TypeSpec generate(EnumType type) {
		ClassName name = type.className();
		TypeSpec.Builder enumType = TypeSpec.enumBuilder(name)
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L\n", DocText.of(type.schema(), "The values of {@code " + name.simpleName() + "}."))
			.addJavadoc("\n<p>{@link #UNKNOWN} stands for any value this version of the SDK does not know.\n");
		Set<String> constants = new HashSet<>();
		constants.add("UNKNOWN");
		for (String value : type.values()) {
			String constant = this.naming.enumConstant(value);
			while (!constants.add(constant)) {
				constant = constant + "_";
			}
			enumType.addEnumConstant(constant,
					TypeSpec.anonymousClassBuilder("$S", value)
						.addJavadoc("The wire value {@code $L}.\n", DocText.escape(value))
						.build());
		}
		enumType.addEnumConstant("UNKNOWN",
				TypeSpec.anonymousClassBuilder("null")
					.addJavadoc("A value Polar sent that this version of the SDK does not know; it writes as null.\n")
					.build());
		TypeName nullableString = TypeResolver.nullable(ClassName.get(String.class));
		TypeName index = ParameterizedTypeName.get(LibraryTypes.MAP, ClassName.get(String.class), name);
		enumType.addField(FieldSpec.builder(index, "BY_VALUE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
			.initializer("index()")
			.build());
		enumType.addField(FieldSpec.builder(nullableString, "value", Modifier.PRIVATE, Modifier.FINAL).build());
		enumType.addMethod(MethodSpec.constructorBuilder()
			.addParameter(nullableString, "value")
			.addStatement("this.value = value")
			.build());
		enumType.addMethod(MethodSpec.methodBuilder("value")
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(LibraryTypes.JSON_VALUE)
			.returns(nullableString)
			.addJavadoc("Returns the value on the wire.\n@return the wire value, or null for {@link #UNKNOWN}\n")
			.addStatement("return this.value")
			.build());
		enumType.addMethod(MethodSpec.methodBuilder("fromValue")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addParameter(nullableString, "value")
			.returns(name)
			.addJavadoc("Returns the constant of a wire value.\n@param value the wire value\n"
					+ "@return the constant, or {@link #UNKNOWN} for a value this SDK does not know\n")
			.addStatement("$T constant = (value != null) ? BY_VALUE.get(value) : null", TypeResolver.nullable(name))
			.addStatement("return (constant != null) ? constant : UNKNOWN")
			.build());
		enumType.addMethod(MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(String.class)
			.addJavadoc("Returns the wire value, as query parameters send it.\n"
					+ "@return the wire value, or {@code UNKNOWN} for {@link #UNKNOWN}\n")
			.addStatement("return (this.value != null) ? this.value : name()")
			.build());
		enumType.addMethod(MethodSpec.methodBuilder("index")
			.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
			.returns(index)
			.addStatement("$T<String, $T> index = new $T<>()", java.util.HashMap.class, name, java.util.HashMap.class)
			.beginControlFlow("for ($T constant : values())", name)
			.beginControlFlow("if (constant.value != null)")
			.addStatement("index.put(constant.value, constant)")
			.endControlFlow()
			.endControlFlow()
			.addStatement("return $T.copyOf(index)", LibraryTypes.MAP)
			.build());
		if (type.schema().path("deprecated").asBoolean(false)) {
			enumType.addAnnotation(LibraryTypes.deprecated());
		}
		ClassName deserializer = name.nestedClass("Deserializer");
		enumType.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_DESERIALIZE)
			.addMember("using", "$T.class", deserializer)
			.build());
		enumType.addType(deserializer(name, deserializer));
		return enumType.build();
	}

	/**
	 * Reads the enum through {@code fromValue}. Jackson calls a {@code @JsonCreator}
	 * factory through a method handle spread over an argument array on every value, which
	 * made enums a tenth of the cost of decoding a page; a deserializer calling the
	 * factory itself costs nothing.
	 */
	private static TypeSpec deserializer(ClassName name, ClassName deserializer) {
		return TypeSpec.classBuilder(deserializer)
			.addModifiers(Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(LibraryTypes.STD_DESERIALIZER, name))
			.addJavadoc("Reads a {@code $L} from its wire value, as {@link #fromValue(String)} does.\n",
					name.simpleName())
			.addMethod(MethodSpec.constructorBuilder()
				.addJavadoc("Creates the deserializer (Jackson instantiates it).\n")
				.addStatement("super($T.class)", name)
				.build())
			.addMethod(MethodSpec.methodBuilder("deserialize")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(name)
				.addParameter(LibraryTypes.JSON_PARSER, "parser")
				.addParameter(LibraryTypes.DESERIALIZATION_CONTEXT, "context")
				.beginControlFlow("if (!parser.currentToken().isScalarValue())")
				.addComment("An object or array is no wire value: let Jackson report the mismatch.")
				.addStatement("return ($T) context.handleUnexpectedToken($T.class, parser)", name, name)
				.endControlFlow()
				.addStatement("return fromValue(parser.getValueAsString())")
				.build())
			.build();
	}

}
