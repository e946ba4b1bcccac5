package dev.polarspring.codegen.operation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.OpenApiSpec;
import dev.polarspring.codegen.SchemaShape;
import dev.polarspring.codegen.TypeResolver;
import dev.polarspring.codegen.model.DocText;
import dev.polarspring.codegen.model.SensitiveProperties;
import dev.polarspring.codegen.operation.ResourceOperation.Auth;
import dev.polarspring.codegen.operation.ResourceOperation.Body;
import dev.polarspring.codegen.operation.ResourceOperation.ErrorResponse;
import dev.polarspring.codegen.operation.ResourceOperation.PathParameter;
import dev.polarspring.codegen.operation.ResourceOperation.QueryParameter;
import dev.polarspring.codegen.operation.ResourceOperation.QueryParameters;
import dev.polarspring.codegen.operation.ResourceOperation.Response;
import dev.polarspring.codegen.operation.ResourceOperation.ResponseKind;
import dev.polarspring.codegen.operation.ResourceOperation.Shape;

/**
 * Reads the spec's operations into {@link ResourceOperation}s.
 *
 * <ul>
 * <li>Names: the group is {@code x-speakeasy-group}, else the operation id up to its last
 * colon ({@code products:list} gives {@code products}), else the first path segment after
 * the version; the method is {@code x-speakeasy-name-override}, else the operation id
 * after its last colon.</li>
 * <li>Security: {@code oidc}, {@code pat}, {@code oat} mean the access token;
 * {@code customer_session}, {@code member_session} a customer-portal session token; no
 * requirement, no {@code Authorization} header.</li>
 * <li>Query parameters: an array, or the single-or-list filters
 * ({@code anyOf [T, array of T]}), become lists; a {@code deepObject} or map parameter
 * ({@code metadata}) a map; anything else one value of the type {@link TypeResolver}
 * gives it.</li>
 * <li>Responses: a list ({@code items} and {@code pagination}, or an {@code anyOf} of
 * such lists) for an operation with a {@code page} parameter is a page; {@code text/*} is
 * text; a JSON schema is decoded (an array into a list, an empty schema {@code {}} on 200
 * or 201 into a {@code JsonNode}); 204 and a 202 without a schema return nothing; a 202
 * without a body beside a 200 with one makes the answer nullable.</li>
 * </ul>
 */
final class OperationReader {

	private static final Pattern SCOPES_LINE = Pattern.compile("(?m)^\\*\\*Scopes\\*\\*:.*$");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

	private static final Pattern PATH_PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

	private static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");

	private static final ClassName LIST = ClassName.get(List.class);

	private static final ClassName MAP = ClassName.get(Map.class);

	private final ModelTypes types;

	private final TypeResolver resolver;

	private final ResourceNames names;

	private final String resourcePackage;

	OperationReader(ModelTypes types, ResourceNames names, String resourcePackage) {
		this.types = types;
		this.resolver = types.resolver();
		this.names = names;
		this.resourcePackage = resourcePackage;
	}

	/**
	 * Reads every operation of the spec, in the spec's order (path, then method).
	 * @return the operations
	 */
	List<ResourceOperation> readAll() {
		List<ResourceOperation> operations = new ArrayList<>();
		for (OpenApiSpec.Operation operation : this.types.spec().operations()) {
			operations.add(read(operation));
		}
		return operations;
	}

	ResourceOperation read(OpenApiSpec.Operation operation) {
		JsonNode node = operation.node();
		String id = operation.operationId();
		int lastColon = id.lastIndexOf(':');
		String groupName = node.path("x-speakeasy-group").asString("");
		if (groupName.isEmpty()) {
			groupName = (lastColon > 0) ? id.substring(0, lastColon).replace(':', '.') : firstPathSegment(operation);
		}
		String nameOverride = node.path("x-speakeasy-name-override").asString(id.substring(lastColon + 1));
		List<String> group = List.of(groupName.split("\\."));
		String methodName = this.names.methodName(nameOverride, id);
		Set<String> scopes = new LinkedHashSet<>();
		Auth auth = auth(operation, scopes);
		return new ResourceOperation(id, group, methodName, this.names.constantName(methodName),
				operation.method().toUpperCase(java.util.Locale.ROOT), operation.path(), auth,
				authDescription(node.path("security")), List.copyOf(scopes), pathParameters(operation),
				queryParameters(operation, group, methodName), body(operation), response(operation), errors(node),
				description(node), node.path("deprecated").asBoolean(false));
	}

	private static String firstPathSegment(OpenApiSpec.Operation operation) {
		for (String segment : operation.path().split("/")) {
			if (!segment.isEmpty() && !segment.matches("v\\d+") && !segment.startsWith("{")) {
				return segment;
			}
		}
		throw new IllegalStateException("Operation " + operation.operationId()
				+ " has no x-speakeasy-group and its path names no resource, so it has no client");
	}

	private static Auth auth(OpenApiSpec.Operation operation, Set<String> scopes) {
		Auth auth = Auth.NONE;
		for (JsonNode requirement : operation.node().path("security")) {
			for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
				Auth schemeAuth = switch (scheme.getKey()) {
					case "oidc", "pat", "oat" -> Auth.ACCESS_TOKEN;
					case "customer_session", "member_session" -> Auth.CUSTOMER_SESSION;
					default -> throw new IllegalStateException("Operation " + operation.operationId()
							+ " uses the unknown security scheme '" + scheme.getKey() + "'; map it in OperationReader");
				};
				if (auth != Auth.NONE && auth != schemeAuth) {
					throw new IllegalStateException("Operation " + operation.operationId()
							+ " accepts both access tokens and session tokens; the runtime has no scheme for that");
				}
				auth = schemeAuth;
				scheme.getValue().forEach((scope) -> scopes.add(scope.asString()));
			}
		}
		return auth;
	}

	private static String authDescription(JsonNode security) {
		Set<String> schemes = new LinkedHashSet<>();
		security.forEach((requirement) -> schemes.addAll(requirement.propertyNames()));
		if (schemes.isEmpty()) {
			return "";
		}
		if (schemes.contains("customer_session") || schemes.contains("member_session")) {
			if (!schemes.contains("member_session")) {
				return "a customer session token";
			}
			return schemes.contains("customer_session") ? "a customer or member session token"
					: "a member session token";
		}
		List<String> kinds = new ArrayList<>();
		if (schemes.contains("oat")) {
			kinds.add("organization");
		}
		if (schemes.contains("pat")) {
			kinds.add("personal");
		}
		if (schemes.contains("oidc")) {
			kinds.add("OAuth2");
		}
		return (kinds.get(0).equals("organization") ? "an " : "a ") + joinWords(kinds, "or") + " access token";
	}

	private List<PathParameter> pathParameters(OpenApiSpec.Operation operation) {
		List<PathParameter> parameters = new ArrayList<>();
		Matcher placeholders = PATH_PLACEHOLDER.matcher(operation.path());
		while (placeholders.find()) {
			String name = placeholders.group(1);
			JsonNode parameter = parameter(operation, "path", name).orElseThrow(() -> new IllegalStateException(
					"Operation " + operation.operationId() + " declares no path parameter '" + name + "'"));
			TypeName type = this.resolver.fieldType(parameter.path("schema"), true);
			parameters.add(new PathParameter(name, this.names.parameterName(name), type,
					parameterDescription(parameter, "The {@code " + name + "} path parameter.")));
		}
		return parameters;
	}

	private static Optional<JsonNode> parameter(OpenApiSpec.Operation operation, String in, String name) {
		for (JsonNode parameter : operation.parameters()) {
			if (parameter.path("in").asString("").equals(in) && parameter.path("name").asString("").equals(name)) {
				return Optional.of(parameter);
			}
		}
		return Optional.empty();
	}

	private @Nullable QueryParameters queryParameters(OpenApiSpec.Operation operation, List<String> group,
			String methodName) {
		List<QueryParameter> parameters = new ArrayList<>();
		for (JsonNode parameter : operation.parameters()) {
			String in = parameter.path("in").asString("");
			String name = parameter.path("name").asString("");
			if (in.equals("header") || in.equals("cookie")) {
				throw new IllegalStateException("Operation " + operation.operationId() + " takes the " + in
						+ " parameter '" + name + "'; the generator only knows path and query parameters");
			}
			if (in.equals("query")) {
				parameters.add(queryParameter(parameter));
			}
		}
		if (parameters.isEmpty()) {
			return null;
		}
		return new QueryParameters(ClassName.get(this.resourcePackage, this.names.paramsName(group, methodName)),
				List.copyOf(parameters));
	}

	private QueryParameter queryParameter(JsonNode parameter) {
		String name = parameter.path("name").asString();
		JsonNode schema = parameter.path("schema");
		boolean required = parameter.path("required").asBoolean(false);
		boolean deprecated = parameter.path("deprecated").asBoolean(false)
				|| schema.path("deprecated").asBoolean(false);
		String description = parameterDescription(parameter, "The {@code " + name + "} query parameter.");
		String javaName = this.names.parameterName(name);
		boolean sensitive = SensitiveProperties.isSensitive(name);
		TypeName element = listElement(schema);
		if (element != null) {
			return new QueryParameter(name, javaName, Shape.LIST, element, required, deprecated, sensitive,
					description);
		}
		TypeName type = this.resolver.resolve(schema).withoutAnnotations();
		if (type instanceof ParameterizedTypeName map && map.rawType().equals(MAP)) {
			return new QueryParameter(name, javaName, Shape.MAP, map.typeArguments().get(1).withoutAnnotations(),
					required, deprecated, sensitive, description);
		}
		if (!(type instanceof ClassName)) {
			throw new IllegalStateException("Query parameter '" + name + "' has the type " + type
					+ ", which the params generator cannot write");
		}
		return new QueryParameter(name, javaName, Shape.VALUE, type, required, deprecated, sensitive, description);
	}

	/**
	 * Returns the element type when a parameter holds a list: an array, or
	 * {@code anyOf [T, array
	 * of T]} (null aside) where both sides resolve to the same type.
	 */
	private @Nullable TypeName listElement(JsonNode schema) {
		JsonNode node = SchemaShape.withoutNull(schema);
		if ("array".equals(node.path("type").asString("")) && !node.has("anyOf") && !node.has("oneOf")) {
			return this.resolver.resolve(node.path("items")).withoutAnnotations();
		}
		List<JsonNode> alternatives = SchemaShape.alternatives(node);
		if (alternatives.size() != 2) {
			return null;
		}
		JsonNode single = alternatives.get(0);
		JsonNode array = alternatives.get(1);
		if ("array".equals(single.path("type").asString(""))) {
			single = alternatives.get(1);
			array = alternatives.get(0);
		}
		if (!"array".equals(array.path("type").asString(""))) {
			return null;
		}
		TypeName element = this.resolver.resolve(array.path("items")).withoutAnnotations();
		return element.equals(this.resolver.resolve(single).withoutAnnotations()) ? element : null;
	}

	private @Nullable Body body(OpenApiSpec.Operation operation) {
		JsonNode requestBody = operation.node().path("requestBody");
		JsonNode content = requestBody.path("content");
		if (content.isEmpty()) {
			return null;
		}
		JsonNode json = content.path("application/json");
		JsonNode form = content.path("application/x-www-form-urlencoded");
		JsonNode media = json.isObject() ? json : form;
		if (!media.isObject()) {
			throw new IllegalStateException("Operation " + operation.operationId() + " takes a body of type "
					+ content.propertyNames() + "; the generator only sends JSON and form bodies");
		}
		JsonNode schema = media.path("schema");
		TypeName type = this.resolver.resolve(schema).withoutAnnotations();
		String description = DocText.describe(this.types.spec().deref(schema))
			.map(DocText::firstSentence)
			.orElse("the request body");
		return new Body(type, !json.isObject(), requestBody.path("required").asBoolean(false), description);
	}

	private Response response(OpenApiSpec.Operation operation) {
		JsonNode responses = operation.node().path("responses");
		List<String> statuses = new ArrayList<>();
		responses.propertyNames().forEach((status) -> {
			if (status.startsWith("2")) {
				statuses.add(status);
			}
		});
		statuses.sort(null);
		String withBody = null;
		JsonNode schema = null;
		String emptyStatus = null;
		for (String status : statuses) {
			JsonNode content = responses.path(status).path("content");
			for (String mediaType : content.propertyNames()) {
				if (mediaType.startsWith("text/")) {
					return new Response(ResponseKind.TEXT, null, false, responseDescription(responses, status), "");
				}
			}
			JsonNode json = content.path("application/json").path("schema");
			if (json.isObject() && (!json.isEmpty() || !status.equals("202"))) {
				if (withBody != null) {
					throw new IllegalStateException("Operation " + operation.operationId() + " answers a body on both "
							+ withBody + " and " + status + "; the generator supports one");
				}
				withBody = status;
				schema = json;
			}
			else if (emptyStatus == null) {
				emptyStatus = status;
			}
		}
		if (withBody == null || schema == null) {
			String status = statuses.isEmpty() ? "default" : statuses.get(0);
			return new Response(ResponseKind.NONE, null, false, responseDescription(responses, status), "");
		}
		String description = responseDescription(responses, withBody);
		boolean nullable = emptyStatus != null;
		String emptyDescription = (emptyStatus != null) ? responseDescription(responses, emptyStatus) : "";
		if (schema.isEmpty()) {
			return new Response(ResponseKind.JSON_TREE, JSON_NODE, nullable, description, emptyDescription);
		}
		TypeName item = pageItem(operation, schema);
		if (item != null) {
			return new Response(ResponseKind.PAGE, item, false, description, "");
		}
		TypeName type = this.resolver.resolve(schema).withoutAnnotations();
		if (type instanceof ParameterizedTypeName list && list.rawType().equals(LIST)) {
			return new Response(ResponseKind.JSON_LIST, list.typeArguments().get(0).withoutAnnotations(), nullable,
					description, emptyDescription);
		}
		if (!(type instanceof ClassName)) {
			throw new IllegalStateException("Operation " + operation.operationId() + " answers the type " + type
					+ ", which the client generator cannot decode");
		}
		return new Response(ResponseKind.JSON, type, nullable, description, emptyDescription);
	}

	/**
	 * Returns the item type when the answer is a page: every alternative of the schema is
	 * a list resource ({@code items} array and {@code pagination}) of the same item type,
	 * and the operation takes a {@code page} parameter for the next pages.
	 */
	private @Nullable TypeName pageItem(OpenApiSpec.Operation operation, JsonNode schema) {
		if (parameter(operation, "query", "page").isEmpty()) {
			return null;
		}
		List<JsonNode> alternatives = SchemaShape.alternatives(schema);
		if (alternatives.isEmpty()) {
			alternatives = List.of(schema);
		}
		TypeName item = null;
		for (JsonNode alternative : alternatives) {
			JsonNode list = this.types.spec().deref(alternative);
			JsonNode properties = list.path("properties");
			if (!properties.has("pagination") || !"array".equals(properties.path("items").path("type").asString(""))) {
				return null;
			}
			TypeName alternativeItem = this.resolver.resolve(properties.path("items").path("items"))
				.withoutAnnotations();
			if (item != null && !item.equals(alternativeItem)) {
				throw new IllegalStateException("Operation " + operation.operationId()
						+ " answers pages of different item types: " + item + " and " + alternativeItem);
			}
			item = alternativeItem;
		}
		return item;
	}

	private static String responseDescription(JsonNode responses, String status) {
		return DocText.escape(responses.path(status).path("description").asString("").strip());
	}

	private static List<ErrorResponse> errors(JsonNode node) {
		Map<Integer, ErrorResponse> errors = new TreeMap<>();
		node.path("responses").properties().forEach((entry) -> {
			String status = entry.getKey();
			if (status.length() == 3 && Character.isDigit(status.charAt(0)) && status.charAt(0) >= '4') {
				int code = Integer.parseInt(status);
				errors.put(code, new ErrorResponse(code,
						DocText.escape(entry.getValue().path("description").asString("").strip())));
			}
		});
		return List.copyOf(errors.values());
	}

	private static String description(JsonNode node) {
		String text = node.path("description").asString("");
		text = SCOPES_LINE.matcher(text).replaceAll("").strip();
		if (text.isEmpty()) {
			text = node.path("summary").asString("").strip();
		}
		if (text.isEmpty()) {
			text = node.path("operationId").asString("");
		}
		if (!text.endsWith(".")) {
			text = text + ".";
		}
		return String.join("\n\n<p>", BLANK_LINES.split(DocText.escape(text)));
	}

	private String parameterDescription(JsonNode parameter, String fallback) {
		Optional<String> text = DocText.describe(parameter);
		if (text.isEmpty()) {
			text = DocText.describe(this.types.spec().deref(parameter.path("schema")));
		}
		return text.orElse(fallback);
	}

	static String joinWords(List<String> words, String conjunction) {
		if (words.size() <= 1) {
			return String.join("", words);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " "
				+ words.get(words.size() - 1);
	}

}
