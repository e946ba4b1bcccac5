package dev.polarspring.codegen.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;

import dev.polarspring.codegen.operation.ResourceOperation.QueryParameter;
import dev.polarspring.codegen.operation.ResourceOperation.QueryParameters;

/**
 * Generates the params class of an operation's query parameters: immutable, built with a
 * builder, written by {@code writeTo(QueryWriter)} under the wire names.
 *
 * <p>
 * A single value has one builder method taking the value ({@code long} and
 * {@code boolean} unboxed, so {@code limit(100)} compiles). A list has two: varargs
 * ({@code productId("a", "b")}) and a {@code List}. A deep object ({@code metadata}) has
 * an adder of one entry ({@code metadata("plan", "pro")}) and a method replacing every
 * entry with a map. {@code build()} fails naming every required parameter left unset.
 * {@code toString()} prints {@code ***} for parameters that hold a credential.
 */
final class ParamsGenerator {

	private static final ClassName LIST = ClassName.get(List.class);

	private static final ClassName MAP = ClassName.get(Map.class);

	private static final ClassName STRING = ClassName.get(String.class);

	/**
	 * Generates a params class.
	 * @param operation the operation the parameters belong to
	 * @param client the class of the client that takes them
	 * @return the class
	 */
	TypeSpec generate(ResourceOperation operation, ClassName client) {
		QueryParameters query = Objects.requireNonNull(operation.query());
		ClassName className = query.className();
		ClassName builder = className.nestedClass("Builder");
		TypeSpec.Builder type = TypeSpec.classBuilder(className)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addSuperinterface(RuntimeTypes.QUERY_PARAMS)
			.addJavadoc("The query parameters of {@link $T#$L} ({@code $L $L}).\n\n", client, operation.methodName(),
					operation.httpMethod(), operation.path())
			.addJavadoc("<p>Immutable; build one with {@link #builder()}. A parameter left unset is not sent.\n");
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PRIVATE)
			.addParameter(builder, "builder");
		for (QueryParameter parameter : query.parameters()) {
			type.addField(fieldType(parameter), parameter.javaName(), Modifier.PRIVATE, Modifier.FINAL);
			constructor.addCode(assignment(parameter));
		}
		type.addMethod(constructor.build());
		type.addMethod(MethodSpec.methodBuilder("builder")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.returns(builder)
			.addJavadoc("Starts a new {@code $L}.\n@return an empty builder\n", className.simpleName())
			.addStatement("return new $T()", builder)
			.build());
		for (QueryParameter parameter : query.parameters()) {
			type.addMethod(accessor(parameter));
		}
		type.addMethod(writeTo(query));
		type.addMethod(equalsMethod(query));
		type.addMethod(hashCodeMethod(query));
		type.addMethod(toStringMethod(query));
		type.addType(builderType(query, builder));
		return type.build();
	}

	private static TypeName holderType(QueryParameter parameter) {
		return switch (parameter.shape()) {
			case VALUE -> parameter.valueType();
			case LIST -> ParameterizedTypeName.get(LIST, parameter.valueType());
			case MAP -> ParameterizedTypeName.get(MAP, STRING, parameter.valueType());
		};
	}

	private static TypeName fieldType(QueryParameter parameter) {
		TypeName type = holderType(parameter);
		return parameter.required() ? type : nullable(type);
	}

	private static CodeBlock assignment(QueryParameter parameter) {
		String name = parameter.javaName();
		if (parameter.shape() == ResourceOperation.Shape.MAP) {
			// The builder's map stays mutable; the params object gets its own read-only
			// copy.
			String copy = "$T.unmodifiableMap(new $T<>(builder.$N))";
			if (parameter.required()) {
				return CodeBlock.of("this.$N = " + copy + ";\n", name, Collections.class, LinkedHashMap.class, name);
			}
			return CodeBlock.of("this.$N = (builder.$N != null) ? " + copy + " : null;\n", name, name,
					Collections.class, LinkedHashMap.class, name);
		}
		if (parameter.required()) {
			return CodeBlock.of("this.$N = $T.requireNonNull(builder.$N);\n", name, Objects.class, name);
		}
		return CodeBlock.of("this.$N = builder.$N;\n", name, name);
	}

	private static MethodSpec accessor(QueryParameter parameter) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(parameter.javaName())
			.addModifiers(Modifier.PUBLIC)
			.returns(fieldType(parameter))
			.addJavadoc("$L\n", parameter.description())
			.addJavadoc(
					parameter.required() ? "@return the value\n" : "@return the value, or {@code null} if not set\n")
			.addStatement("return this.$N", parameter.javaName());
		if (parameter.deprecated()) {
			method.addAnnotation(Deprecated.class);
		}
		return method.build();
	}

	private static MethodSpec writeTo(QueryParameters query) {
		MethodSpec.Builder method = MethodSpec.methodBuilder("writeTo")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.addParameter(RuntimeTypes.QUERY_WRITER, "query");
		for (QueryParameter parameter : query.parameters()) {
			method.addStatement("query.add($S, this.$N)", parameter.wireName(), parameter.javaName());
		}
		return method.build();
	}

	private static MethodSpec equalsMethod(QueryParameters query) {
		ClassName className = query.className();
		List<CodeBlock> comparisons = new ArrayList<>();
		for (QueryParameter parameter : query.parameters()) {
			comparisons.add(CodeBlock.of("$T.equals(this.$N, that.$N)", Objects.class, parameter.javaName(),
					parameter.javaName()));
		}
		return MethodSpec.methodBuilder("equals")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(TypeName.BOOLEAN)
			.addParameter(nullable(ClassName.get(Object.class)), "other")
			.beginControlFlow("if (this == other)")
			.addStatement("return true")
			.endControlFlow()
			.beginControlFlow("if (!(other instanceof $T that))", className)
			.addStatement("return false")
			.endControlFlow()
			.addCode("return ")
			.addCode(CodeBlock.join(comparisons, "\n\t\t&& "))
			.addCode(";\n")
			.build();
	}

	private static MethodSpec hashCodeMethod(QueryParameters query) {
		List<CodeBlock> fields = new ArrayList<>();
		for (QueryParameter parameter : query.parameters()) {
			fields.add(CodeBlock.of("this.$N", parameter.javaName()));
		}
		return MethodSpec.methodBuilder("hashCode")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(TypeName.INT)
			.addStatement("return $T.hash($L)", Objects.class, CodeBlock.join(fields, ", "))
			.build();
	}

	private static MethodSpec toStringMethod(QueryParameters query) {
		CodeBlock.Builder text = CodeBlock.builder().add("return $S", query.className().simpleName() + "{");
		String separator = "";
		for (QueryParameter parameter : query.parameters()) {
			String label = separator + parameter.javaName() + "=";
			if (parameter.sensitive()) {
				// A credential is never printed, only whether it is set.
				text.add("\n\t\t+ $S + ((this.$N != null) ? $S : null)", label, parameter.javaName(), "***");
			}
			else {
				text.add("\n\t\t+ $S + this.$N", label, parameter.javaName());
			}
			separator = ", ";
		}
		text.add("\n\t\t+ $S;\n", "}");
		return MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(STRING)
			.addCode(text.build())
			.build();
	}

	private static TypeSpec builderType(QueryParameters query, ClassName builder) {
		ClassName className = query.className();
		TypeSpec.Builder type = TypeSpec.classBuilder(builder)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.addJavadoc("Builds a {@link $T}. Not thread-safe.\n", className);
		for (QueryParameter parameter : query.parameters()) {
			type.addField(nullable(holderType(parameter)), parameter.javaName(), Modifier.PRIVATE);
		}
		type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
		for (QueryParameter parameter : query.parameters()) {
			switch (parameter.shape()) {
				case VALUE -> type.addMethod(valueSetter(parameter, builder));
				case LIST -> {
					type.addMethod(varargsSetter(parameter, builder));
					type.addMethod(listSetter(parameter, builder));
				}
				case MAP -> {
					type.addMethod(entryAdder(parameter, builder));
					type.addMethod(mapSetter(parameter, builder));
				}
			}
		}
		type.addMethod(buildMethod(query));
		return type.build();
	}

	private static MethodSpec.Builder setter(QueryParameter parameter, ClassName builder) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(parameter.javaName())
			.addModifiers(Modifier.PUBLIC)
			.returns(builder)
			.addJavadoc("$L\n", parameter.description());
		if (parameter.deprecated()) {
			method.addAnnotation(Deprecated.class);
		}
		return method;
	}

	private static MethodSpec valueSetter(QueryParameter parameter, ClassName builder) {
		TypeName type = parameter.valueType().isBoxedPrimitive() ? parameter.valueType().unbox()
				: parameter.valueType();
		MethodSpec.Builder method = setter(parameter, builder)
			.addJavadoc("@param $N the value, sent as {@code $L}\n@return this builder\n", parameter.javaName(),
					parameter.wireName())
			.addParameter(type, parameter.javaName());
		if (!type.isPrimitive()) {
			method.addStatement("$T.requireNonNull($N, $S)", Objects.class, parameter.javaName(),
					parameter.javaName() + " must not be null");
		}
		return method.addStatement("this.$N = $N", parameter.javaName(), parameter.javaName())
			.addStatement("return this")
			.build();
	}

	private static MethodSpec varargsSetter(QueryParameter parameter, ClassName builder) {
		return setter(parameter, builder)
			.addJavadoc("@param $N the values, each sent as {@code $L}\n@return this builder\n", parameter.javaName(),
					parameter.wireName())
			.addParameter(ArrayTypeName.of(parameter.valueType()), parameter.javaName())
			.varargs(true)
			.addStatement("this.$N = $T.of($N)", parameter.javaName(), LIST, parameter.javaName())
			.addStatement("return this")
			.build();
	}

	private static MethodSpec listSetter(QueryParameter parameter, ClassName builder) {
		return setter(parameter, builder)
			.addJavadoc("@param $N the values, each sent as {@code $L}\n@return this builder\n", parameter.javaName(),
					parameter.wireName())
			.addParameter(ParameterizedTypeName.get(LIST, parameter.valueType()), parameter.javaName())
			.addStatement("this.$N = $T.copyOf($N)", parameter.javaName(), LIST, parameter.javaName())
			.addStatement("return this")
			.build();
	}

	private static MethodSpec entryAdder(QueryParameter parameter, ClassName builder) {
		return setter(parameter, builder)
			.addJavadoc("@param key the key, sent as {@code $L[key]}\n", parameter.wireName())
			.addJavadoc("@param value the value; a list repeats the parameter per element\n@return this builder\n")
			.addParameter(STRING, "key")
			.addParameter(parameter.valueType(), "value")
			.beginControlFlow("if (this.$N == null)", parameter.javaName())
			.addStatement("this.$N = new $T<>()", parameter.javaName(), LinkedHashMap.class)
			.endControlFlow()
			.addStatement("this.$N.put($T.requireNonNull(key, $S), $T.requireNonNull(value, $S))", parameter.javaName(),
					Objects.class, "key must not be null", Objects.class, "value must not be null")
			.addStatement("return this")
			.build();
	}

	private static MethodSpec mapSetter(QueryParameter parameter, ClassName builder) {
		TypeName values = ParameterizedTypeName.get(MAP, STRING, WildcardTypeName.subtypeOf(parameter.valueType()));
		return setter(parameter, builder)
			.addJavadoc("@param $N every entry, each sent as {@code $L[key]=value}, replacing those set before\n",
					parameter.javaName(), parameter.wireName())
			.addJavadoc("@return this builder\n")
			.addParameter(values, parameter.javaName())
			.addStatement("this.$N = new $T<>($N)", parameter.javaName(), LinkedHashMap.class, parameter.javaName())
			.addStatement("return this")
			.build();
	}

	private static MethodSpec buildMethod(QueryParameters query) {
		ClassName className = query.className();
		MethodSpec.Builder method = MethodSpec.methodBuilder("build")
			.addModifiers(Modifier.PUBLIC)
			.returns(className)
			.addJavadoc("Builds the parameters.\n@return the parameters\n");
		List<QueryParameter> required = query.parameters().stream().filter(QueryParameter::required).toList();
		if (!required.isEmpty()) {
			method.addJavadoc("@throws IllegalStateException if a required parameter is not set\n");
			method.addStatement("$T<$T> missing = new $T<>()", LIST, STRING, ArrayList.class);
			for (QueryParameter parameter : required) {
				method.beginControlFlow("if (this.$N == null)", parameter.javaName())
					.addStatement("missing.add($S)", parameter.javaName())
					.endControlFlow();
			}
			method.beginControlFlow("if (!missing.isEmpty())")
				.addStatement("throw new $T($S + missing + $S)", IllegalStateException.class,
						className.simpleName() + " needs the parameters ", "; set them on the builder before build()")
				.endControlFlow();
		}
		return method.addStatement("return new $T(this)", className).build();
	}

	private static TypeName nullable(TypeName type) {
		return type.annotated(AnnotationSpec.builder(RuntimeTypes.NULLABLE).build());
	}

}
