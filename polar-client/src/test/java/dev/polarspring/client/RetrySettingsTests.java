package dev.polarspring.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetrySettingsTests {

	@Test
	void defaultsMatchTheDocumentation() {
		RetrySettings defaults = RetrySettings.defaults();
		assertThat(defaults.maxAttempts()).isEqualTo(3);
		assertThat(defaults.initialDelay()).isEqualTo(Duration.ofMillis(500));
		assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(8));
		assertThat(defaults.multiplier()).isEqualTo(2.0);
		assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
		assertThat(defaults.retryNonIdempotent()).isFalse();
	}

	@Test
	void withMethodsChangeOneField() {
		RetrySettings settings = RetrySettings.defaults().withMaxAttempts(6).withInitialDelay(Duration.ofSeconds(1));
		assertThat(settings).isEqualTo(new RetrySettings(6, Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.25,
				Duration.ofSeconds(60), false));
	}

	@Test
	void backoffGrowsByTheMultiplierUpToTheMaximum() {
		RetrySettings settings = RetrySettings.defaults().withJitter(0);
		assertThat(settings.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.backoff(2, 0.5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.backoff(6, 0.5)).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void nonsenseIsRefusedWithTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetrySettings.defaults().withMaxAttempts(0))
			.withMessage("maxAttempts must be at least 1 (1 disables retries), was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> RetrySettings.defaults().withJitter(1.5))
			.withMessage("jitter must be between 0 and 1, was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> RetrySettings.defaults().withMultiplier(0.5))
			.withMessage("multiplier must be at least 1.0, was 0.5");
	}

}
