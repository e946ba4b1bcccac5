package dev.polarspring.boot.metering;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retry delays: Polar's Retry-After when given (capped), else exponential backoff with
 * equal jitter, capped.
 */
class UsageBackoffTests {

	private final UsageBackoff backoff = new UsageBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);

	@Test
	void retryAfterIsWaitedExactly() {
		assertThat(this.backoff.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
		assertThat(this.backoff.delay(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void retryAfterIsCappedAtTheMaximumDelay() {
		assertThat(this.backoff.delay(1, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
	}

	@RepeatedTest(20)
	void backoffDoublesWithJitterBetweenHalfAndAll() {
		assertThat(this.backoff.delay(1, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
		assertThat(this.backoff.delay(2, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(this.backoff.delay(4, null)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
		assertThat(this.backoff.delay(30, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
	}

}
