package dev.polarspring.codegen.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

import dev.polarspring.codegen.operation.ResourceOperation.Auth;
import dev.polarspring.codegen.operation.ResourceOperation.ErrorResponse;
import dev.polarspring.codegen.operation.ResourceOperation.PathParameter;
import dev.polarspring.codegen.operation.ResourceOperation.Response;

/**
 * Writes the Javadoc of an operation's methods: the spec's description, the HTTP method
 * and path, who may call it with which scopes, each parameter, the answer and the errors.
 */
final class MethodDoc {

	private MethodDoc() {
	}

	/**
	 * The Javadoc of the method that takes every argument.
	 * @param operation the operation
	 * @param stream whether this is the stream variant of a text answer
	 * @return the Javadoc
	 */
	static CodeBlock full(ResourceOperation operation, boolean stream) {
		CodeBlock.Builder doc = CodeBlock.builder();
		doc.add(operation.description()).add("\n\n<p>{@code $L $L}", operation.httpMethod(), operation.path());
		if (operation.auth() == Auth.NONE) {
			doc.add("; sends no {@code Authorization} header");
		}
		else {
			doc.add("; authenticates with $L", operation.authDescription());
			if (operation.auth() == Auth.CUSTOMER_SESSION) {
				doc.add(" (see {@link $T#customerPortal(String)})", RuntimeTypes.POLAR_CLIENT);
			}
			if (!operation.scopes().isEmpty()) {
				List<String> scopes = new ArrayList<>();
				operation.scopes().forEach((scope) -> scopes.add("{@code " + scope + "}"));
				doc.add("; scopes $L", String.join(", ", scopes));
			}
		}
		doc.add(".\n");
		if (stream) {
			doc.add("\n<p>The answer is handed over unread, for documents too large to hold in memory.\n");
		}
		parameters(doc, operation, true, true);
		doc.add("@param options options for this call, over the client's defaults\n");
		returns(doc, operation, stream);
		throwsClauses(doc, operation);
		return doc.build();
	}

	/**
	 * The Javadoc of an overload that leaves arguments out.
	 * @param operation the operation
	 * @param fullMethod the link target of the full method, such as
	 * {@code list(ProductsListParams, RequestOptions)}
	 * @param withQuery whether the overload takes the params object
	 * @param withBody whether the overload takes the body
	 * @param withOptions whether the overload takes options
	 * @param stream whether this is the stream variant of a text answer
	 * @return the Javadoc
	 */
	static CodeBlock overload(ResourceOperation operation, CodeBlock fullMethod, boolean withQuery, boolean withBody,
			boolean withOptions, boolean stream) {
		List<String> differences = new ArrayList<>();
		if (operation.query() != null && !withQuery) {
			differences.add("without query parameters");
		}
		if (operation.body() != null && !withBody) {
			differences.add("without a body");
		}
		if (!withOptions) {
			differences.add("with the client's default options");
		}
		CodeBlock.Builder doc = CodeBlock.builder();
		doc.add("Same as {@link #$L}, $L.\n", fullMethod, OperationReader.joinWords(differences, "and"));
		parameters(doc, operation, withQuery, withBody);
		if (withOptions) {
			doc.add("@param options options for this call, over the client's defaults\n");
		}
		returns(doc, operation, stream);
		return doc.build();
	}

	private static void parameters(CodeBlock.Builder doc, ResourceOperation operation, boolean withQuery,
			boolean withBody) {
		doc.add("\n");
		for (PathParameter parameter : operation.pathParameters()) {
			doc.add("@param $L $L\n", parameter.javaName(), parameter.description());
		}
		if (operation.query() != null && withQuery) {
			doc.add("@param params the query parameters\n");
		}
		if (operation.body() != null && withBody) {
			doc.add("@param body $L$L\n", operation.body().description(),
					operation.body().required() ? "" : "; {@code null} to send none");
		}
	}

	private static void returns(CodeBlock.Builder doc, ResourceOperation operation, boolean stream) {
		Response response = operation.response();
		switch (response.kind()) {
			case PAGE -> doc.add(
					"@return the page Polar answered, of {@link $T} items; {@link $T#autoPager()} walks "
							+ "every item from it, fetching the next pages as needed\n",
					link(response.requiredType()), RuntimeTypes.PAGE);
			case JSON ->
				doc.add("@return the {@link $T} Polar answered$L\n", link(response.requiredType()), empty(response));
			case JSON_LIST -> doc.add("@return the list of {@link $T} Polar answered\n", link(response.requiredType()));
			case JSON_TREE ->
				doc.add("@return Polar's answer as a JSON tree (the spec gives it no schema)$L\n", empty(response));
			case TEXT -> doc.add(stream
					? "@return the answer as a stream, which the caller must close to release the " + "connection\n"
					: "@return the answer, read whole as text\n");
			case NONE -> {
			}
		}
	}

	private static String empty(Response response) {
		return response.nullable()
				? ", or {@code null} when Polar answers without a body (" + response.emptyDescription() + ")" : "";
	}

	private static void throwsClauses(CodeBlock.Builder doc, ResourceOperation operation) {
		Map<ClassName, List<String>> byException = new LinkedHashMap<>();
		for (ErrorResponse error : operation.errors()) {
			String text = error.status()
					+ (error.description().isEmpty() ? "" : " (" + trimPeriod(error.description()) + ")");
			byException.computeIfAbsent(RuntimeTypes.exceptionFor(error.status()), (key) -> new ArrayList<>())
				.add(text);
		}
		byException.forEach((exception, statuses) -> doc.add("@throws $T if Polar answers $L\n", exception,
				OperationReader.joinWords(statuses, "or")));
		doc.add("@throws $T if Polar answers another error status, such as 401 for a token it does not accept or 429 "
				+ "once the retries are spent\n", RuntimeTypes.POLAR_API_EXCEPTION);
		doc.add("@throws $T if no answer can be had or read: no token configured, an I/O failure or timeout, an "
				+ "answer that cannot be decoded\n", RuntimeTypes.POLAR_EXCEPTION);
	}

	private static String trimPeriod(String text) {
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * Returns the type a Javadoc {@code {@link}} can name: the raw class of a
	 * parameterized type.
	 * @param type any type
	 * @return the class to link to
	 */
	static TypeName link(TypeName type) {
		TypeName plain = type.withoutAnnotations();
		return (plain instanceof ParameterizedTypeName parameterized) ? parameterized.rawType() : plain;
	}

}
