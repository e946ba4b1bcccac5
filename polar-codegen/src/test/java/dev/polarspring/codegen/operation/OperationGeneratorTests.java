package dev.polarspring.codegen.operation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.Main;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;
import dev.polarspring.codegen.OpenApiSpec;

import static dev.polarspring.codegen.operation.OperationFragments.generate;
import static dev.polarspring.codegen.operation.OperationFragments.jsonResponse;
import static dev.polarspring.codegen.operation.OperationFragments.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sources {@link OperationGenerator} writes for small specs.
 */
class OperationGeneratorTests {

	private static final String SECURITY = "'security': [{'oidc': ['products:read']}, {'pat': ['products:read']}]";

	private static final String ID = "{'name': 'id', 'in': 'path', 'required': true, 'schema': {'type': 'string'}}";

	private static String operation(String path, String method, String id, String details) {
		int colon = id.lastIndexOf(':');
		return "'" + path + "': {'" + method + "': {'operationId': '" + id + "', 'x-speakeasy-group': '"
				+ id.substring(0, colon).replace(':', '.') + "', 'x-speakeasy-name-override': '"
				+ id.substring(colon + 1) + "', 'summary': 'Summary of " + id + "', " + details + "}}";
	}

	private static Map<String, String> products() {
		return generate(productsSpec());
	}

	private static OpenApiSpec productsSpec() {
		String list = operation("/v1/products/", "get", "products:list", SECURITY
				+ ", 'parameters': [{'name': 'page', 'in': 'query', 'schema': {'type': 'integer'}}, "
				+ "{'name': 'product_id', 'in': 'query', 'schema': {'anyOf': [{'type': 'string'}, {'type': 'array', "
				+ "'items': {'type': 'string'}}, {'type': 'null'}]}}, {'name': 'metadata', 'in': 'query', "
				+ "'style': 'deepObject', 'schema': {'$ref': '#/components/schemas/MetadataQuery'}}], "
				+ "'responses': {" + jsonResponse("200", "ListResource_Product_") + "}");
		String create = "'/v1/products/x': {'post': {'operationId': 'products:create', 'x-speakeasy-group': 'products', "
				+ "'x-speakeasy-name-override': 'create', 'deprecated': true, " + SECURITY
				+ ", 'requestBody': {'required': true, 'content': {'application/json': {'schema': "
				+ "{'$ref': '#/components/schemas/ProductCreate'}}}}, 'responses': {" + jsonResponse("201", "Product")
				+ ", '404': {'description': 'Product not found.'}, '402': {'description': 'Payment required.'}}}}";
		String delete = operation("/v1/products/{id}", "delete", "products:delete",
				SECURITY + ", 'parameters': [" + ID + "], 'responses': {'204': {'description': 'Deleted.'}}");
		String export = operation("/v1/products/export", "get", "products:export", SECURITY
				+ ", 'parameters': [{'name': 'start_date', 'in': 'query', 'required': true, 'schema': "
				+ "{'type': 'string', 'format': 'date'}}, {'name': 'token', 'in': 'query', 'schema': {'type': 'string'}}], "
				+ "'responses': {'200': {'content': {'text/csv': {'schema': {'type': 'string'}}}}}");
		String members = operation("/v1/products/{id}/members/{member_id}", "get", "products:members:get",
				SECURITY + ", 'parameters': [" + ID
						+ ", {'name': 'member_id', 'in': 'path', 'required': true, 'schema': "
						+ "{'type': 'string'}}], 'responses': {" + jsonResponse("200", "Product") + "}");
		String token = operation("/v1/oauth2/token", "post", "oauth2:token", "'requestBody': {'required': true, "
				+ "'content': {'application/x-www-form-urlencoded': {'schema': {'$ref': '#/components/schemas/TokenRequest'}}}}, "
				+ "'responses': {" + jsonResponse("200", "Product") + "}");
		String portal = operation("/v1/customer-portal/orders/{id}", "get", "customer_portal:orders:get",
				"'security': [{'customer_session': []}, {'member_session': []}], 'parameters': [" + ID + "], "
						+ "'responses': {" + jsonResponse("200", "Product") + "}");
		return spec(String.join(", ", list, create, delete, export, members, token, portal), "");
	}

	@Test
	void everyClientIsALazyBeanReachedFromPolarClientThatBacksOffForTheApplicationsOwn() {
		ModelTypes types = ModelTypes.of(productsSpec(), new Naming(), Main.MODEL_PACKAGE);
		GeneratedSource source = new ResourceClientBeansGenerator(types, Main.RESOURCE_PACKAGE, Main.CLIENT_PACKAGE,
				Main.AUTOCONFIGURE_PACKAGE)
			.generate();
		assertThat(source.path()).isEqualTo("dev/polarspring/autoconfigure/PolarResourceClientsConfiguration.java");
		assertThat(source.content()).contains(
				"@Configuration(\n\t\tproxyBeanMethods = false\n)\n@Lazy\nfinal class PolarResourceClientsConfiguration {")
			.contains("\t@Bean\n\tstatic BeanFactoryPostProcessor polarResourceClientListenerScan() {\n"
					+ "\t\treturn new ResourceClientListenerScan(PolarResourceClientsConfiguration.class);\n\t}")
			.contains("\t@Bean\n\t@ConditionalOnMissingBean\n\tProductsClient productsClient(PolarClient polar) {\n"
					+ "\t\treturn polar.products();\n\t}")
			.contains("\tCustomerPortalOrdersClient customerPortalOrdersClient(PolarClient polar) {\n"
					+ "\t\treturn polar.customerPortal().orders();\n\t}")
			.contains("ProductsMembersClient productsMembersClient(PolarClient polar) {\n"
					+ "\t\treturn polar.products().members();")
			.contains("Oauth2Client oauth2Client(PolarClient polar) {\n\t\treturn polar.oauth2();");
		assertThat(source.content().split("@ConditionalOnMissingBean\n", -1)).hasSize(6);
		assertThat(source.content().indexOf("customerPortalClient("))
			.isLessThan(source.content().indexOf("customerPortalOrdersClient("));
		assertThat(source.content().indexOf("customerPortalOrdersClient("))
			.isLessThan(source.content().indexOf("oauth2Client("));
	}

	@Test
	void everyGroupGetsAClientAndPolarResourcesReachesTheTopLevelOnes() {
		Map<String, String> sources = products();
		assertThat(sources).containsKeys("ProductsClient", "ProductsMembersClient", "Oauth2Client",
				"CustomerPortalClient", "CustomerPortalOrdersClient", "ProductsListParams", "ProductsExportParams",
				"PolarResources", "package-info");
		String resources = sources.get("PolarResources");
		assertThat(resources).contains("public abstract class PolarResources")
			.contains("protected PolarResources(ApiExecutor executor)")
			.contains("public ProductsClient products()")
			.contains("public CustomerPortalClient customerPortal()")
			.contains("this.oauth2 = new Oauth2Client(executor);")
			.doesNotContain("ProductsMembersClient");
		assertThat(sources.get("ProductsClient")).contains("this.members = new ProductsMembersClient(executor);")
			.contains("public ProductsMembersClient members()");
		assertThat(sources.get("CustomerPortalClient")).doesNotContain("private final ApiExecutor executor");
	}

	@Test
	void operationConstantCarriesIdResourceMethodPathAndAuth() {
		Map<String, String> sources = products();
		assertThat(sources.get("ProductsClient")).contains("public static final ApiOperation LIST = new ApiOperation("
				+ "\"products:list\", \"products\", HttpMethod.GET, \"/v1/products/\", AuthScheme.ACCESS_TOKEN);");
		assertThat(sources.get("Oauth2Client")).contains("AuthScheme.NONE);");
		assertThat(sources.get("CustomerPortalOrdersClient"))
			.contains("\"customer_portal:orders:get\", \"customer_portal.orders\", HttpMethod.GET")
			.contains("AuthScheme.CUSTOMER_SESSION);")
			.contains("{@link PolarClient#customerPortal(String)}");
	}

	@Test
	void pageOperationHasOverloadsWithoutParamsAndWithoutOptions() {
		String client = products().get("ProductsClient");
		assertThat(client)
			.contains("public Page<Product> list(ProductsListParams params, RequestOptions options) {\n"
					+ "\t\tApiRequest request = ApiRequest.builder(LIST)\n" + "\t\t\t.query(params)\n"
					+ "\t\t\t.build();\n" + "\t\treturn this.executor.executePage(request, Product.class, options);\n")
			.contains(
					"public Page<Product> list(ProductsListParams params) {\n\t\treturn list(params, RequestOptions.none());")
			.contains("public Page<Product> list(RequestOptions options) {\n"
					+ "\t\treturn list(ProductsListParams.builder().build(), options);")
			.contains("public Page<Product> list() {");
	}

	@Test
	void bodyPathParametersAndVoidAnswers() {
		Map<String, String> sources = products();
		String client = sources.get("ProductsClient");
		assertThat(client).contains("public Product create(ProductCreate body, RequestOptions options)")
			.contains(".jsonBody(body)")
			.contains("public void delete(String id, RequestOptions options) {\n"
					+ "\t\tApiRequest request = ApiRequest.builder(DELETE)\n" + "\t\t\t.pathParam(\"id\", id)\n"
					+ "\t\t\t.build();\n" + "\t\tthis.executor.execute(request, ResponseType.none(), options);\n")
			.contains("public void delete(String id) {\n\t\tdelete(id, RequestOptions.none());");
		assertThat(sources.get("ProductsMembersClient"))
			.contains("public Product get(String id, String memberId, " + "RequestOptions options)")
			.contains(".pathParam(\"member_id\", memberId)");
		assertThat(sources.get("Oauth2Client"))
			.contains("public Product token(TokenRequest body, RequestOptions options)")
			.contains(".formBody(body)");
	}

	@Test
	void deprecatedOperationIsDeprecatedAndErrorsAreDocumented() {
		String client = products().get("ProductsClient");
		assertThat(client).contains("@Deprecated\n\tpublic Product create(ProductCreate body, RequestOptions options)")
			.contains("@Deprecated\n\tpublic Product create(ProductCreate body)")
			.contains("@throws NotFoundException if Polar answers 404 (Product not found)")
			.contains("@throws UnexpectedStatusException if Polar answers 402 (Payment required)")
			.contains("@throws PolarApiException if Polar answers another error status")
			.contains("{@code GET /v1/products/}; authenticates with a personal or OAuth2 access token; scopes "
					+ "{@code products:read}.");
	}

	@Test
	void textAnswerHasStringAndStreamMethodsSharingOneRequest() {
		String client = products().get("ProductsClient");
		assertThat(client)
			.contains("public String export(ProductsExportParams params, RequestOptions options) {\n"
					+ "\t\treturn this.executor.execute(exportRequest(params), ResponseType.text(), options);")
			.contains("public InputStream exportStream(ProductsExportParams params, RequestOptions options) {\n"
					+ "\t\treturn this.executor.execute(exportRequest(params), ResponseType.stream(), options);")
			.contains("private ApiRequest exportRequest(ProductsExportParams params)")
			// A required query parameter leaves no overload without the params object.
			.doesNotContain("public String export(RequestOptions options)")
			.doesNotContain("public String export()");
	}

	@Test
	void paramsClassWritesEveryParameterAndChecksRequiredOnes() {
		Map<String, String> sources = products();
		assertThat(sources.get("ProductsListParams"))
			.contains("public final class ProductsListParams implements QueryParams")
			.contains("query.add(\"product_id\", this.productId);")
			.contains("public Builder productId(String... productId) {\n\t\t\tthis.productId = List.of(productId);")
			.contains(
					"public Builder productId(List<String> productId) {\n\t\t\tthis.productId = List.copyOf(productId);")
			.contains("public Builder metadata(String key, Object value)")
			.contains("public Builder metadata(Map<String, ?> metadata)")
			.contains("public Builder page(long page)")
			.contains("query.add(\"metadata\", this.metadata);");
		assertThat(sources.get("ProductsExportParams"))
			.contains("throw new IllegalStateException(\"ProductsExportParams needs the parameters \" + missing")
			.contains("missing.add(\"startDate\");")
			.contains("this.startDate = Objects.requireNonNull(builder.startDate);")
			.contains("\", token=\" + ((this.token != null) ? \"***\" : null)");
	}

}
