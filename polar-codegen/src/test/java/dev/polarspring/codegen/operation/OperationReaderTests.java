package dev.polarspring.codegen.operation;

import java.time.LocalDate;
import java.util.Map;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import org.junit.jupiter.api.Test;

import dev.polarspring.codegen.operation.ResourceOperation.Auth;
import dev.polarspring.codegen.operation.ResourceOperation.QueryParameter;
import dev.polarspring.codegen.operation.ResourceOperation.ResponseKind;
import dev.polarspring.codegen.operation.ResourceOperation.Shape;

import static dev.polarspring.codegen.operation.OperationFragments.jsonResponse;
import static dev.polarspring.codegen.operation.OperationFragments.read;
import static dev.polarspring.codegen.operation.OperationFragments.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link OperationReader} reads operations: security, parameters, bodies and
 * responses.
 */
class OperationReaderTests {

	private static final ClassName PRODUCT = ClassName.get("test.model", "Product");

	private static String operation(String path, String method, String id, String details) {
		return "'" + path + "': {'" + method + "': {'operationId': '" + id + "', 'x-speakeasy-group': '"
				+ id.substring(0, id.lastIndexOf(':')).replace(':', '.') + "', 'x-speakeasy-name-override': '"
				+ id.substring(id.lastIndexOf(':') + 1) + "'" + (details.isEmpty() ? "" : ", " + details) + "}}";
	}

	@Test
	void securitySchemesMapToTheRuntimeAuthSchemes() {
		String ok = "'responses': {" + jsonResponse("200", "Product") + "}";
		Map<String, ResourceOperation> operations = read(spec(
				String.join(", ", operation("/v1/a", "get", "a:get",
						"'security': [{'oidc': ['products:read', 'products:write']}, "
								+ "{'pat': ['products:read', 'products:write']}, {'oat': ['products:read']}], " + ok),
						operation("/v1/b", "get", "b:get",
								"'security': [{'customer_session': ['customer_portal:read']}, "
										+ "{'member_session': ['customer_portal:read']}], " + ok),
						operation("/v1/c", "get", "c:get", ok),
						operation("/v1/d", "get", "d:get", "'security': [], " + ok)),
				""));
		assertThat(operations.get("a:get").auth()).isEqualTo(Auth.ACCESS_TOKEN);
		assertThat(operations.get("a:get").scopes()).containsExactly("products:read", "products:write");
		assertThat(operations.get("a:get").authDescription())
			.isEqualTo("an organization, personal or OAuth2 access token");
		assertThat(operations.get("b:get").auth()).isEqualTo(Auth.CUSTOMER_SESSION);
		assertThat(operations.get("b:get").authDescription()).isEqualTo("a customer or member session token");
		assertThat(operations.get("c:get").auth()).isEqualTo(Auth.NONE);
		assertThat(operations.get("d:get").auth()).isEqualTo(Auth.NONE);
	}

	@Test
	void unknownSecuritySchemeStopsGeneration() {
		String paths = operation("/v1/a", "get", "a:get",
				"'security': [{'api_key': []}], 'responses': {" + jsonResponse("200", "Product") + "}");
		assertThatIllegalStateException().isThrownBy(() -> read(spec(paths, "")))
			.withMessageContaining("a:get")
			.withMessageContaining("api_key");
	}

	@Test
	void listResourceWithPageParameterIsAPage() {
		String page = "'parameters': [{'name': 'page', 'in': 'query', 'schema': {'type': 'integer'}}]";
		Map<String, ResourceOperation> operations = read(spec(
				String.join(", ",
						operation("/v1/products/", "get", "products:list",
								page + ", 'responses': {" + jsonResponse("200", "ListResource_Product_") + "}"),
						operation(
								"/v1/all", "get", "all:list",
								"'responses': {" + jsonResponse("200", "ListResource_Product_") + "}"),
						operation("/v1/events/", "get", "events:list", page
								+ ", 'responses': {'200': {'content': {'application/json': "
								+ "{'schema': {'anyOf': [{'$ref': '#/components/schemas/ListResource_Product_'}, "
								+ "{'$ref': '#/components/schemas/ListResourceWithCursorPagination_Product_'}]}}}}}")),
				""));
		assertThat(operations.get("products:list").response().kind()).isEqualTo(ResponseKind.PAGE);
		assertThat(operations.get("products:list").response().type()).isEqualTo(PRODUCT);
		assertThat(operations.get("events:list").response().kind()).isEqualTo(ResponseKind.PAGE);
		assertThat(operations.get("events:list").response().type()).isEqualTo(PRODUCT);
		// Without a page parameter nothing can fetch the next page: the list is returned
		// as is.
		assertThat(operations.get("all:list").response().kind()).isEqualTo(ResponseKind.JSON);
		assertThat(operations.get("all:list").response().type()).isEqualTo(ClassName.get("test.model", "ProductList"));
	}

	@Test
	void responsesWithoutSchemaOrWithTextAreReadAsTheyCome() {
		Map<String, ResourceOperation> operations = read(spec(String.join(", ",
				operation("/v1/a", "delete", "a:delete", "'responses': {'204': {'description': 'Deleted.'}}"),
				operation("/v1/b", "post", "b:redeliver",
						"'responses': {'202': {'description': 'Scheduled.', 'content': {'application/json': {'schema': {}}}}}"),
				operation("/v1/c", "get", "c:get",
						"'responses': {'200': {'description': 'OK', 'content': {'application/json': {'schema': {}}}}}"),
				operation("/v1/d", "get", "d:export",
						"'responses': {'200': {'description': 'OK', 'content': {'text/csv': {'schema': {'type': 'string'}}}}}"),
				operation("/v1/e", "get", "e:receipt",
						"'responses': {" + jsonResponse("200", "Product")
								+ ", '202': {'description': 'Receipt generation in progress.'}}"),
				operation("/v1/f", "get", "f:list",
						"'responses': {'200': {'content': {'application/json': {'schema': {'type': 'array', "
								+ "'items': {'$ref': '#/components/schemas/Product'}}}}}}")),
				""));
		assertThat(operations.get("a:delete").response().kind()).isEqualTo(ResponseKind.NONE);
		assertThat(operations.get("b:redeliver").response().kind()).isEqualTo(ResponseKind.NONE);
		assertThat(operations.get("c:get").response().kind()).isEqualTo(ResponseKind.JSON_TREE);
		assertThat(operations.get("d:export").response().kind()).isEqualTo(ResponseKind.TEXT);
		assertThat(operations.get("e:receipt").response().kind()).isEqualTo(ResponseKind.JSON);
		assertThat(operations.get("e:receipt").response().nullable()).isTrue();
		assertThat(operations.get("e:receipt").response().emptyDescription())
			.isEqualTo("Receipt generation in progress.");
		assertThat(operations.get("f:list").response().kind()).isEqualTo(ResponseKind.JSON_LIST);
		assertThat(operations.get("f:list").response().type()).isEqualTo(PRODUCT);
	}

	@Test
	void formBodyIsSentFormEncodedAndOptionalBodyIsNotRequired() {
		Map<String, ResourceOperation> operations = read(spec(String.join(", ",
				operation("/v1/oauth2/token", "post", "oauth2:token", "'requestBody': {'required': true, 'content': "
						+ "{'application/x-www-form-urlencoded': {'schema': {'$ref': '#/components/schemas/TokenRequest'}}}}, "
						+ "'responses': {" + jsonResponse("200", "Product") + "}"),
				operation("/v1/products/", "post", "products:create",
						"'requestBody': {'content': {'application/json': "
								+ "{'schema': {'$ref': '#/components/schemas/ProductCreate'}}}}, 'responses': {"
								+ jsonResponse("201", "Product") + "}")),
				""));
		assertThat(operations.get("oauth2:token").body().form()).isTrue();
		assertThat(operations.get("oauth2:token").body().required()).isTrue();
		assertThat(operations.get("oauth2:token").body().type()).isEqualTo(ClassName.get("test.model", "TokenRequest"));
		assertThat(operations.get("products:create").body().form()).isFalse();
		assertThat(operations.get("products:create").body().required()).isFalse();
	}

	@Test
	void queryParametersBecomeValuesListsAndMaps() {
		String parameters = "'parameters': ["
				+ "{'name': 'product_id', 'in': 'query', 'schema': {'anyOf': [{'type': 'string', 'format': 'uuid4'}, "
				+ "{'type': 'array', 'items': {'type': 'string', 'format': 'uuid4'}}, {'type': 'null'}]}},"
				+ "{'name': 'sorting', 'in': 'query', 'schema': {'anyOf': [{'type': 'array', 'items': "
				+ "{'$ref': '#/components/schemas/ProductSortProperty'}}, {'type': 'null'}]}},"
				+ "{'name': 'metadata', 'in': 'query', 'style': 'deepObject', 'schema': {'$ref': '#/components/schemas/MetadataQuery'}},"
				+ "{'name': 'start_date', 'in': 'query', 'required': true, 'schema': {'type': 'string', 'format': 'date'}},"
				+ "{'name': 'active', 'in': 'query', 'schema': {'anyOf': [{'type': 'boolean'}, {'type': 'null'}], 'deprecated': true}},"
				+ "{'name': 'token', 'in': 'query', 'schema': {'type': 'string'}}]";
		ResourceOperation operation = read(spec(operation("/v1/products/", "get", "products:list",
				parameters + ", 'responses': {" + jsonResponse("200", "Product") + "}"), ""))
			.get("products:list");
		assertThat(operation.query().className()).isEqualTo(ClassName.get("test.resource", "ProductsListParams"));
		assertThat(operation.query().hasRequired()).isTrue();
		Map<String, QueryParameter> byName = new java.util.LinkedHashMap<>();
		operation.query().parameters().forEach((parameter) -> byName.put(parameter.wireName(), parameter));
		assertThat(byName.get("product_id").shape()).isEqualTo(Shape.LIST);
		assertThat(byName.get("product_id").valueType()).isEqualTo(ClassName.get(String.class));
		assertThat(byName.get("product_id").javaName()).isEqualTo("productId");
		assertThat(byName.get("sorting").shape()).isEqualTo(Shape.LIST);
		assertThat(byName.get("sorting").valueType()).isEqualTo(ClassName.get("test.model", "ProductSortProperty"));
		assertThat(byName.get("metadata").shape()).isEqualTo(Shape.MAP);
		assertThat(byName.get("start_date").shape()).isEqualTo(Shape.VALUE);
		assertThat(byName.get("start_date").valueType()).isEqualTo(ClassName.get(LocalDate.class));
		assertThat(byName.get("start_date").required()).isTrue();
		assertThat(byName.get("active").valueType()).isEqualTo(TypeName.BOOLEAN.box());
		assertThat(byName.get("active").deprecated()).isTrue();
		assertThat(byName.get("token").sensitive()).isTrue();
		assertThat(byName.get("sorting").sensitive()).isFalse();
	}

	@Test
	void pathParametersFollowThePathTemplate() {
		String parameters = "'parameters': [{'name': 'member_id', 'in': 'path', 'required': true, 'schema': {'type': 'string'}},"
				+ "{'name': 'id', 'in': 'path', 'required': true, 'schema': {'type': 'string', 'format': 'uuid4'}, "
				+ "'description': 'The customer ID.'}]";
		ResourceOperation operation = read(spec(operation("/v1/customers/{id}/members/{member_id}", "get",
				"customers:members:get", parameters + ", 'responses': {" + jsonResponse("200", "Product") + "}"), ""))
			.get("customers:members:get");
		assertThat(operation.group()).containsExactly("customers", "members");
		assertThat(operation.pathParameters()).extracting(ResourceOperation.PathParameter::javaName)
			.containsExactly("id", "memberId");
		assertThat(operation.pathParameters().get(0).type()).isEqualTo(ClassName.get(String.class));
		assertThat(operation.pathParameters().get(0).description()).isEqualTo("The customer ID.");
	}

	@Test
	void descriptionLosesItsScopesLineAndErrorsAreListedByStatus() {
		ResourceOperation operation = read(spec(operation("/v1/products/{id}", "get", "products:get",
				"'description': 'Get a product by ID.\\n\\n**Scopes**: `products:read`', 'parameters': [{'name': 'id', "
						+ "'in': 'path', 'required': true, 'schema': {'type': 'string'}}], 'responses': {"
						+ jsonResponse("200", "Product") + ", '404': {'description': 'Product not found.'}, "
						+ "'422': {'description': 'Validation Error'}}"),
				""))
			.get("products:get");
		assertThat(operation.description()).isEqualTo("Get a product by ID.");
		assertThat(operation.errors()).extracting(ResourceOperation.ErrorResponse::status).containsExactly(404, 422);
	}

	@Test
	void operationWithoutSpeakeasyNamesIsNamedFromItsIdOrPath() {
		String ok = "'responses': {" + jsonResponse("200", "Product") + "}";
		Map<String, ResourceOperation> operations = read(
				spec("'/v1/widgets/': {'get': {'operationId': 'widgets:list_all', " + ok + "}}, "
						+ "'/v1/gadgets/': {'get': {'operationId': 'op1', " + ok + "}}", ""));
		assertThat(operations.get("widgets:list_all").group()).containsExactly("widgets");
		assertThat(operations.get("widgets:list_all").methodName()).isEqualTo("listAll");
		assertThat(operations.get("op1").group()).containsExactly("gadgets");
		assertThat(operations.get("op1").methodName()).isEqualTo("op1");
	}

}
