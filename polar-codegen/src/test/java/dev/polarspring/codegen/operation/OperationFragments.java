package dev.polarspring.codegen.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.Main;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;
import dev.polarspring.codegen.OpenApiSpec;

/**
 * Small OpenAPI documents for the operation generator's tests, written with single quotes
 * for readability (turned into double quotes before parsing).
 */
final class OperationFragments {

	/**
	 * Schemas most fragments refer to: a product, its list resource, a sort enum,
	 * metadata.
	 */
	static final String COMMON_SCHEMAS = """
			'Product': {'type': 'object', 'properties': {'id': {'type': 'string'}}, 'required': ['id']},
			'ProductCreate': {'type': 'object', 'properties': {'name': {'type': 'string'}}, 'required': ['name']},
			'Pagination': {'type': 'object', 'properties': {'total_count': {'type': 'integer'}, 'max_page': {'type': 'integer'}}},
			'CursorPagination': {'type': 'object', 'properties': {'has_next_page': {'type': 'boolean'}}},
			'ListResource_Product_': {'type': 'object', 'properties': {
				'items': {'type': 'array', 'items': {'$ref': '#/components/schemas/Product'}},
				'pagination': {'$ref': '#/components/schemas/Pagination'}}},
			'ListResourceWithCursorPagination_Product_': {'type': 'object', 'properties': {
				'items': {'type': 'array', 'items': {'$ref': '#/components/schemas/Product'}},
				'pagination': {'$ref': '#/components/schemas/CursorPagination'}}},
			'ProductSortProperty': {'type': 'string', 'enum': ['created_at', '-created_at']},
			'MetadataQuery': {'anyOf': [{'type': 'object', 'additionalProperties': {'anyOf': [{'type': 'string'}, {'type': 'integer'}]}}, {'type': 'null'}]},
			'TokenRequest': {'type': 'object', 'properties': {'grant_type': {'type': 'string'}}, 'required': ['grant_type']}
			""";

	private OperationFragments() {
	}

	/**
	 * Builds a spec from the content of {@code paths} and extra component schemas.
	 * @param paths the {@code paths} object's content, without braces
	 * @param schemas further component schemas, without braces (may be empty)
	 * @return the spec
	 */
	static OpenApiSpec spec(String paths, String schemas) {
		String components = COMMON_SCHEMAS.strip() + (schemas.isBlank() ? "" : ", " + schemas);
		String json = "{'openapi': '3.1.0', 'paths': {" + paths + "}, 'components': {'schemas': {" + components + "}}}";
		return OpenApiSpec.parse(json.replace('\'', '"'));
	}

	/**
	 * Reads a spec's operations.
	 * @param spec the spec
	 * @return the operations by operation id
	 */
	static Map<String, ResourceOperation> read(OpenApiSpec spec) {
		ModelTypes types = ModelTypes.of(spec, new Naming(), "test.model");
		List<ResourceOperation> operations = new OperationReader(types, new ResourceNames(types), "test.resource")
			.readAll();
		Map<String, ResourceOperation> byId = new LinkedHashMap<>();
		operations.forEach((operation) -> byId.put(operation.operationId(), operation));
		return byId;
	}

	/**
	 * Generates the clients, params classes and {@code PolarResources} of a spec.
	 * @param spec the spec
	 * @return the sources by simple class name
	 */
	static Map<String, String> generate(OpenApiSpec spec) {
		ModelTypes types = ModelTypes.of(spec, new Naming(), Main.MODEL_PACKAGE);
		Map<String, String> sources = new LinkedHashMap<>();
		for (GeneratedSource source : new OperationGenerator(types, Main.RESOURCE_PACKAGE, Main.CLIENT_PACKAGE)
			.generate()) {
			String file = source.path().substring(source.path().lastIndexOf('/') + 1);
			sources.put(file.substring(0, file.length() - ".java".length()), source.content());
		}
		return sources;
	}

	/**
	 * Returns a JSON response with a schema reference.
	 * @param status the status
	 * @param schema the component name
	 * @return the {@code responses} entry
	 */
	static String jsonResponse(String status, String schema) {
		return "'" + status
				+ "': {'description': 'OK', 'content': {'application/json': {'schema': {'$ref': '#/components/schemas/"
				+ schema + "'}}}}";
	}

}
