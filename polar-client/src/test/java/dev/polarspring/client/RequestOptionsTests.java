package dev.polarspring.client;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestOptionsTests {

	@Test
	void orElseTakesUnsetOptionsFromTheDefaults() {
		RequestOptions defaults = RequestOptions.builder()
			.timeout(Duration.ofSeconds(30))
			.maxAttempts(6)
			.accessToken("polar_oat_default")
			.build();
		RequestOptions call = RequestOptions.builder().maxAttempts(1).build();
		RequestOptions merged = call.orElse(defaults);
		assertThat(merged.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(merged.maxAttempts()).isEqualTo(1);
		assertThat(merged.accessToken()).isEqualTo("polar_oat_default");
		assertThat(merged.retryNonIdempotent()).isNull();
	}

	@Test
	void orElseMergesHeadersQueryParamsAndBodyPropertiesByName() {
		RequestOptions defaults = RequestOptions.builder()
			.header("X-A", "default")
			.header("X-B", "default")
			.queryParam("q", "1")
			.bodyProperty("a", 1)
			.build();
		RequestOptions call = RequestOptions.builder()
			.header("x-a", "call")
			.queryParam("r", "2", "3")
			.bodyProperty("a", null)
			.build();
		RequestOptions merged = call.orElse(defaults);
		assertThat(merged.headers().get("X-A")).containsExactly("call");
		assertThat(merged.headers().get("X-B")).containsExactly("default");
		assertThat(merged.queryParams()).containsEntry("q", List.of("1")).containsEntry("r", List.of("2", "3"));
		assertThat(merged.bodyProperties()).containsEntry("a", null);
	}

	@Test
	void noneLeavesOtherOptionsAsTheyAre() {
		RequestOptions options = RequestOptions.builder().maxAttempts(2).build();
		assertThat(RequestOptions.none().orElse(options)).isSameAs(options);
		assertThat(options.orElse(RequestOptions.none())).isSameAs(options);
	}

	@Test
	void mutateCopiesEverything() {
		RequestOptions options = RequestOptions.builder().header("X-A", "a").timeout(Duration.ofSeconds(1)).build();
		RequestOptions changed = options.mutate().maxAttempts(4).build();
		assertThat(changed.headers().getFirst("X-A")).isEqualTo("a");
		assertThat(changed.timeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.maxAttempts()).isNull();
	}

	@Test
	void invalidValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
			.withMessage("timeout must be positive, was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().maxAttempts(0))
			.withMessage("maxAttempts must be at least 1 (1 disables retries), was 0");
	}

	@Test
	void toStringShowsHeaderNamesButNoValuesOrTokens() {
		RequestOptions options = RequestOptions.builder()
			.header("Authorization", "Bearer secret-in-header")
			.accessToken("secret-token")
			.build();
		assertThat(options.toString()).contains("Authorization", "accessToken=(set)")
			.doesNotContain("secret-in-header", "secret-token");
	}

}
