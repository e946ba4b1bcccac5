package dev.polarspring.client.observation;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RecordingSleeper;
import dev.polarspring.client.RequestOptions;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.core.ApiExecutor;
import dev.polarspring.client.core.ApiOperation;
import dev.polarspring.client.core.ApiRequest;
import dev.polarspring.client.core.AuthScheme;
import dev.polarspring.client.core.ResponseType;
import dev.polarspring.client.error.NotFoundException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One {@code polar.client.requests} observation per operation call, retries included.
 */
class PolarClientObservationTests {

	private static final ApiOperation BENEFITS_GET = new ApiOperation("benefits:get", "benefits", HttpMethod.GET,
			"/v1/benefits/{id}", AuthScheme.ACCESS_TOKEN);

	@RegisterExtension
	static WireMockExtension polar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void aSuccessfulCallIsObservedWithItsOperationResourceAndStatus() {
		polar.stubFor(get(urlEqualTo("/v1/benefits/b1")).willReturn(okJson("{\"id\": \"b1\"}")));
		getBenefit(executor(null), "b1");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasNameEqualTo("polar.client.requests")
			.hasContextualNameEqualTo("polar benefits:get")
			.hasLowCardinalityKeyValue("polar.operation", "benefits:get")
			.hasLowCardinalityKeyValue("polar.resource", "benefits")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("polar.attempts", "1")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void retriesAreOneObservationThatCountsTheAttempts() {
		polar.stubFor(get(urlEqualTo("/v1/benefits/b2")).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		polar.stubFor(get(urlEqualTo("/v1/benefits/b2")).inScenario("retry")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"id\": \"b2\"}")));
		getBenefit(executor(null), "b2");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("status", "200")
			.hasHighCardinalityKeyValue("polar.attempts", "2");
	}

	@Test
	void aFailedCallRecordsTheErrorTypeAndOutcome() {
		polar.stubFor(get(urlEqualTo("/v1/benefits/missing")).willReturn(aResponse().withStatus(404)));
		ApiExecutor executor = executor(null);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> getBenefit(executor, "missing"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("status", "404")
			.hasLowCardinalityKeyValue("error.type", "NotFoundException")
			.assertThatError()
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aCallThatNeverGotAnAnswerHasNoStatus() {
		ApiExecutor executor = PolarClient.builder()
			.baseUrl("http://127.0.0.1:1")
			.accessToken("polar_oat_x")
			.retrySettings(RetrySettings.disabled())
			.connectTimeout(Duration.ofSeconds(2))
			.observationRegistry(this.registry)
			.build()
			.executor();
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> getBenefit(executor, "b"));
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "UNKNOWN")
			.hasLowCardinalityKeyValue("status", "NONE")
			.hasLowCardinalityKeyValue("error.type", "PolarIoException");
	}

	@Test
	void aCustomConventionReplacesNamesAndTags() {
		polar.stubFor(get(urlEqualTo("/v1/benefits/b3")).willReturn(okJson("{\"id\": \"b3\"}")));
		PolarClientObservationConvention convention = new DefaultPolarClientObservationConvention("billing.calls") {

			@Override
			public KeyValues getLowCardinalityKeyValues(PolarClientObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and(KeyValue.of("team", "billing"));
			}

		};
		getBenefit(executor(convention), "b3");
		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("billing.calls")
			.hasLowCardinalityKeyValue("team", "billing")
			.hasLowCardinalityKeyValue("polar.operation", "benefits:get");
	}

	private ApiExecutor executor(PolarClientObservationConvention convention) {
		return PolarClient.builder()
			.baseUrl(polar.baseUrl())
			.accessToken("polar_oat_x")
			.sleeper(new RecordingSleeper())
			.observationRegistry(this.registry)
			.observationConvention(convention)
			.build()
			.executor();
	}

	private static JsonNode getBenefit(ApiExecutor executor, String id) {
		return executor.execute(ApiRequest.builder(BENEFITS_GET).pathParam("id", id).build(),
				ResponseType.json(JsonNode.class), RequestOptions.none());
	}

}
