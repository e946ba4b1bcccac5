package dev.polarspring.client.core;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.TypeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A record read property by property gets each value from its type's deserializer, and
 * nulls, absent values and errors as Jackson reports them, with the path to the property.
 */
class PropertyReaderTests {

	@Test
	void eachPropertyIsReadByItsTypesDeserializerAndUnknownOnesAreSkipped() {
		Sample sample = read("{\"zz\": {\"a\": [1]}, \"name\": \"Pro\", \"count\": 3, \"tags\": [\"a\", \"b\"]}");
		assertThat(sample).isEqualTo(new Sample("Pro", 3, List.of("a", "b")));
	}

	@Test
	void nullIsWhatTheTypeReadsFromNull() {
		assertThat(read("{\"name\": null, \"count\": 1, \"tags\": null}")).isEqualTo(new Sample(null, 1, null));
	}

	@Test
	void anAbsentOrNullPrimitiveFailsAsJacksonDoesNamingTheProperty() {
		assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> read("{\"name\": \"Pro\"}"))
			.withMessageContaining("Cannot map `null` into type `long`")
			.satisfies((ex) -> assertThat(ex.getPath()).extracting(JacksonException.Reference::getPropertyName)
				.containsExactly("count"));
		assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> read("{\"count\": null}"))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting(JacksonException.Reference::getPropertyName)
				.containsExactly("count"));
	}

	@Test
	void aValueOfTheWrongShapeFailsWithThePathToIt() {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> PolarJson.mapper()
				.readValue("[{\"count\": 1}, {\"count\": 1, \"tags\": [{\"a\": 1}]}]", Sample[].class))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting((reference) -> (reference.getIndex() >= 0)
					? String.valueOf(reference.getIndex()) : reference.getPropertyName())
				.containsExactly("1", "tags", "0"));
	}

	@Test
	void anEmptyObjectHasNoFirstPropertyAndAnythingButAnObjectIsAMismatch() {
		assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> read("{}"))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting(JacksonException.Reference::getPropertyName)
				.containsExactly("count"));
		assertThatExceptionOfType(MismatchedInputException.class).isThrownBy(() -> read("\"Pro\""))
			.withMessageContaining("Sample");
	}

	@Test
	void readingCanStartOnTheFirstPropertyName() {
		try (JsonParser parser = PolarJson.mapper().createParser("{\"name\": \"Pro\", \"count\": 2}")) {
			assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
			assertThat(parser.nextToken()).isEqualTo(JsonToken.PROPERTY_NAME);
			assertThat(PolarJson.mapper().readValue(parser, Sample.class)).isEqualTo(new Sample("Pro", 2, null));
		}
	}

	@Test
	void theShortcutsReadEveryTokenAsJacksonsOwnDeserializersDo() {
		List<String> values = List.of("\"text\"", "\"\"", "\"12\"", "\"true\"", "\"2026-01-02T03:04:05.5+01:00\"",
				"\"2026-02-30T00:00:00Z\"", "12", "-7", "0", "9223372036854775807", "9223372036854775808", "2147483648",
				"123456789012345678901234567890", "1.0", "1.5", "1e3", "true", "false", "null", "[]", "[\"a\"]", "{}",
				"{\"a\": 1}");
		Map<String, String> valid = new LinkedHashMap<>();
		valid.put("text", "\"a\"");
		valid.put("flag", "true");
		valid.put("boxedFlag", "false");
		valid.put("count", "1");
		valid.put("boxedCount", "2");
		valid.put("number", "3");
		valid.put("boxedNumber", "4");
		valid.put("at", "\"2026-01-02T03:04:05Z\"");
		Set<String> outcomes = new HashSet<>();
		for (String property : valid.keySet()) {
			for (String value : values) {
				StringBuilder json = new StringBuilder("{");
				valid.forEach((name, other) -> json.append((json.length() > 1) ? ", " : "")
					.append('"')
					.append(name)
					.append("\": ")
					.append(name.equals(property) ? value : other));
				json.append('}');
				String outcome = outcome(json.toString(), Scalars.class);
				assertThat(outcome).as(json.toString()).isEqualTo(outcome(json.toString(), JacksonScalars.class));
				outcomes.add(outcome);
			}
		}
		assertThat(outcomes).as("values and failures of several kinds were compared")
			.contains("[text=text, flag=true, boxedFlag=false, count=1, boxedCount=2, number=3, boxedNumber=4, "
					+ "at=2026-01-02T03:04:05Z]")
			.contains(MismatchedInputException.class.getName())
			.hasSizeGreaterThan(valid.size() * 3);
	}

	private static String outcome(String json, Class<? extends Record> type) {
		try {
			// The same components in the same order: compare what toString() shows.
			String text = PolarJson.mapper().readValue(json, type).toString();
			return text.substring(text.indexOf('['));
		}
		catch (JacksonException ex) {
			return ex.getClass().getName();
		}
	}

	private static Sample read(String json) {
		return PolarJson.mapper().readValue(json, Sample.class);
	}

	/** A record read as generated records are. */
	@JsonDeserialize(using = SampleDeserializer.class)
	record Sample(@Nullable String name, long count, @Nullable List<String> tags) {
	}

	static final class SampleDeserializer extends StdDeserializer<Sample> {

		// Set by resolve(), which Jackson calls before any value is read.
		private PropertyNames names;

		private PropertyReader<String> nameReader;

		private PropertyReader<Long> countReader;

		private PropertyReader<List<String>> tagsReader;

		SampleDeserializer() {
			super(Sample.class);
		}

		@Override
		public void resolve(DeserializationContext context) {
			TypeFactory types = context.getTypeFactory();
			this.names = PropertyNames.of(context, "name", "count", "tags");
			this.nameReader = new PropertyReader<>(context, Sample.class, "name", types.constructType(String.class));
			this.countReader = new PropertyReader<>(context, Sample.class, "count", types.constructType(long.class));
			this.tagsReader = new PropertyReader<>(context, Sample.class, "tags",
					types.constructParametricType(List.class, types.constructType(String.class)));
		}

		@Override
		public Sample deserialize(JsonParser parser, DeserializationContext context) {
			String name = null;
			Long count = null;
			List<String> tags = null;
			for (int property = this.names.first(parser, context,
					Sample.class); property != PropertyNames.END; property = this.names.next(parser)) {
				parser.nextToken();
				switch (property) {
					case 0 -> name = this.nameReader.read(parser, context);
					case 1 -> count = this.countReader.read(parser, context);
					case 2 -> tags = this.tagsReader.read(parser, context);
					default -> parser.skipChildren();
				}
			}
			if (count == null) {
				count = this.countReader.absent(context);
			}
			return new Sample(name, count, tags);
		}

	}

	/** Every type with a shortcut, read as generated records are. */
	@JsonDeserialize(using = ScalarsDeserializer.class)
	record Scalars(@Nullable String text, boolean flag, @Nullable Boolean boxedFlag, long count,
			@Nullable Long boxedCount, int number, @Nullable Integer boxedNumber, @Nullable OffsetDateTime at) {
	}

	/** The same, read by Jackson's own record deserializer. */
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record JacksonScalars(@Nullable String text, boolean flag, @Nullable Boolean boxedFlag, long count,
			@Nullable Long boxedCount, int number, @Nullable Integer boxedNumber, @Nullable OffsetDateTime at) {
	}

	static final class ScalarsDeserializer extends StdDeserializer<Scalars> {

		private static final String[] NAMES = { "text", "flag", "boxedFlag", "count", "boxedCount", "number",
				"boxedNumber", "at" };

		private static final Class<?>[] TYPES = { String.class, boolean.class, Boolean.class, long.class, Long.class,
				int.class, Integer.class, OffsetDateTime.class };

		// Set by resolve(), which Jackson calls before any value is read.
		private PropertyNames names;

		private final List<PropertyReader<Object>> readers = new ArrayList<>();

		ScalarsDeserializer() {
			super(Scalars.class);
		}

		@Override
		public void resolve(DeserializationContext context) {
			this.names = PropertyNames.of(context, NAMES);
			for (int i = 0; i < NAMES.length; i++) {
				this.readers.add(new PropertyReader<>(context, Scalars.class, NAMES[i],
						context.getTypeFactory().constructType(TYPES[i])));
			}
		}

		@Override
		public Scalars deserialize(JsonParser parser, DeserializationContext context) {
			Object[] values = new Object[NAMES.length];
			for (int property = this.names.first(parser, context,
					Scalars.class); property != PropertyNames.END; property = this.names.next(parser)) {
				parser.nextToken();
				if (property >= 0) {
					values[property] = this.readers.get(property).read(parser, context);
				}
				else {
					parser.skipChildren();
				}
			}
			for (int i = 0; i < values.length; i++) {
				if (values[i] == null && TYPES[i].isPrimitive()) {
					values[i] = this.readers.get(i).absent(context);
				}
			}
			return new Scalars((String) values[0], (Boolean) values[1], (Boolean) values[2], (Long) values[3],
					(Long) values[4], (Integer) values[5], (Integer) values[6], (OffsetDateTime) values[7]);
		}

	}

}
