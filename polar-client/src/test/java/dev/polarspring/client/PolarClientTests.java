package dev.polarspring.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import dev.polarspring.client.error.PolarIoException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolarClientTests {

	private static final String TOKEN = "polar_oat_VerySecretTokenValue";

	@Test
	void theHttpClientIsCreatedByTheFirstRequestNotByBuild() {
		AtomicInteger builders = new AtomicInteger();
		AtomicInteger factories = new AtomicInteger();
		PolarClient client = PolarClient.builder()
			.baseUrl("http://localhost:1")
			.accessToken(TOKEN)
			.retrySettings(RetrySettings.defaults().withMaxAttempts(1))
			.restClientBuilder(() -> {
				builders.incrementAndGet();
				return RestClient.builder();
			})
			.requestFactory((connectTimeout, readTimeout) -> {
				factories.incrementAndGet();
				return (uri, method) -> {
					throw new IOException("no network in this test");
				};
			})
			.build();
		assertThat(builders).hasValue(0);
		assertThat(factories).hasValue(0);
		assertThatExceptionOfType(PolarIoException.class).isThrownBy(() -> client.products().get("p1"));
		assertThatExceptionOfType(PolarIoException.class).isThrownBy(() -> client.products().get("p1"));
		assertThat(builders).hasValue(1);
		assertThat(factories).hasValue(1);
	}

	@Test
	void productionIsTheDefaultServer() {
		assertThat(PolarClient.builder().build().executor().baseUrl()).isEqualTo("https://api.polar.sh");
	}

	@Test
	void sandboxHasItsOwnHost() {
		assertThat(PolarClient.builder().server(PolarServer.SANDBOX).build().executor().baseUrl())
			.isEqualTo("https://sandbox-api.polar.sh");
	}

	@Test
	void aBaseUrlReplacesTheServerAndLosesItsTrailingSlash() {
		PolarClient client = PolarClient.builder()
			.server(PolarServer.SANDBOX)
			.baseUrl("http://localhost:8089/")
			.build();
		assertThat(client.executor().baseUrl()).isEqualTo("http://localhost:8089");
	}

	@Test
	void aMalformedBaseUrlIsRefusedWithItsValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> PolarClient.builder().baseUrl("api.polar.sh"))
			.withMessage("baseUrl must be an absolute http or https URL without query, was 'api.polar.sh'");
		assertThatIllegalArgumentException().isThrownBy(() -> PolarClient.builder().baseUrl("ht tp://x"))
			.withMessageContaining("'ht tp://x'");
	}

	@Test
	void timeoutsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> PolarClient.builder().readTimeout(Duration.ZERO))
			.withMessage("readTimeout must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PolarClient.builder().connectTimeout(Duration.ofSeconds(-1)))
			.withMessage("connectTimeout must be positive, was PT-1S");
	}

	@Test
	void withOptionsLeavesTheOriginalUntouched() {
		PolarClient original = PolarClient.builder().accessToken(TOKEN).build();
		PolarClient derived = original.withOptions(RequestOptions.builder().maxAttempts(1).build());
		assertThat(derived).isNotSameAs(original);
		assertThat(derived.executor().defaultOptions().maxAttempts()).isEqualTo(1);
		assertThat(original.executor().defaultOptions()).isEqualTo(RequestOptions.none());
	}

	@Test
	void withCustomerSessionTokenSetsTheSessionTokenOnADerivedClient() {
		PolarClient original = PolarClient.builder().build();
		PolarClient portal = original.withCustomerSessionToken("polar_cst_abc");
		assertThat(portal.executor().defaultOptions().customerSessionToken()).isEqualTo("polar_cst_abc");
		assertThat(original.executor().defaultOptions().customerSessionToken()).isNull();
	}

	@Test
	void noTokenAppearsInAnyToString() {
		PolarClient client = PolarClient.builder().accessToken(TOKEN).build();
		PolarClient derived = client.withOptions(RequestOptions.builder()
			.accessToken(TOKEN)
			.customerSessionToken(TOKEN)
			.header("Authorization", "Bearer " + TOKEN)
			.build());
		assertThat(client.toString()).doesNotContain(TOKEN);
		assertThat(derived.toString()).doesNotContain(TOKEN);
		assertThat(derived.executor().toString()).doesNotContain(TOKEN).contains("accessToken=(supplied)");
		assertThat(derived.executor().defaultOptions().toString()).doesNotContain(TOKEN)
			.contains("accessToken=(set)", "customerSessionToken=(set)");
	}

}
