package dev.polarspring.client.resource;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.error.PolarDecodingException;
import dev.polarspring.client.resource.SpecOperations.SpecOperation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls every operation that takes no body through its generated method, by reflection,
 * and checks the request that reaches the server: the HTTP method, the path with its
 * parameters in place, and the {@code Authorization} header the spec's security asks for.
 * Operations with a body are called by hand in {@link ResourceClientRequestTests}.
 */
class EveryOperationRequestTests {

	private static final String TOKEN = "polar_oat_EveryOperationToken";

	private static final String SESSION = "polar_cst_EveryOperationSession";

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private PolarClient client;

	@BeforeEach
	void setUp() {
		this.client = PolarClient.builder()
			.accessToken(TOKEN)
			.baseUrl(polar.baseUrl())
			.retrySettings(RetrySettings.disabled())
			.sleeper(new RecordingSleeper())
			.build();
		// Accepted without a body: every answer kind copes with it, except a page
		// (checked below).
		polar.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
	}

	@TestFactory
	Stream<DynamicTest> everyOperationWithoutBodySendsItsMethodPathAndAuthorization() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (SpecOperation operation : SpecOperations.read()) {
			if (!operation.hasBody()) {
				tests.add(DynamicTest.dynamicTest(operation.toString(), () -> call(operation)));
			}
		}
		System.out.printf("EveryOperationRequestTests: %d operations without a body called through their method%n",
				tests.size());
		assertThat(tests).hasSizeGreaterThan(100);
		return tests.stream();
	}

	private void call(SpecOperation operation) throws Throwable {
		polar.resetRequests();
		PolarClient root = operation.auth().equals("CUSTOMER_SESSION") ? this.client.withCustomerSessionToken(SESSION)
				: this.client;
		Object resourceClient = operation.client(root);
		Method method = operation.fullMethod(resourceClient.getClass())
			.orElseThrow(() -> new AssertionError("No method for " + operation));
		Object[] arguments = arguments(operation, method);
		if (Page.class.isAssignableFrom(method.getReturnType())) {
			// A 202 without a body is no page: the call fails after the request was sent.
			assertThatExceptionOfType(PolarDecodingException.class)
				.isThrownBy(() -> invoke(method, resourceClient, arguments));
		}
		else {
			invoke(method, resourceClient, arguments);
		}
		List<LoggedRequest> requests = polar.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.getMethod().getName()).isEqualTo(operation.method());
		assertThat(request.getUrl().split("\\?")[0]).isEqualTo(expectedPath(operation));
		String authorization = request.getHeader("Authorization");
		switch (operation.auth()) {
			case "ACCESS_TOKEN" -> assertThat(authorization).isEqualTo("Bearer " + TOKEN);
			case "CUSTOMER_SESSION" -> assertThat(authorization).isEqualTo("Bearer " + SESSION);
			default -> assertThat(request.containsHeader("Authorization")).isFalse();
		}
		assertThat(request.getHeader("Polar-Version")).isEqualTo(PolarClientSettings.DEFAULT_API_VERSION);
		for (JsonNode parameter : operation.requiredQueryParameters()) {
			assertThat(request.queryParameter(parameter.path("name").asString()).isPresent()).isTrue();
		}
	}

	private static void invoke(Method method, Object target, Object[] arguments) throws Throwable {
		try {
			method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static String expectedPath(SpecOperation operation) {
		String path = operation.path();
		int index = 1;
		for (String name : operation.pathParameters()) {
			path = path.replace("{" + name + "}", "value" + index++);
		}
		return path;
	}

	private static Object[] arguments(SpecOperation operation, Method method) throws Exception {
		Class<?>[] types = method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		int pathIndex = 0;
		for (int i = 0; i < types.length; i++) {
			if (types[i] == RequestOptions.class) {
				arguments[i] = RequestOptions.none();
			}
			else if (types[i] == String.class && pathIndex < operation.pathParameters().size()) {
				arguments[i] = "value" + (++pathIndex);
			}
			else {
				arguments[i] = params(operation, types[i]);
			}
		}
		assertThat(pathIndex).as("path parameters of " + operation).isEqualTo(operation.pathParameters().size());
		return arguments;
	}

	/**
	 * Builds a params object with every required parameter set to a sample of its type.
	 */
	private static Object params(SpecOperation operation, Class<?> paramsClass) throws Exception {
		Object builder = paramsClass.getMethod("builder").invoke(null);
		for (JsonNode parameter : operation.requiredQueryParameters()) {
			String name = SpecOperations.camelCase(parameter.path("name").asString());
			Method setter = null;
			for (Method candidate : builder.getClass().getMethods()) {
				if (candidate.getName().equals(name) && candidate.getParameterCount() == 1
						&& !List.class.isAssignableFrom(candidate.getParameterTypes()[0])) {
					setter = candidate;
				}
			}
			assertThat(setter).as("builder method " + name + " of " + paramsClass.getSimpleName()).isNotNull();
			setter.invoke(builder, sample(setter.getParameterTypes()[0]));
		}
		return builder.getClass().getMethod("build").invoke(builder);
	}

	private static Object sample(Class<?> type) {
		if (type.isArray()) {
			Object array = Array.newInstance(type.getComponentType(), 1);
			Array.set(array, 0, sample(type.getComponentType()));
			return array;
		}
		if (type == String.class) {
			return "sample";
		}
		if (type == long.class) {
			return 1L;
		}
		if (type == boolean.class) {
			return true;
		}
		if (type == LocalDate.class) {
			return LocalDate.of(2026, 1, 31);
		}
		if (type == OffsetDateTime.class) {
			return OffsetDateTime.of(2026, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC);
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		throw new IllegalArgumentException("No sample for " + type);
	}

}
