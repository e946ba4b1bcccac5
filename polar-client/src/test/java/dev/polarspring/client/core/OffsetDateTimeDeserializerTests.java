package dev.polarspring.client.core;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SDK's timestamp reader gives exactly what Jackson's own gives, only faster, and
 * leaves every layout it does not handle to Jackson.
 */
class OffsetDateTimeDeserializerTests {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.123456Z", "2026-01-02T03:04:05.1Z",
			"2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:05+00:00", "2026-01-02T03:04:05.5-00:00",
			"2026-01-02T03:04:05+02:00", "2026-01-02T01:04:05.250-05:30", "2024-02-29T23:59:59+14:00",
			"2026-12-31T23:59:59.999-12:00", "2026-01-02T03:04:05", "2026-01-02 03:04:05Z", "2026-01-02T03:04:05+0200",
			"2026-01-02t03:04:05z", "2026-01-02T03:04:05.Z", "1500000000", "2026-01-02T03:04:05+02" })
	void readsWhatJacksonReads(String text) {
		String json = text.matches("\\d+") ? text : "\"" + text + "\"";
		Object expected = readWith(JACKSON, json);
		Object actual = readWith(PolarJson.mapper(), json);
		assertThat(actual).isEqualTo(expected);
	}

	private static Object readWith(JsonMapper mapper, String json) {
		try {
			return mapper.readValue(json, OffsetDateTime.class);
		}
		catch (JacksonException ex) {
			return ex.getClass();
		}
	}

	@Test
	void polarTimestampsAreReadAtUtcWithTheirFraction() {
		assertThat(OffsetDateTimeDeserializer.parse("2026-01-02T03:04:05.123456Z"))
			.isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC));
		assertThat(OffsetDateTimeDeserializer.parse("2026-01-02T05:04:05+02:00"))
			.isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
	}

	@Test
	void invalidDatesAndOtherLayoutsAreLeftToJackson() {
		assertThat(OffsetDateTimeDeserializer.parse("2026-02-30T03:04:05Z")).isNull();
		assertThat(OffsetDateTimeDeserializer.parse("2026-01-02T03:04:05")).isNull();
		assertThat(OffsetDateTimeDeserializer.parse("2026-01-02T03:04:05.1234567891Z")).isNull();
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> PolarJson.mapper().readValue("\"2026-02-30T03:04:05Z\"", OffsetDateTime.class))
			.withMessageContaining("2026-02-30T03:04:05Z");
	}

}
