package dev.polarspring.client.core;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ApiRequestTests {

	@Test
	void pathParametersArePercentEncodedAsOneSegment() {
		ApiRequest request = ApiRequest.builder(TestApi.CUSTOMER_GET_EXTERNAL)
			.pathParam("external_id", "user/42 ü")
			.build();
		assertThat(request.path()).isEqualTo("/v1/customers/external/user%2F42%20%C3%BC");
	}

	@Test
	void aMissingPathParameterIsNamed() {
		assertThatIllegalStateException().isThrownBy(() -> ApiRequest.builder(TestApi.PRODUCTS_GET).build())
			.withMessage("Path parameter 'id' of products:get is not set");
	}

	@Test
	void aNullPathParameterIsNamed() {
		assertThatNullPointerException()
			.isThrownBy(() -> ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", null))
			.withMessage("Path parameter 'id' of products:get must not be null");
	}

	@Test
	void withQueryParamReplacesEveryValueAndLeavesTheOriginalUntouched() {
		ApiRequest first = ApiRequest.builder(TestApi.PRODUCTS_LIST)
			.queryParam("page", 1)
			.queryParam("limit", 10)
			.build();
		ApiRequest second = first.withQueryParam("page", 2);
		assertThat(second.queryParam("page")).isEqualTo("2");
		assertThat(second.queryParam("limit")).isEqualTo("10");
		assertThat(first.queryParam("page")).isEqualTo("1");
	}

	@Test
	void toStringLeavesTheBodyOut() {
		ApiRequest request = ApiRequest.builder(TestApi.OAUTH2_TOKEN)
			.formBody(new TestApi.TokenRequest("client_credentials", "id", "client-secret-value", null,
					java.util.List.of()))
			.build();
		assertThat(request.toString()).doesNotContain("client-secret-value").contains("oauth2:request_token");
	}

	@Test
	void toStringShowsThePathTemplateNotTheSecretsInIt() {
		ApiOperation checkout = new ApiOperation("checkouts:client_get", "checkouts", HttpMethod.GET,
				"/v1/checkouts/client/{client_secret}", AuthScheme.NONE);
		ApiRequest request = ApiRequest.builder(checkout).pathParam("client_secret", "polar_c_SecretValue789").build();
		assertThat(request.path()).isEqualTo("/v1/checkouts/client/polar_c_SecretValue789");
		assertThat(request.toString()).doesNotContain("polar_c_SecretValue789")
			.contains("GET /v1/checkouts/client/{client_secret}");
	}

}
