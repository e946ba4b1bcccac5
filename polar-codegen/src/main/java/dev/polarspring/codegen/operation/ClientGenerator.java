package dev.polarspring.codegen.operation;

import java.io.InputStream;
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
import org.jspecify.annotations.Nullable;

import dev.polarspring.codegen.operation.ResourceOperation.Auth;
import dev.polarspring.codegen.operation.ResourceOperation.Body;
import dev.polarspring.codegen.operation.ResourceOperation.PathParameter;
import dev.polarspring.codegen.operation.ResourceOperation.QueryParameters;
import dev.polarspring.codegen.operation.ResourceOperation.Response;
import dev.polarspring.codegen.operation.ResourceOperation.ResponseKind;

/**
 * Generates the client class of one group: an {@code ApiOperation} constant per
 * operation, the accessors of its sub-clients, and per operation a method taking every
 * argument plus the overloads that leave out what may be left out.
 *
 * <p>
 * The method taking every argument has the path parameters in path order, then the params
 * object (when the operation has query parameters), then the body, then
 * {@code RequestOptions}. The overloads leave out the options, the params object when no
 * query parameter is required, and the body when the spec does not require one; each
 * calls the full method. A text answer ({@code text/csv} exports) gets a second family of
 * methods named {@code <method>Stream} that hand the answer over as an
 * {@code InputStream}.
 */
final class ClientGenerator {

	private static final String EXECUTOR = "executor";

	/**
	 * Generates a client class.
	 * @param group the group
	 * @param reachedWith how a {@code PolarClient} named {@code polar} reaches it, such
	 * as {@code polar.customerPortal().orders()}
	 * @return the class
	 */
	TypeSpec generate(ResourceGroup group, String reachedWith) {
		TypeSpec.Builder type = TypeSpec.classBuilder(group.className())
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addJavadoc(classDoc(group, reachedWith));
		for (ResourceOperation operation : group.operations()) {
			type.addField(constant(operation));
		}
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("Creates the client. Applications reach it with {@code $L}.\n", reachedWith)
			.addJavadoc("@param executor sends every call of this client\n")
			.addParameter(RuntimeTypes.API_EXECUTOR, EXECUTOR);
		if (!group.operations().isEmpty()) {
			type.addField(RuntimeTypes.API_EXECUTOR, EXECUTOR, Modifier.PRIVATE, Modifier.FINAL);
			constructor.addStatement("this.$N = $N", EXECUTOR, EXECUTOR);
		}
		for (ResourceGroup child : group.children()) {
			type.addField(child.className(), child.accessorName(), Modifier.PRIVATE, Modifier.FINAL);
			constructor.addStatement("this.$N = new $T($N)", child.accessorName(), child.className(), EXECUTOR);
		}
		type.addMethod(constructor.build());
		for (ResourceGroup child : group.children()) {
			type.addMethod(accessor(child));
		}
		for (ResourceOperation operation : group.operations()) {
			if (operation.response().kind() == ResponseKind.TEXT) {
				addMethods(type, operation, false);
				addMethods(type, operation, true);
				type.addMethod(requestMethod(operation));
			}
			else {
				addMethods(type, operation, false);
			}
		}
		return type.build();
	}

	/**
	 * Returns the accessor of a sub-client.
	 * @param child the sub-client's group
	 * @return the accessor
	 */
	static MethodSpec accessor(ResourceGroup child) {
		return MethodSpec.methodBuilder(child.accessorName())
			.addModifiers(Modifier.PUBLIC)
			.returns(child.className())
			.addJavadoc("Returns the client of the {@code $L} operations.\n", String.join(".", child.path()))
			.addJavadoc("@return the client\n")
			.addStatement("return this.$N", child.accessorName())
			.build();
	}

	private static CodeBlock classDoc(ResourceGroup group, String reachedWith) {
		CodeBlock.Builder doc = CodeBlock.builder();
		doc.add("The {@code $L} operations of the Polar API", String.join(".", group.path()));
		if (!group.children().isEmpty()) {
			List<String> children = new ArrayList<>();
			group.children().forEach((child) -> children.add("{@link #" + child.accessorName() + "()}"));
			doc.add(group.operations().isEmpty() ? ": the clients $L" : ", with the clients $L",
					OperationReader.joinWords(children, "and"));
		}
		doc.add(".\n\n<p>Reach it with {@code $L}", reachedWith);
		if (!group.operations().isEmpty()
				&& group.operations().stream().allMatch((operation) -> operation.auth() == Auth.CUSTOMER_SESSION)) {
			doc.add("; its calls authenticate with a customer or member session token, so get it from "
					+ "{@link $T#customerPortal(String)} or set the token per call with "
					+ "{@link $T.Builder#customerSessionToken(String)}", RuntimeTypes.POLAR_CLIENT,
					RuntimeTypes.REQUEST_OPTIONS);
		}
		doc.add(". Immutable and thread-safe.\n");
		return doc.build();
	}

	private static FieldSpec constant(ResourceOperation operation) {
		return FieldSpec
			.builder(RuntimeTypes.API_OPERATION, operation.constantName(), Modifier.PUBLIC, Modifier.STATIC,
					Modifier.FINAL)
			.addJavadoc("The {@code $L} operation: {@code $L $L}.\n", operation.operationId(), operation.httpMethod(),
					operation.path())
			.initializer("new $T($S, $S, $T.$L, $S, $T.$L)", RuntimeTypes.API_OPERATION, operation.operationId(),
					operation.resource(), RuntimeTypes.HTTP_METHOD, operation.httpMethod(), operation.path(),
					RuntimeTypes.AUTH_SCHEME, operation.auth().name())
			.build();
	}

	private static void addMethods(TypeSpec.Builder type, ResourceOperation operation, boolean stream) {
		QueryParameters query = operation.query();
		Body body = operation.body();
		String name = stream ? operation.methodName() + "Stream" : operation.methodName();
		CodeBlock fullLink = link(name, operation);
		type.addMethod(fullMethod(operation, name, stream));
		List<boolean[]> variants = new ArrayList<>();
		for (boolean withQuery : new boolean[] { true, false }) {
			for (boolean withBody : new boolean[] { true, false }) {
				for (boolean withOptions : new boolean[] { true, false }) {
					boolean full = withQuery && withBody && withOptions;
					boolean queryOptional = withQuery || (query != null && !query.hasRequired());
					boolean bodyOptional = withBody || (body != null && !body.required());
					if (!full && queryOptional && bodyOptional && (withQuery || query != null)
							&& (withBody || body != null)) {
						variants.add(new boolean[] { withQuery, withBody, withOptions });
					}
				}
			}
		}
		for (boolean[] variant : variants) {
			type.addMethod(overload(operation, name, fullLink, variant[0], variant[1], variant[2], stream));
		}
	}

	private static MethodSpec fullMethod(ResourceOperation operation, String name, boolean stream) {
		MethodSpec.Builder method = signature(operation, name, true, true, true, stream)
			.addJavadoc(MethodDoc.full(operation, stream));
		Body body = operation.body();
		Response response = operation.response();
		if (response.kind() == ResponseKind.TEXT) {
			return method
				.addStatement("return this.$N.execute($L($L), $T.$L(), options)", EXECUTOR,
						requestMethodName(operation), String.join(", ", argumentNames(operation)),
						RuntimeTypes.RESPONSE_TYPE, stream ? "stream" : "text")
				.build();
		}
		if (body != null && !body.required()) {
			method.addCode(requestBuilder(operation, "$T.Builder request = ", false))
				.beginControlFlow("if (body != null)")
				.addStatement("request.$L(body)", body.form() ? "formBody" : "jsonBody")
				.endControlFlow();
			return method.addCode(execute(response, "request.build()")).build();
		}
		method.addCode(requestBuilder(operation, "$T request = ", true));
		return method.addCode(execute(response, "request")).build();
	}

	// The text and stream methods of an operation build their request here, in one place.
	private static MethodSpec requestMethod(ResourceOperation operation) {
		Body body = operation.body();
		if (body != null && !body.required()) {
			throw new IllegalStateException("Operation " + operation.operationId()
					+ " answers text and takes an optional body; the generator does not support that");
		}
		MethodSpec.Builder method = MethodSpec.methodBuilder(requestMethodName(operation))
			.addModifiers(Modifier.PRIVATE)
			.returns(RuntimeTypes.API_REQUEST);
		addParameters(method, operation, true, true, false);
		return method.addCode(requestBuilder(operation, "return ", true)).build();
	}

	private static String requestMethodName(ResourceOperation operation) {
		return operation.methodName() + "Request";
	}

	private static CodeBlock requestBuilder(ResourceOperation operation, String assignment, boolean build) {
		CodeBlock.Builder code = CodeBlock.builder();
		if (assignment.contains("$T")) {
			code.add(assignment, RuntimeTypes.API_REQUEST);
		}
		else {
			code.add(assignment);
		}
		code.add("$T.builder($N)", RuntimeTypes.API_REQUEST, operation.constantName());
		List<CodeBlock> calls = new ArrayList<>();
		for (PathParameter parameter : operation.pathParameters()) {
			calls.add(CodeBlock.of(".pathParam($S, $N)", parameter.wireName(), parameter.javaName()));
		}
		if (operation.query() != null) {
			calls.add(CodeBlock.of(".query(params)"));
		}
		Body body = operation.body();
		if (body != null && body.required()) {
			calls.add(CodeBlock.of(".$L(body)", body.form() ? "formBody" : "jsonBody"));
		}
		if (build) {
			calls.add(CodeBlock.of(".build()"));
		}
		if (calls.isEmpty() || (calls.size() == 1 && build)) {
			// ApiRequest.builder(X).build() reads best on one line; any parameter goes on
			// a line of its own.
			calls.forEach(code::add);
			return code.add(";\n").build();
		}
		code.indent();
		for (CodeBlock call : calls) {
			code.add("\n").add(call);
		}
		code.unindent();
		return code.add(";\n").build();
	}

	private static CodeBlock execute(Response response, String request) {
		return switch (response.kind()) {
			case PAGE -> CodeBlock.of("return this.$N.executePage($L, $T.class, options);\n", EXECUTOR, request,
					response.type());
			case JSON, JSON_TREE -> CodeBlock.of("return this.$N.execute($L, $T.json($T.class), options);\n", EXECUTOR,
					request, RuntimeTypes.RESPONSE_TYPE, response.type());
			case JSON_LIST -> CodeBlock.of("return this.$N.execute($L, $T.jsonList($T.class), options);\n", EXECUTOR,
					request, RuntimeTypes.RESPONSE_TYPE, response.type());
			case NONE -> CodeBlock.of("this.$N.execute($L, $T.none(), options);\n", EXECUTOR, request,
					RuntimeTypes.RESPONSE_TYPE);
			case TEXT -> throw new IllegalStateException("Text answers are read by the text methods");
		};
	}

	private static MethodSpec overload(ResourceOperation operation, String name, CodeBlock fullLink, boolean withQuery,
			boolean withBody, boolean withOptions, boolean stream) {
		MethodSpec.Builder method = signature(operation, name, withQuery, withBody, withOptions, stream)
			.addJavadoc(MethodDoc.overload(operation, fullLink, withQuery, withBody, withOptions, stream));
		List<CodeBlock> arguments = new ArrayList<>();
		operation.pathParameters().forEach((parameter) -> arguments.add(CodeBlock.of("$N", parameter.javaName())));
		QueryParameters query = operation.query();
		if (query != null) {
			arguments.add(withQuery ? CodeBlock.of("params") : CodeBlock.of("$T.builder().build()", query.className()));
		}
		if (operation.body() != null) {
			arguments.add(CodeBlock.of(withBody ? "body" : "null"));
		}
		arguments.add(withOptions ? CodeBlock.of("options") : CodeBlock.of("$T.none()", RuntimeTypes.REQUEST_OPTIONS));
		boolean returns = operation.response().kind() != ResponseKind.NONE;
		method.addStatement((returns ? "return " : "") + "$N($L)", name, CodeBlock.join(arguments, ", "));
		return method.build();
	}

	private static MethodSpec.Builder signature(ResourceOperation operation, String name, boolean withQuery,
			boolean withBody, boolean withOptions, boolean stream) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC);
		if (operation.deprecated()) {
			method.addAnnotation(Deprecated.class);
		}
		TypeName returnType = returnType(operation.response(), stream);
		if (returnType != null) {
			method.returns(returnType);
		}
		addParameters(method, operation, withQuery, withBody, withOptions);
		return method;
	}

	private static void addParameters(MethodSpec.Builder method, ResourceOperation operation, boolean withQuery,
			boolean withBody, boolean withOptions) {
		for (PathParameter parameter : operation.pathParameters()) {
			method.addParameter(parameter.type(), parameter.javaName());
		}
		QueryParameters query = operation.query();
		if (query != null && withQuery) {
			method.addParameter(query.className(), "params");
		}
		Body body = operation.body();
		if (body != null && withBody) {
			method.addParameter(
					ParameterSpec.builder(body.required() ? body.type() : nullable(body.type()), "body").build());
		}
		if (withOptions) {
			method.addParameter(RuntimeTypes.REQUEST_OPTIONS, "options");
		}
	}

	private static List<String> argumentNames(ResourceOperation operation) {
		List<String> names = new ArrayList<>();
		operation.pathParameters().forEach((parameter) -> names.add(parameter.javaName()));
		if (operation.query() != null) {
			names.add("params");
		}
		if (operation.body() != null) {
			names.add("body");
		}
		return names;
	}

	private static CodeBlock link(String name, ResourceOperation operation) {
		List<CodeBlock> types = new ArrayList<>();
		operation.pathParameters()
			.forEach((parameter) -> types.add(CodeBlock.of("$T", MethodDoc.link(parameter.type()))));
		if (operation.query() != null) {
			types.add(CodeBlock.of("$T", operation.query().className()));
		}
		if (operation.body() != null) {
			types.add(CodeBlock.of("$T", MethodDoc.link(operation.body().type())));
		}
		types.add(CodeBlock.of("$T", RuntimeTypes.REQUEST_OPTIONS));
		return CodeBlock.of("$L($L)", name, CodeBlock.join(types, ", "));
	}

	private static @Nullable TypeName returnType(Response response, boolean stream) {
		return switch (response.kind()) {
			case PAGE -> ParameterizedTypeName.get(RuntimeTypes.PAGE, response.requiredType());
			case JSON, JSON_TREE -> response.nullable() ? nullable(response.requiredType()) : response.requiredType();
			case JSON_LIST -> ParameterizedTypeName.get(ClassName.get(List.class), response.requiredType());
			case TEXT -> stream ? ClassName.get(InputStream.class) : ClassName.get(String.class);
			case NONE -> null;
		};
	}

	private static TypeName nullable(TypeName type) {
		return type.annotated(AnnotationSpec.builder(RuntimeTypes.NULLABLE).build());
	}

}
