package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loaded OpenAPI 3.1 document: its component schemas, operations and webhooks, each
 * exposed in a sorted order so that everything generated from it is deterministic.
 */
public final class OpenApiSpec {

	private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

	private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private final JsonNode root;

	private final SortedMap<String, JsonNode> schemas;

	private final List<Operation> operations;

	private final SortedMap<String, Webhook> webhooks;

	private OpenApiSpec(JsonNode root) {
		this.root = root;
		this.schemas = readSchemas(root);
		this.operations = readOperations(root);
		this.webhooks = readWebhooks(root);
	}

	/**
	 * Reads a spec from a JSON file.
	 * @param file the OpenAPI JSON document
	 * @return the loaded spec
	 * @throws IOException if the file cannot be read
	 */
	public static OpenApiSpec read(Path file) throws IOException {
		return parse(Files.readString(file));
	}

	/**
	 * Parses a spec from JSON text (tests use small fragments).
	 * @param json the OpenAPI JSON document
	 * @return the loaded spec
	 */
	public static OpenApiSpec parse(String json) {
		return new OpenApiSpec(JsonMapper.builder().build().readTree(json));
	}

	/**
	 * Returns the whole document.
	 * @return the root node
	 */
	public JsonNode root() {
		return this.root;
	}

	/**
	 * Returns the component schemas by name, sorted by name.
	 * @return the component schemas
	 */
	public SortedMap<String, JsonNode> schemas() {
		return this.schemas;
	}

	/**
	 * Returns one component schema.
	 * @param name the component name
	 * @return the schema
	 * @throws IllegalArgumentException if the spec has no such schema
	 */
	public JsonNode schema(String name) {
		JsonNode schema = this.schemas.get(name);
		if (schema == null) {
			throw new IllegalArgumentException("The spec has no component schema '" + name + "'");
		}
		return schema;
	}

	/**
	 * Returns the component name a {@code $ref} schema points to.
	 * @param schema any schema
	 * @return the referenced component name, or empty if the schema is not a reference
	 */
	public static Optional<String> refName(JsonNode schema) {
		JsonNode ref = schema.get("$ref");
		if (ref == null || !ref.isString()) {
			return Optional.empty();
		}
		String text = ref.asString();
		if (!text.startsWith(SCHEMA_REF_PREFIX)) {
			throw new IllegalArgumentException("Only component schema references are supported, found " + text);
		}
		return Optional.of(text.substring(SCHEMA_REF_PREFIX.length()));
	}

	/**
	 * Follows {@code $ref} chains to the schema that defines something.
	 * @param schema any schema
	 * @return the schema itself, or the component it references
	 */
	public JsonNode deref(JsonNode schema) {
		JsonNode current = schema;
		Optional<String> name = refName(current);
		while (name.isPresent()) {
			current = schema(name.get());
			name = refName(current);
		}
		return current;
	}

	/**
	 * Returns every operation, sorted by path then HTTP method.
	 * @return the operations
	 */
	public List<Operation> operations() {
		return this.operations;
	}

	/**
	 * Returns the webhooks by event type ({@code order.paid}), sorted by event type.
	 * @return the webhooks
	 */
	public SortedMap<String, Webhook> webhooks() {
		return this.webhooks;
	}

	private static SortedMap<String, JsonNode> readSchemas(JsonNode root) {
		SortedMap<String, JsonNode> schemas = new TreeMap<>();
		JsonNode node = root.path("components").path("schemas");
		for (String name : node.propertyNames()) {
			schemas.put(name, node.get(name));
		}
		return Collections.unmodifiableSortedMap(schemas);
	}

	private static List<Operation> readOperations(JsonNode root) {
		List<Operation> operations = new ArrayList<>();
		JsonNode paths = root.path("paths");
		for (String path : paths.propertyNames()) {
			JsonNode item = paths.get(path);
			List<JsonNode> shared = new ArrayList<>();
			item.path("parameters").forEach(shared::add);
			for (String method : HTTP_METHODS) {
				JsonNode operation = item.get(method);
				if (operation != null) {
					List<JsonNode> parameters = new ArrayList<>(shared);
					operation.path("parameters").forEach(parameters::add);
					operations
						.add(new Operation(path, method, operation.path("operationId").asString(method + " " + path),
								operation, List.copyOf(parameters)));
				}
			}
		}
		operations.sort(Comparator.comparing(Operation::path)
			.thenComparing((Operation operation) -> HTTP_METHODS.indexOf(operation.method())));
		return List.copyOf(operations);
	}

	private static SortedMap<String, Webhook> readWebhooks(JsonNode root) {
		SortedMap<String, Webhook> webhooks = new TreeMap<>();
		JsonNode node = root.path("webhooks");
		for (String type : node.propertyNames()) {
			JsonNode post = node.get(type).path("post");
			JsonNode schema = post.path("requestBody").path("content").path("application/json").path("schema");
			String payload = refName(schema)
				.orElseThrow(() -> new IllegalArgumentException("Webhook '" + type + "' has no $ref payload schema"));
			webhooks.put(type, new Webhook(type, payload, post.path("description").asString("")));
		}
		return Collections.unmodifiableSortedMap(webhooks);
	}

	/**
	 * One operation of the API.
	 *
	 * @param path the path template, such as {@code /v1/products/{id}}
	 * @param method the lower-case HTTP method
	 * @param operationId the spec's operation id, such as {@code products:get}
	 * @param node the operation object
	 * @param parameters the path-level and operation-level parameters, in spec order
	 */
	public record Operation(String path, String method, String operationId, JsonNode node, List<JsonNode> parameters) {

		/**
		 * Returns the JSON request body schema.
		 * @return the schema, or empty if the operation takes no JSON body
		 */
		public Optional<JsonNode> requestBodySchema() {
			JsonNode schema = this.node.path("requestBody").path("content").path("application/json").path("schema");
			return schema.isObject() ? Optional.of(schema) : Optional.empty();
		}

		/**
		 * Returns the JSON response schemas by status code (or {@code default}), sorted.
		 * @return the response schemas
		 */
		public SortedMap<String, JsonNode> responseSchemas() {
			SortedMap<String, JsonNode> schemas = new TreeMap<>();
			JsonNode responses = this.node.path("responses");
			for (String status : responses.propertyNames()) {
				JsonNode content = responses.get(status).path("content");
				for (String mediaType : content.propertyNames()) {
					JsonNode schema = content.get(mediaType).path("schema");
					if (mediaType.contains("json") && schema.isObject() && !schema.isEmpty()) {
						schemas.put(status, schema);
					}
				}
			}
			return schemas;
		}

	}

	/**
	 * One webhook event of the spec's {@code webhooks} section.
	 *
	 * @param type the event type, such as {@code order.paid}
	 * @param payloadSchema the component name of the payload, such as
	 * {@code WebhookOrderPaidPayload}
	 * @param description the spec's description of when the event is sent
	 */
	public record Webhook(String type, String payloadSchema, String description) {
	}

}
