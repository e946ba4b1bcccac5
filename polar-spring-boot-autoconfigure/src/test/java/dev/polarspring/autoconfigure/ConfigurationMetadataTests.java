package dev.polarspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RetrySettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE reads: every {@code polar.*} key is described, and
 * {@code polar.server} offers its values.
 */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read();

	@Test
	void everyPropertyHasADescription() {
		List<String> undescribed = this.metadata.get("properties")
			.valueStream()
			.filter((property) -> property.path("description").asString("").isBlank())
			.map((property) -> property.get("name").asString())
			.toList();
		assertThat(this.metadata.get("properties").size()).isGreaterThan(20);
		assertThat(undescribed).isEmpty();
	}

	@Test
	void coreKeysAreListed() {
		List<String> names = this.metadata.get("properties")
			.valueStream()
			.map((property) -> property.get("name").asString())
			.toList();
		assertThat(names).contains("polar.access-token", "polar.server", "polar.base-url", "polar.api-version",
				"polar.organization-id", "polar.connect-timeout", "polar.read-timeout", "polar.retry.max-attempts",
				"polar.retry.initial-delay", "polar.retry.max-delay", "polar.retry.multiplier",
				"polar.retry.non-idempotent", "polar.retry.jitter", "polar.retry.max-retry-after",
				"polar.webhook.secret", "polar.webhook.path", "polar.webhook.max-body-size");
	}

	@Test
	void theDefaultsShownToIdesAreTheClientsDefaults() {
		PolarClientSettings client = PolarClientSettings.defaults();
		RetrySettings retry = RetrySettings.defaults();
		Map<String, Object> expected = Map.of("polar.api-version", client.apiVersion(), "polar.connect-timeout",
				client.connectTimeout(), "polar.read-timeout", client.readTimeout(), "polar.retry.max-attempts",
				retry.maxAttempts(), "polar.retry.initial-delay", retry.initialDelay(), "polar.retry.max-delay",
				retry.maxDelay(), "polar.retry.multiplier", retry.multiplier(), "polar.retry.jitter", retry.jitter(),
				"polar.retry.max-retry-after", retry.maxRetryAfter(), "polar.retry.non-idempotent",
				retry.retryNonIdempotent());
		expected.forEach((name, value) -> assertThat(defaultValue(name, value.getClass())).as(name).isEqualTo(value));
	}

	@Test
	void apiVersionOffersTheClientsVersion() {
		JsonNode apiVersionHint = this.metadata.get("hints")
			.valueStream()
			.filter((hint) -> hint.get("name").asString().equals("polar.api-version"))
			.findFirst()
			.orElseThrow();
		assertThat(apiVersionHint.get("values").valueStream().map((value) -> value.get("value").asString()))
			.containsExactly(PolarClientSettings.DEFAULT_API_VERSION);
	}

	private Object defaultValue(String name, Class<?> type) {
		JsonNode value = this.metadata.get("properties")
			.valueStream()
			.filter((property) -> property.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.get("defaultValue");
		assertThat(value).as(name + " has a default").isNotNull();
		if (type == Duration.class) {
			return DurationStyle.detectAndParse(value.asString());
		}
		if (type == Integer.class) {
			return value.asInt();
		}
		if (type == Double.class) {
			return value.asDouble();
		}
		if (type == Boolean.class) {
			return value.asBoolean();
		}
		return value.asString();
	}

	@Test
	void meteringKeysAreListed() {
		List<String> names = this.metadata.get("properties")
			.valueStream()
			.map((property) -> property.get("name").asString())
			.toList();
		assertThat(names).contains("polar.metering.enabled", "polar.metering.batch-size",
				"polar.metering.flush-interval", "polar.metering.shutdown-timeout", "polar.metering.organization-id",
				"polar.metering.buffer.capacity", "polar.metering.buffer.when-full",
				"polar.metering.buffer.wait-timeout", "polar.metering.retry.initial-delay",
				"polar.metering.retry.max-delay", "polar.metering.retry.multiplier");
	}

	@Test
	void billingKeysAreListed() {
		List<String> names = this.metadata.get("properties")
			.valueStream()
			.map((property) -> property.get("name").asString())
			.toList();
		assertThat(names).contains("polar.checkout.enabled", "polar.checkout.path", "polar.checkout.success-url",
				"polar.checkout.return-url", "polar.checkout.metadata", "polar.checkout.discount-id",
				"polar.checkout.allow-discount-codes", "polar.checkout.seats", "polar.checkout.allowed-origins",
				"polar.portal.enabled", "polar.portal.path", "polar.portal.return-url", "polar.portal.allowed-origins",
				"polar.products", "polar.benefits", "polar.entitlements.cache-name", "polar.entitlements.time-to-live",
				"polar.entitlements.max-entries", "polar.entitlements.clock-skew");
	}

	@Test
	void serverOffersProductionAndSandbox() {
		JsonNode serverHint = this.metadata.get("hints")
			.valueStream()
			.filter((hint) -> hint.get("name").asString().equals("polar.server"))
			.findFirst()
			.orElseThrow();
		assertThat(serverHint.get("values").valueStream().map((value) -> value.get("value").asString()))
			.containsExactly("production", "sandbox");
	}

	private static JsonNode read() {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The configuration processor did not write the metadata", ex);
		}
	}

}
