package dev.polarspring.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
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

	private static Sample read(String json) {
		return PolarJson.mapper().readValue(json, Sample.class);
	}

	/** A record read as generated records are. */
	@JsonDeserialize(using = SampleDeserializer.class)
	record Sample(@Nullable String name, long count, @Nullable List<String> tags) {
	}

	static final class SampleDeserializer extends StdDeserializer<Sample> {

		// Set by resolve(), which Jackson calls before any value is read.
		private PropertyReader<String> nameReader;

		private PropertyReader<Long> countReader;

		private PropertyReader<List<String>> tagsReader;

		SampleDeserializer() {
			super(Sample.class);
		}

		@Override
		public void resolve(DeserializationContext context) {
			TypeFactory types = context.getTypeFactory();
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
			for (String propertyName = PropertyReader.firstName(parser, context,
					Sample.class); propertyName != null; propertyName = parser.nextName()) {
				parser.nextToken();
				switch (propertyName) {
					case "name" -> name = this.nameReader.read(parser, context);
					case "count" -> count = this.countReader.read(parser, context);
					case "tags" -> tags = this.tagsReader.read(parser, context);
					default -> parser.skipChildren();
				}
			}
			if (count == null) {
				count = this.countReader.absent(context);
			}
			return new Sample(name, count, tags);
		}

	}

}
