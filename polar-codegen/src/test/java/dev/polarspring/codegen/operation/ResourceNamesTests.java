package dev.polarspring.codegen.operation;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;

import static dev.polarspring.codegen.operation.OperationFragments.jsonResponse;
import static dev.polarspring.codegen.operation.OperationFragments.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The naming rules of {@link ResourceNames}.
 */
class ResourceNamesTests {

	private static ResourceNames names(String schemas) {
		String paths = "'/v1/p': {'get': {'operationId': 'p:get', 'responses': {" + jsonResponse("200", "Product")
				+ "}}}";
		return new ResourceNames(ModelTypes.of(spec(paths, schemas), new Naming(), "test.model"));
	}

	@Test
	void clientIsNamedForTheWholeGroupPath() {
		ResourceNames names = names("");
		assertThat(names.clientName(List.of("products"))).isEqualTo("ProductsClient");
		assertThat(names.clientName(List.of("checkout-links"))).isEqualTo("CheckoutLinksClient");
		assertThat(names.clientName(List.of("customer_meters"))).isEqualTo("CustomerMetersClient");
		assertThat(names.clientName(List.of("customer_portal", "orders"))).isEqualTo("CustomerPortalOrdersClient");
		assertThat(names.clientName(List.of("customers", "members"))).isEqualTo("CustomersMembersClient");
	}

	@Test
	void clientNamedLikeASchemaBecomesApiClientEvenWhenTheSchemaIsUnused() {
		ResourceNames names = names(
				"'OAuth2Client': {'type': 'object', 'properties': {'client_id': {'type': 'string'}}}");
		assertThat(names.clientName(List.of("oauth2"))).isEqualTo("OAuth2ApiClient");
		assertThat(names.clientName(List.of("oauth2", "clients"))).isEqualTo("OAuth2ClientsClient");
	}

	@Test
	void wordsTakeTheSchemaSpellingOnlyWhereTheWordIsWhole() {
		ResourceNames names = names(
				"'OAuth2ClientPublic': {'type': 'object', 'properties': {'a': {'type': 'string'}}}, "
						+ "'OrganizationSSOConfig': {'type': 'object', 'properties': {'a': {'type': 'string'}}}");
		assertThat(names.stem(List.of("oauth2"))).isEqualTo("OAuth2");
		assertThat(names.stem(List.of("organizations"))).isEqualTo("Organizations");
	}

	@Test
	void accessorsMethodsAndConstantsAreCamelCaseAndUpperSnakeCase() {
		ResourceNames names = names("");
		assertThat(names.accessorName("checkout-links")).isEqualTo("checkoutLinks");
		assertThat(names.accessorName("customer-session")).isEqualTo("customerSession");
		assertThat(names.methodName("get_state_external", "customers:get_state_external"))
			.isEqualTo("getStateExternal");
		assertThat(names.methodName("finalize", "orders:finalize")).isEqualTo("finalize");
		assertThat(names.constantName("getStateExternal")).isEqualTo("GET_STATE_EXTERNAL");
		assertThat(names.paramsName(List.of("customer_portal", "orders"), "list"))
			.isEqualTo("CustomerPortalOrdersListParams");
	}

	@Test
	void methodNamedByAJavaKeywordStopsGeneration() {
		assertThatIllegalStateException().isThrownBy(() -> names("").methodName("new", "things:new"))
			.withMessageContaining("things:new")
			.withMessageContaining("keyword");
	}

	@Test
	void paramsClassNamedLikeASchemaStopsGeneration() {
		ResourceNames names = names(
				"'ProductsListParams': {'type': 'object', 'properties': {'a': {'type': 'string'}}}");
		assertThatIllegalStateException().isThrownBy(() -> names.paramsName(List.of("products"), "list"))
			.withMessageContaining("ProductsListParams");
	}

}
