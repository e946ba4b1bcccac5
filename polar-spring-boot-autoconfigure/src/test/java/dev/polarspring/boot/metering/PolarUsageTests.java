package dev.polarspring.boot.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.polarspring.client.PolarClient;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What {@link PolarUsage#record} checks at the call, before anything is buffered. Nothing
 * here reaches a server: every call fails before it buffers.
 */
class PolarUsageTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final UsageSender sender = new UsageSender(
			PolarClient.builder().baseUrl("http://127.0.0.1:9").accessToken("polar_oat_usage_tests").build().events(),
			MeteringSettings.defaults().withFlushInterval(Duration.ofHours(1)), new ThreadPoolTaskScheduler(),
			UsageMetrics.NONE, (event) -> {
			});

	private final PolarUsage usage = new PolarUsage(this.sender, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aNullMetadataValueIsRefusedNamingTheKey() {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put("tokens", 10);
		metadata.put("model", null);
		assertThatIllegalArgumentException().isThrownBy(() -> this.usage.record("user-1", "api_call", metadata))
			.withMessageStartingWith("metadata 'model' is null");
		assertThat(this.usage.buffered()).isZero();
	}

	@Test
	void aNestedMapIsRefusedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.usage.record("user-1", "api_call", Map.of("usage", Map.of("tokens", 10))))
			.withMessageStartingWith("metadata 'usage' is a map");
		assertThat(this.usage.buffered()).isZero();
	}

	@Test
	void aMissingCustomerOrNameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.usage.record(" ", "api_call"))
			.withMessage("externalCustomerId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.usage.record("user-1", ""))
			.withMessage("name must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.usage.record("user-1", "x".repeat(129)))
			.withMessageContaining("Polar accepts at most 128");
	}

	@Test
	void anEventInTheFutureIsRefused() {
		UsageEvent later = UsageEvent.forExternalCustomer("user-1", "api_call")
			.timestamp(NOW.plus(Duration.ofMinutes(5)))
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.usage.record(later))
			.withMessageContaining("is in the future");
		assertThat(this.usage.buffered()).isZero();
	}

}
