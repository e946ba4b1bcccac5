package dev.polarspring.client.core;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A union reads its JSON as the variant it chose, whether the discriminator comes first,
 * last or not at all, and leaves the parser where the next value starts.
 */
class VariantReaderTests {

	private static final TypeReference<List<Shape>> SHAPES = new TypeReference<>() {
	};

	private static final TypeReference<List<MatchedShape>> MATCHED_SHAPES = new TypeReference<>() {
	};

	@Test
	void theDiscriminatorCanComeAnywhereInTheObject() {
		List<Shape> shapes = read("[{\"kind\": \"circle\", \"radius\": 1.0}, "
				+ "{\"radius\": 2.0, \"kind\": \"circle\", \"label\": \"b\"}, "
				+ "{\"label\": \"c\", \"meta\": {\"k\": [1, {\"z\": null}]}, \"side\": 3.0, \"kind\": \"square\"}]");
		assertThat(shapes).containsExactly(new Circle("circle", 1.0, null), new Circle("circle", 2.0, "b"),
				new Square("square", 3.0, "c"));
	}

	@Test
	void anUnknownKindKeepsEveryPropertyInItsTree() {
		String json = "{\"a\": 1, \"kind\": \"triangle\", \"b\": [1, {\"c\": true}]}";
		assertThat(read("[" + json + "]")).containsExactly(new UnknownShape(PolarJson.mapper().readTree(json)));
	}

	@Test
	void withoutAUsableDiscriminatorTheValueIsUnknown() {
		List<Shape> shapes = read("[{\"radius\": 1.0}, {\"kind\": null, \"radius\": 1.0}, "
				+ "{\"kind\": {\"name\": \"circle\"}}, \"circle\", 7, {\"kind\": \"square\", \"side\": 1.0}]");
		assertThat(shapes).hasSize(6);
		assertThat(shapes.subList(0, 5)).allSatisfy((shape) -> assertThat(shape).isInstanceOf(UnknownShape.class));
		assertThat(((UnknownShape) shapes.get(0)).raw()).isEqualTo(PolarJson.mapper().readTree("{\"radius\": 1.0}"));
		assertThat(((UnknownShape) shapes.get(3)).raw().stringValue()).isEqualTo("circle");
		assertThat(((UnknownShape) shapes.get(4)).raw().intValue()).isEqualTo(7);
		assertThat(shapes.get(5)).isEqualTo(new Square("square", 1.0, null));
	}

	@Test
	void aVariantChosenByItsPropertiesIsReadFromTheBufferedTokens() {
		List<MatchedShape> shapes = PolarJson.mapper()
			.readValue("[{\"radius\": 1.5, \"label\": \"x\"}, {\"side\": 2.0}, {\"edges\": 3}]", MATCHED_SHAPES);
		assertThat(shapes).containsExactly(new MatchedCircle(1.5, "x"), new MatchedSquare(2.0),
				new UnknownMatchedShape(PolarJson.mapper().readTree("{\"edges\": 3}")));
	}

	@Test
	void oneReaderServesEveryValueOfItsUnion() {
		for (int i = 0; i < 3; i++) {
			assertThat(read("[{\"kind\": \"circle\", \"radius\": " + i + ".0}]"))
				.containsExactly(new Circle("circle", i, null));
		}
	}

	private static List<Shape> read(String json) {
		return PolarJson.mapper().readValue(json, SHAPES);
	}

	/** A union with a discriminator, read as generated unions with one are. */
	@JsonDeserialize(using = ShapeDeserializer.class)
	sealed interface Shape permits Circle, Square, UnknownShape {

	}

	// Its own default deserializer, not the union's it would inherit.
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record Circle(String kind, double radius, @Nullable String label) implements Shape {
	}

	// Its own default deserializer, not the union's it would inherit.
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record Square(String kind, double side, @Nullable String label) implements Shape {
	}

	// Its own default deserializer, not the union's it would inherit.
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record UnknownShape(JsonNode raw) implements Shape {
	}

	static final class ShapeDeserializer extends StdDeserializer<Shape> {

		private final VariantReader variants = new VariantReader();

		ShapeDeserializer() {
			super(Shape.class);
		}

		@Override
		public Shape deserialize(JsonParser parser, DeserializationContext context) {
			VariantReader.Discriminated json = VariantReader.discriminated(parser, "kind", context);
			Class<? extends Shape> variant = switch (json.value()) {
				case "circle" -> Circle.class;
				case "square" -> Square.class;
				default -> null;
			};
			return (variant != null) ? this.variants.read(json, variant, context)
					: new UnknownShape(VariantReader.tree(json, context));
		}

	}

	@Test
	void aValueChosenByItsPropertiesReadsAsItWasSentNumbersIncluded() {
		String unknown = "{\"edges\": [3, 1e400, 0.1000000000000000055511151231257827, "
				+ "123456789012345678901234567890, -9223372036854775808, 1.5e-3, \"x\", true, null, {}]}";
		List<MatchedShape> shapes = PolarJson.mapper()
			.readValue("[" + unknown + ", \"square\", 7, {\"side\": 2.5, \"extra\": {\"side\": \"no\"}}]",
					MATCHED_SHAPES);
		assertThat(shapes).containsExactly(new UnknownMatchedShape(PolarJson.mapper().readTree(unknown)),
				new UnknownMatchedShape(PolarJson.mapper().readTree("\"square\"")),
				new UnknownMatchedShape(PolarJson.mapper().readTree("7")), new MatchedSquare(2.5));
	}

	@Test
	void aValueChosenByItsPropertiesFailsAsTheVariantFails() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> PolarJson.mapper().readValue("[{\"side\": \"wide\"}]", MATCHED_SHAPES))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting(JacksonException.Reference::getIndex).startsWith(0));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> PolarJson.mapper().readValue("[{\"side\": 2.0, \"label\": ]", MATCHED_SHAPES));
	}

	/** A union without a discriminator, read as generated unions without one are. */
	@JsonDeserialize(using = MatchedShapeDeserializer.class)
	sealed interface MatchedShape permits MatchedCircle, MatchedSquare, UnknownMatchedShape {

	}

	// Its own default deserializer, not the union's it would inherit.
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record MatchedCircle(double radius, @Nullable String label) implements MatchedShape {
	}

	// Its own default deserializer, not the union's it would inherit.
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record MatchedSquare(double side) implements MatchedShape {
	}

	// Its own default deserializer, not the union's it would inherit.
	@JsonDeserialize(using = ValueDeserializer.None.class)
	record UnknownMatchedShape(JsonNode raw) implements MatchedShape {
	}

	static final class MatchedShapeDeserializer extends StdDeserializer<MatchedShape> {

		private static final VariantMatcher<MatchedShape> VARIANTS = new VariantMatcher<>(
				List.of(VariantMatcher.variant(MatchedCircle.class).required("radius").declared("radius", "label"),
						VariantMatcher.variant(MatchedSquare.class).required("side").declared("side")));

		private final VariantReader variants = new VariantReader();

		MatchedShapeDeserializer() {
			super(MatchedShape.class);
		}

		@Override
		public MatchedShape deserialize(JsonParser parser, DeserializationContext context) {
			VariantMatcher.Buffered json = VARIANTS.buffer(parser, context);
			Class<? extends MatchedShape> variant = VARIANTS.match(json);
			return (variant != null) ? this.variants.read(json, variant, context)
					: new UnknownMatchedShape(json.tree(context));
		}

	}

}
