package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import dev.polarspring.client.core.VariantMatcher.Variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A union without a discriminator takes the variant whose schema accepts the object and
 * fits it best; nothing accepting means no variant.
 */
class VariantMatcherTests {

	@Test
	void constantsChooseTheVariant() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(
				VariantMatcher.variant(CardPayment.class).constant("/method", "card").declared("method", "amount"),
				VariantMatcher.variant(BankPayment.class).constant("/method", "bank").declared("method", "amount")));
		assertThat(match(matcher, "{\"method\": \"bank\", \"amount\": 10}")).isEqualTo(BankPayment.class);
		assertThat(match(matcher, "{\"method\": \"card\"}")).isEqualTo(CardPayment.class);
		assertThat(match(matcher, "{\"method\": \"crypto\"}")).isNull();
	}

	@Test
	void aConstantCanBeNestedOrBoolean() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(
				VariantMatcher.variant(CardPayment.class).constant("/benefit/type", "discord").required("benefit"),
				VariantMatcher.variant(BankPayment.class).constant("/is_test", true)));
		assertThat(match(matcher, "{\"benefit\": {\"type\": \"discord\"}}")).isEqualTo(CardPayment.class);
		assertThat(match(matcher, "{\"benefit\": {\"type\": \"github\"}}")).isNull();
		assertThat(match(matcher, "{\"is_test\": true}")).isEqualTo(BankPayment.class);
		assertThat(match(matcher, "{\"is_test\": \"true\"}")).as("a string is not the boolean").isNull();
		assertThat(match(matcher, "{\"benefit\": \"discord\", \"is_test\": false}")).isNull();
	}

	@Test
	void requiredPropertiesMustBePresentAndNonNullOnesNotNull() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).required("id", "note").notNull("id")));
		assertThat(match(matcher, "{\"id\": \"p1\", \"note\": null}")).isEqualTo(CardPayment.class);
		assertThat(match(matcher, "{\"id\": \"p1\"}")).isNull();
		assertThat(match(matcher, "{\"id\": null, \"note\": \"n\"}")).isNull();
	}

	@Test
	void aNonNullPropertyThatIsAbsentIsRejectedEvenWhenNotRequired() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).notNull("id")));
		assertThat(match(matcher, "{}")).isNull();
	}

	@Test
	void aClosedVariantRejectsPropertiesItDoesNotDeclare() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).declared("id").closed()));
		assertThat(match(matcher, "{\"id\": \"p1\"}")).isEqualTo(CardPayment.class);
		assertThat(match(matcher, "{\"id\": \"p1\", \"extra\": 1}")).isNull();
	}

	@Test
	void theMostConstantsMatchedWin() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(
				VariantMatcher.variant(CardPayment.class).constant("/method", "card").declared("method", "a", "b"),
				VariantMatcher.variant(BankPayment.class)
					.constant("/method", "card")
					.constant("/wallet", "apple")
					.declared("method", "wallet")));
		assertThat(match(matcher, "{\"method\": \"card\", \"wallet\": \"apple\", \"a\": 1, \"b\": 2}"))
			.isEqualTo(BankPayment.class);
	}

	@Test
	void thenTheMostPropertiesOfTheObjectDeclared() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).declared("id"),
						VariantMatcher.variant(BankPayment.class).declared("id", "iban", "bic")));
		assertThat(match(matcher, "{\"id\": \"p1\", \"iban\": \"DE00\"}")).isEqualTo(BankPayment.class);
	}

	@Test
	void thenTheFewestDeclaredPropertiesThenTheFirstListed() {
		VariantMatcher<Payment> tightest = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).declared("id", "last4", "brand"),
						VariantMatcher.variant(BankPayment.class).declared("id", "iban")));
		assertThat(match(tightest, "{\"id\": \"p1\"}")).isEqualTo(BankPayment.class);
		VariantMatcher<Payment> tie = new VariantMatcher<>(
				List.of(VariantMatcher.variant(BankPayment.class).declared("id"),
						VariantMatcher.variant(CardPayment.class).declared("id")));
		assertThat(match(tie, "{\"id\": \"p1\"}")).isEqualTo(BankPayment.class);
	}

	@Test
	void onlyAnObjectCanMatch() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(VariantMatcher.variant(CardPayment.class)));
		assertThat(match(matcher, "{}")).isEqualTo(CardPayment.class);
		assertThat(match(matcher, "[]")).isNull();
		assertThat(match(matcher, "\"card\"")).isNull();
		assertThat(match(matcher, "null")).isNull();
	}

	@Test
	void theMatcherKeepsItsOwnListOfVariants() {
		List<Variant<? extends Payment>> variants = new java.util.ArrayList<>(
				List.of(VariantMatcher.variant(CardPayment.class).constant("/method", "card")));
		VariantMatcher<Payment> matcher = new VariantMatcher<>(variants);
		variants.clear();
		assertThat(match(matcher, "{\"method\": \"card\"}")).isEqualTo(CardPayment.class);
	}

	@Test
	void aPropertyThatAppearsTwiceCountsWithItsLastValue() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(VariantMatcher.variant(CardPayment.class)
			.constant("/method", "card")
			.constant("/benefit/type", "discord")
			.required("id")
			.notNull("id"), VariantMatcher.variant(BankPayment.class).constant("/method", "bank")));
		assertThat(match(matcher, "{\"method\": \"card\", \"method\": \"bank\"}")).isEqualTo(BankPayment.class);
		assertThat(match(matcher,
				"{\"method\": \"card\", \"id\": null, \"id\": \"p1\", \"benefit\": {\"type\": \"discord\"}}"))
			.isEqualTo(CardPayment.class);
		assertThat(match(matcher,
				"{\"method\": \"card\", \"id\": \"p1\", \"id\": null, \"benefit\": {\"type\": \"discord\"}}"))
			.as("null the last time")
			.isNull();
		assertThat(match(matcher,
				"{\"method\": \"card\", \"id\": \"p1\", \"benefit\": {\"type\": \"discord\"}, \"benefit\": {}}"))
			.as("the nested constant went with the first value")
			.isNull();
		assertThat(match(matcher,
				"{\"method\": \"card\", \"id\": \"p1\", \"benefit\": {\"type\": \"github\", \"type\": \"discord\"}}"))
			.isEqualTo(CardPayment.class);
	}

	@Test
	void constantsAreFoundAmongOtherValuesOfEveryShape() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(VariantMatcher.variant(CardPayment.class)
			.constant("/benefit/properties/kind", "role")
			.constant("/benefit/type", "discord")
			.declared("benefit", "note")
			.closed()));
		assertThat(match(matcher,
				"{\"note\": [1, {\"type\": \"x\"}], \"benefit\": {\"a\": {\"type\": \"x\"}, "
						+ "\"type\": \"discord\", \"properties\": {\"list\": [], \"kind\": \"role\"}, \"n\": null}}"))
			.isEqualTo(CardPayment.class);
		assertThat(match(matcher, "{\"benefit\": {\"type\": \"discord\", \"properties\": [\"kind\", \"role\"]}}"))
			.as("a path goes through objects only")
			.isNull();
		assertThat(match(matcher,
				"{\"benefit\": {\"type\": \"discord\", \"properties\": {\"kind\": \"role\"}}, " + "\"other\": 1}"))
			.as("closed")
			.isNull();
	}

	@Test
	void aConstantIsAStringOrABoolean() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VariantMatcher.variant(CardPayment.class).constant("/count", 1))
			.withMessageContaining("String or a Boolean");
	}

	@Test
	void manyPropertyNamesAreTrackedBeyondOneWordOfBits() {
		String[] names = new String[70];
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < names.length; i++) {
			names[i] = "p" + i;
			json.append((i > 0) ? ", " : "").append('"').append(names[i]).append("\": ").append(i);
		}
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).required("p69").declared(names).closed(),
						VariantMatcher.variant(BankPayment.class).required("p0")));
		assertThat(match(matcher, json + "}")).isEqualTo(CardPayment.class);
		assertThat(match(matcher, json + ", \"p70\": 0}")).isEqualTo(BankPayment.class);
		assertThat(match(matcher, "{\"p0\": 1, \"p68\": 1}")).isEqualTo(BankPayment.class);
	}

	@Test
	void anObjectInBytesIsLookedThroughNotCopied() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(
				VariantMatcher.variant(CardPayment.class).constant("/method", "card").declared("method", "amount"),
				VariantMatcher.variant(BankPayment.class).constant("/method", "bank").declared("method", "amount")));
		String json = "{\"amount\": {\"method\": \"card\"}, \"method\": \"bank\"}";
		assertThat(probe(matcher, json, true)).isEqualTo(new Probe(BankPayment.class, false));
		assertThat(probe(matcher, json, false)).isEqualTo(new Probe(BankPayment.class, true));
		String escaped = "{\"amount\": 1, \"\\u006dethod\": \"bank\"}";
		assertThat(probe(matcher, escaped, true)).as("an escaped name is left to the parser, which copies the object")
			.isEqualTo(new Probe(BankPayment.class, true));
	}

	/**
	 * Buffers the JSON as a generated union deserializer does, with the parser on the
	 * value's first token, and matches it: once from text, once from its bytes in memory
	 * (looked through, not copied); both must choose the same.
	 */
	@SuppressWarnings("unchecked")
	private static <T> @Nullable Class<? extends T> match(VariantMatcher<T> matcher, String json) {
		Probe fromText = probe(matcher, json, false);
		Probe fromBytes = probe(matcher, json, true);
		assertThat(fromBytes.variant()).as("chosen from the bytes of %s", json).isEqualTo(fromText.variant());
		return (Class<? extends T>) fromText.variant();
	}

	private static Probe probe(VariantMatcher<?> matcher, String json, boolean bytes) {
		StdDeserializer<Probe> probe = new StdDeserializer<>(Probe.class) {
			@Override
			public Probe deserialize(JsonParser parser, DeserializationContext context) {
				parser.nextName();
				parser.nextToken();
				VariantMatcher.Buffered buffered = matcher.buffer(parser, context);
				Probe matched = new Probe(matcher.match(buffered), buffered.copied());
				if (!buffered.copied() && parser.currentToken() == JsonToken.START_OBJECT) {
					// Looked through: the variant would read the object from the parser.
					parser.skipChildren();
				}
				assertThat(parser.nextToken()).as("the parser is left on the value's last token")
					.isEqualTo(JsonToken.END_OBJECT);
				return matched;
			}
		};
		JsonMapper mapper = PolarJson.mapper()
			.rebuild()
			.addModule(new SimpleModule().addDeserializer(Probe.class, probe))
			.build();
		String document = "{\"value\": " + json + "}";
		return bytes ? mapper.readValue(document.getBytes(StandardCharsets.UTF_8), Probe.class)
				: mapper.readValue(document, Probe.class);
	}

	record Probe(@Nullable Class<?> variant, boolean copied) {
	}

	sealed interface Payment permits CardPayment, BankPayment {

	}

	record CardPayment() implements Payment {
	}

	record BankPayment() implements Payment {
	}

}
