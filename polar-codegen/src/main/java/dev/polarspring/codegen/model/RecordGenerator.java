package dev.polarspring.codegen.model;

import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.ModelType.ObjectType;
import dev.polarspring.codegen.ModelType.UnionType;
import dev.polarspring.codegen.ModelTypes;

/**
 * Generates an immutable record for an object schema that only responses and webhooks
 * carry.
 *
 * <p>
 * Every component carries {@code @JsonProperty} with its wire name, so the application's
 * naming strategy cannot change it. Optional properties are omitted from the JSON when
 * null; required ones are written even when null, so a value read from Polar writes back
 * the same JSON. {@code const} properties are not components: a static constant and an
 * accessor that Jackson writes. Required lists and maps are never null (an absent one
 * reads as empty); every collection is copied into an unmodifiable one. Each record is
 * read by its own nested {@code Deserializer} ({@link RecordDeserializerGenerator}); it
 * is written by Jackson.
 */
final class RecordGenerator {

	private final ModelTypes types;

	private final RecordDeserializerGenerator deserializers;

	RecordGenerator(ModelTypes types) {
		this.types = types;
		this.deserializers = new RecordDeserializerGenerator();
	}

	TypeSpec generate(ObjectType type) {
		List<ObjectProperty> properties = ObjectProperty.of(type.schema(), this.types);
		TypeSpec.Builder record = TypeSpec.recordBuilder(type.className())
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L\n", DocText.of(type.schema(), "The {@code " + type.schemaName() + "} object."))
			.addJavadoc("$L", DocText.origin(type, this.types))
			.addAnnotation(LibraryTypes.ignoreUnknown())
			.addAnnotation(propertyOrder(properties));
		if (type.schema().path("deprecated").asBoolean(false)) {
			record.addAnnotation(LibraryTypes.deprecated());
		}
		// Its own deserializer, which also keeps a union member from inheriting the
		// union's.
		Members.implementUnions(record, this.types, type.className());
		record.addAnnotation(RecordDeserializerGenerator.annotation(type.className()));
		MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
		CodeBlock.Builder normalize = CodeBlock.builder();
		for (ObjectProperty property : properties) {
			if (property.constant().isPresent()) {
				addConstant(record, property);
				continue;
			}
			ParameterSpec.Builder parameter = ParameterSpec.builder(property.type(), property.javaName())
				.addAnnotation(LibraryTypes.jsonProperty(property.wireName()))
				.addJavadoc("$L\n", DocText.firstSentence(property.doc()));
			if (!property.required()) {
				parameter.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_INCLUDE)
					.addMember("value", "$T.Include.NON_NULL", LibraryTypes.JSON_INCLUDE)
					.build());
			}
			if (property.deprecated()) {
				parameter.addAnnotation(LibraryTypes.deprecated());
			}
			constructor.addParameter(parameter.build());
			Members.copyCollection(normalize, property, property.javaName());
		}
		if (!normalize.isEmpty()) {
			constructor.addJavadoc("Creates the record; collections are copied into unmodifiable ones.\n");
			constructor.addCode(normalize.build());
		}
		record.recordConstructor(constructor.build());
		if (properties.stream().anyMatch((property) -> SensitiveProperties.isSensitive(property.wireName()))) {
			record.addMethod(maskedToString(type, properties));
		}
		record.addType(this.deserializers.generate(type.className(), properties, isKindOfDiscriminatedUnion(type)));
		return record.build();
	}

	private boolean isKindOfDiscriminatedUnion(ObjectType type) {
		return this.types.supertypes(type.className())
			.stream()
			.anyMatch((union) -> this.types.byClassName(union) instanceof UnionType unionType
					&& unionType.discriminator() != null);
	}

	private static MethodSpec maskedToString(ObjectType type, List<ObjectProperty> properties) {
		CodeBlock.Builder text = CodeBlock.builder().add("return $S", type.className().simpleName() + "[");
		boolean first = true;
		for (ObjectProperty property : properties) {
			if (property.constant().isPresent()) {
				continue;
			}
			String label = (first ? "" : ", ") + property.javaName() + "=";
			if (SensitiveProperties.isSensitive(property.wireName())) {
				text.add("\n$>$>+ $S$<$<", label + "***");
			}
			else {
				text.add("\n$>$>+ $S + $L$<$<", label, property.javaName());
			}
			first = false;
		}
		return MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(String.class)
			.addJavadoc(
					"Describes the record; credentials print as {@code ***}.\n@return a description of the record\n")
			.addStatement("$L + $S", text.build(), "]")
			.build();
	}

	private static AnnotationSpec propertyOrder(List<ObjectProperty> properties) {
		CodeBlock.Builder names = CodeBlock.builder().add("{");
		for (int i = 0; i < properties.size(); i++) {
			names.add(i == 0 ? "$S" : ", $S", properties.get(i).wireName());
		}
		return AnnotationSpec.builder(LibraryTypes.JSON_PROPERTY_ORDER)
			.addMember("value", names.add("}").build())
			.build();
	}

	static void addConstant(TypeSpec.Builder type, ObjectProperty property) {
		Class<?> javaType = property.constant().get().isBoolean() ? boolean.class : String.class;
		Object value = property.constant().get().isBoolean() ? property.constant().get().asBoolean()
				: property.constant().get().asString();
		String format = javaType == boolean.class ? "$L" : "$S";
		type.addField(
				FieldSpec.builder(javaType, property.constantName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
					.addJavadoc("The value of {@code $L}, always {@code $L} for this type.\n", property.wireName(),
							DocText.escape(String.valueOf(value)))
					.initializer(format, value)
					.build());
		type.addMethod(MethodSpec.methodBuilder(property.javaName())
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(LibraryTypes.jsonProperty(property.wireName()))
			.returns(javaType)
			.addJavadoc("$L\n@return always {@link #$L}\n", property.doc(), property.constantName())
			.addStatement("return $L", property.constantName())
			.build());
	}

}
