package dev.polarspring.client.core;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;

import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.core.TestApi.Product;
import dev.polarspring.client.error.AuthenticationException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.PolarIoException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.error.ValidationError;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every status family becomes its own exception carrying what Polar sent back.
 */
class ApiExecutorErrorTests {

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private ApiExecutor executor;

	@BeforeEach
	void setUp() {
		this.executor = TestApi.client(polar.baseUrl(), new RecordingSleeper())
			.retrySettings(RetrySettings.disabled())
			.build()
			.executor();
	}

	@ParameterizedTest
	@CsvSource({ "400, BadRequestException, BadRequest", "401, AuthenticationException, Unauthorized",
			"403, PermissionDeniedException, NotPermitted", "404, NotFoundException, ResourceNotFound",
			"409, ConflictException, AlreadyExists", "429, RateLimitException, TooManyRequests",
			"500, InternalServerException, InternalServerError", "503, InternalServerException, Unavailable",
			"418, UnexpectedStatusException, Teapot" })
	void eachStatusFamilyHasItsException(int status, String exceptionType, String error) {
		String body = "{\"error\": \"" + error + "\", \"detail\": \"Something about it\"}";
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req_1")
			.withBody(body)));
		PolarApiException ex = getProduct();
		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionType);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getError()).isEqualTo(error);
		assertThat(ex.getDetail()).isEqualTo("Something about it");
		assertThat(ex.getResponseBody()).isEqualTo(body);
		assertThat(ex.getHeaders().getFirst("X-Request-Id")).isEqualTo("req_1");
		assertThat(ex.getOperationId()).isEqualTo("products:get");
		assertThat(ex.getMessage())
			.startsWith("Polar answered HTTP " + status + " to products:get (" + error + "): Something about it");
	}

	@Test
	void validationErrorsAreListed() {
		polar.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
					{"detail": [
					  {"loc": ["body", "prices", 0, "price_amount"], "msg": "Field required", "type": "missing"},
					  {"loc": ["query", "limit"], "msg": "Input should be greater than 0", "type": "greater_than",
					   "input": "0", "ctx": {"gt": 0}}
					]}""")));
		UnprocessableEntityException ex = (UnprocessableEntityException) getProduct();
		assertThat(ex.getValidationErrors()).containsExactly(
				new ValidationError(List.of("body", "prices", "0", "price_amount"), "Field required", "missing"),
				new ValidationError(List.of("query", "limit"), "Input should be greater than 0", "greater_than"));
		assertThat(ex.getDetail()).isNull();
		assertThat(ex.getMessage()).isEqualTo("Polar answered HTTP 422 to products:get: "
				+ "body.prices.0.price_amount: Field required; query.limit: Input should be greater than 0");
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
		RateLimitException ex = (RateLimitException) getProduct();
		assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(7));
		assertThat(ex.getMessage()).isEqualTo("Polar answered HTTP 429 to products:get");
	}

	@Test
	void aBodyThatIsNotJsonIsKeptRaw() {
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
		PolarApiException ex = getProduct();
		assertThat(ex.getResponseBody()).isEqualTo("<html>Bad gateway</html>");
		assertThat(ex.getError()).isNull();
		assertThat(ex.getDetail()).isNull();
	}

	@Test
	void authenticationFailureSaysWhatToCheckAndNeverShowsTheToken() {
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": \"Unauthorized\", \"detail\": \"Invalid token\"}")));
		AuthenticationException ex = (AuthenticationException) getProduct();
		assertThat(ex.getMessage()).contains("production and sandbox tokens differ");
		assertThat(ex.toString()).doesNotContain(TestApi.TOKEN);
		assertThat(ex.getResponseBody()).doesNotContain(TestApi.TOKEN);
	}

	@Test
	void aTransportFailureNeverShowsThePathParameters() {
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		ApiOperation claim = new ApiOperation("customer_seats:claim", "customer_seats", HttpMethod.GET,
				"/v1/customer-seats/claim/{invitation_token}", AuthScheme.NONE);
		ApiRequest request = ApiRequest.builder(claim).pathParam("invitation_token", "InvitationSecret42").build();
		PolarIoException ex = catchThrowableOfType(PolarIoException.class,
				() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()));
		assertThat(ex.getMessage()).startsWith("customer_seats:claim failed talking to ")
			.doesNotContain("InvitationSecret42");
	}

	@Test
	void aBodyCutOffWhileItIsDecodedIsATransportFailureNotABadAnswer() {
		// A 200 whose chunked body turns to garbage, then the connection closes.
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		assertThatExceptionOfType(PolarIoException.class)
			.isThrownBy(() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()))
			.withMessageStartingWith("products:get failed talking to ");
	}

	private PolarApiException getProduct() {
		ApiRequest request = ApiRequest.builder(TestApi.PRODUCTS_GET).pathParam("id", "p").build();
		return catchThrowableOfType(PolarApiException.class,
				() -> this.executor.execute(request, ResponseType.json(Product.class), RequestOptions.none()));
	}

}
