package dev.polarspring.boot.metering;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Events are checked when built, carry an idempotency key or a generated unique id, and
 * keep their metadata out of {@code toString()}.
 */
class UsageEventTests {

	@Test
	void builtWithEverything() {
		UsageEvent event = UsageEvent.forExternalCustomer("user-42", "api_call")
			.metadata(Map.of("tokens", 1200))
			.idempotencyKey("call-981")
			.timestamp(Instant.parse("2026-11-01T10:00:00Z"))
			.build();
		assertThat(event.name()).isEqualTo("api_call");
		assertThat(event.externalCustomerId()).isEqualTo("user-42");
		assertThat(event.customerId()).isNull();
		assertThat(event.externalId()).isEqualTo("call-981");
		assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
		assertThat(event.metadata()).containsExactly(Map.entry("tokens", 1200));
	}

	@Test
	void timestampsKeepTheMicrosecondsPolarKeeps() {
		assertThat(UsageEvent.forExternalCustomer("user-42", "api_call")
			.timestamp(Instant.parse("2026-11-01T10:00:00.123456789Z"))
			.build()
			.timestamp()).isEqualTo(Instant.parse("2026-11-01T10:00:00.123456Z"));
		assertThat(UsageEvent.forExternalCustomer("user-42", "api_call")
			.timestamp(Instant.parse("1969-12-31T23:59:59.999999Z"))
			.build()
			.timestamp()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
		assertThat(UsageEvent.forExternalCustomer("user-42", "api_call").build().timestamp()).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UsageEvent.forExternalCustomer("user-42", "api_call").timestamp(Instant.MAX))
			.withMessageContaining("out of range");
	}

	@Test
	void withoutAKeyEachEventGetsAUuidOfItsOwnFixedWhenBuilt() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			UsageEvent event = UsageEvent.forExternalCustomer("user-42", "api_call").build();
			assertThat(event.externalId()).isEqualTo(event.externalId());
			ids.add(event.externalId());
		}
		assertThat(ids).hasSize(10_000);
		UUID id = UUID.fromString(ids.iterator().next());
		assertThat(id.version()).isEqualTo(8);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void metadataIsCopiedAndChecked() {
		Map<String, Object> metadata = new HashMap<>(Map.of("tokens", 1));
		UsageEvent event = UsageEvent.forExternalCustomer("user-42", "api_call").metadata(metadata).build();
		metadata.put("tokens", 2);
		assertThat(event.metadata()).containsExactly(Map.entry("tokens", 1));
		Map<String, Object> withNull = new HashMap<>();
		withNull.put("plan", null);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UsageEvent.forExternalCustomer("user-42", "api_call").metadata(withNull))
			.withMessageStartingWith("metadata 'plan' is null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UsageEvent.forExternalCustomer("user-42", "api_call")
				.metadata(Map.of("usage", Map.of("tokens", 1))))
			.withMessageStartingWith("metadata 'usage' is a map");
	}

	@Test
	void polarCustomerIdsAreUuids() {
		assertThat(UsageEvent.forCustomer("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77", "download").build().customerId())
			.isEqualTo("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77");
		assertThatIllegalArgumentException().isThrownBy(() -> UsageEvent.forCustomer("user-42", "download"))
			.withMessageContaining("forExternalCustomer");
	}

	@Test
	void blankArgumentsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> UsageEvent.forExternalCustomer(" ", "download"))
			.withMessage("externalCustomerId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> UsageEvent.forExternalCustomer("user-42", ""))
			.withMessage("name must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UsageEvent.forExternalCustomer("user-42", "download").idempotencyKey(""))
			.withMessage("idempotencyKey must not be blank");
	}

	@Test
	void toStringLeavesTheMetadataOut() {
		UsageEvent event = UsageEvent.forExternalCustomer("user-42", "download")
			.metadata(Map.of("file", "secret-plans.pdf"))
			.idempotencyKey("dl-1")
			.build();
		assertThat(event).hasToString("UsageEvent{name=download, externalId=dl-1}");
	}

}
