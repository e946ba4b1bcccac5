package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.Naming;

/**
 * Generates {@code ModelTypeIndex}: the binary name of every type the model generator
 * wrote, nested types included (a union's {@code Unknown} and {@code Deserializer}, a
 * request body's {@code Builder}), except the private helpers of a generated class, which
 * nothing outside it reaches. {@code PolarModelRuntimeHints} registers these types for a
 * native image, so nothing lists class files to find out what the generator wrote.
 *
 * <p>
 * Names rather than class literals: a record's {@code Deserializer} is package-private to
 * the model package, out of reach of a class literal in the index's package.
 */
final class ModelTypeIndexGenerator {

	/**
	 * Generates the index.
	 * @param typesByPackage the top-level types generated into each package, in
	 * generation order
	 * @return the {@code ModelTypeIndex} class, package-private
	 */
	TypeSpec generate(Map<String, List<TypeSpec>> typesByPackage) {
		List<String> names = new ArrayList<>();
		typesByPackage.forEach((packageName, types) -> {
			for (TypeSpec type : types) {
				collect(packageName + "." + type.name(), type, names);
			}
		});
		CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n$>$>", LibraryTypes.LIST);
		for (int i = 0; i < names.size(); i++) {
			list.add((i + 1 < names.size()) ? "$S,\n" : "$S", names.get(i));
		}
		return TypeSpec.classBuilder(Naming.MODEL_TYPE_INDEX)
			.addModifiers(Modifier.FINAL)
			.addJavadoc("The types polar-codegen generated from Polar's spec into the model and webhook packages, by "
					+ "binary name\n(a nested type after {@code $$}), in the order they were generated: $L names.\n",
					names.size())
			.addJavadoc("\n<p>\n{@link PolarModelRuntimeHints} registers them for reflection in a native image.\n")
			.addField(FieldSpec
				.builder(ParameterizedTypeName.get(LibraryTypes.LIST, ClassName.get(String.class)), "NAMES",
						Modifier.STATIC, Modifier.FINAL)
				.addJavadoc("The binary names, such as {@code dev.polarspring.client.model.Product$$Deserializer}.\n")
				.initializer(list.add("$<$<)").build())
				.build())
			.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
			.build();
	}

	private static void collect(String binaryName, TypeSpec type, List<String> names) {
		names.add(binaryName);
		for (TypeSpec nested : type.typeSpecs()) {
			if (!nested.modifiers().contains(Modifier.PRIVATE)) {
				collect(binaryName + "$" + nested.name(), nested, names);
			}
		}
	}

}
