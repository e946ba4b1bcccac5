package dev.polarspring.boot.webhook.inbox;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookRetryBackoffTests {

	private final WebhookRetryBackoff defaults = new WebhookRetryBackoff(32, Duration.ofSeconds(10),
			Duration.ofHours(1));

	@Test
	void doublesFromTheInitialDelayWithinTwentyPercent() {
		SplittableRandom random = new SplittableRandom(7);
		for (int attempt = 1; attempt <= 9; attempt++) {
			long expected = 10_000L << (attempt - 1);
			for (int i = 0; i < 100; i++) {
				assertThat(this.defaults.delayAfter(attempt, random).toMillis()).as("after attempt %d", attempt)
					.isBetween((long) (expected * 0.8), (long) (expected * 1.2));
			}
		}
	}

	@Test
	void neverWaitsLongerThanTheMaximum() {
		SplittableRandom random = new SplittableRandom(7);
		for (int attempt = 10; attempt <= 1000; attempt++) {
			assertThat(this.defaults.delayAfter(attempt, random)).isLessThanOrEqualTo(Duration.ofHours(1))
				.isGreaterThanOrEqualTo(Duration.ofMinutes(48));
		}
	}

	@Test
	void theDefaultsRetryForAboutADay() {
		SplittableRandom random = new SplittableRandom(7);
		Duration total = Duration.ZERO;
		int attempt = 1;
		while (!this.defaults.isLastAttempt(attempt)) {
			total = total.plus(this.defaults.delayAfter(attempt, random));
			attempt++;
		}
		assertThat(attempt).isEqualTo(32);
		assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(25));
	}

	@Test
	void theFirstAttemptIsTheLastWhenOnlyOneIsAllowed() {
		assertThat(new WebhookRetryBackoff(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).isLastAttempt(1)).isTrue();
		assertThat(this.defaults.isLastAttempt(31)).isFalse();
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookRetryBackoff(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookRetryBackoff(3, Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookRetryBackoff(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

}
