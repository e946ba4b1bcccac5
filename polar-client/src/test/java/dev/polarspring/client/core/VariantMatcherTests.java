package dev.polarspring.client.core;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.VariantMatcher.Variant;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(matcher.match(json("{\"method\": \"bank\", \"amount\": 10}"))).isEqualTo(BankPayment.class);
		assertThat(matcher.match(json("{\"method\": \"card\"}"))).isEqualTo(CardPayment.class);
		assertThat(matcher.match(json("{\"method\": \"crypto\"}"))).isNull();
	}

	@Test
	void aConstantCanBeNestedOrBoolean() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(
				VariantMatcher.variant(CardPayment.class).constant("/benefit/type", "discord").required("benefit"),
				VariantMatcher.variant(BankPayment.class).constant("/is_test", true)));
		assertThat(matcher.match(json("{\"benefit\": {\"type\": \"discord\"}}"))).isEqualTo(CardPayment.class);
		assertThat(matcher.match(json("{\"benefit\": {\"type\": \"github\"}}"))).isNull();
		assertThat(matcher.match(json("{\"is_test\": true}"))).isEqualTo(BankPayment.class);
		assertThat(matcher.match(json("{\"is_test\": \"true\"}"))).as("a string is not the boolean").isNull();
		assertThat(matcher.match(json("{\"benefit\": \"discord\", \"is_test\": false}"))).isNull();
	}

	@Test
	void requiredPropertiesMustBePresentAndNonNullOnesNotNull() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).required("id", "note").notNull("id")));
		assertThat(matcher.match(json("{\"id\": \"p1\", \"note\": null}"))).isEqualTo(CardPayment.class);
		assertThat(matcher.match(json("{\"id\": \"p1\"}"))).isNull();
		assertThat(matcher.match(json("{\"id\": null, \"note\": \"n\"}"))).isNull();
	}

	@Test
	void aNonNullPropertyThatIsAbsentIsRejectedEvenWhenNotRequired() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).notNull("id")));
		assertThat(matcher.match(json("{}"))).isNull();
	}

	@Test
	void aClosedVariantRejectsPropertiesItDoesNotDeclare() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).declared("id").closed()));
		assertThat(matcher.match(json("{\"id\": \"p1\"}"))).isEqualTo(CardPayment.class);
		assertThat(matcher.match(json("{\"id\": \"p1\", \"extra\": 1}"))).isNull();
	}

	@Test
	void theMostConstantsMatchedWin() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(
				VariantMatcher.variant(CardPayment.class).constant("/method", "card").declared("method", "a", "b"),
				VariantMatcher.variant(BankPayment.class)
					.constant("/method", "card")
					.constant("/wallet", "apple")
					.declared("method", "wallet")));
		assertThat(matcher.match(json("{\"method\": \"card\", \"wallet\": \"apple\", \"a\": 1, \"b\": 2}")))
			.isEqualTo(BankPayment.class);
	}

	@Test
	void thenTheMostPropertiesOfTheObjectDeclared() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).declared("id"),
						VariantMatcher.variant(BankPayment.class).declared("id", "iban", "bic")));
		assertThat(matcher.match(json("{\"id\": \"p1\", \"iban\": \"DE00\"}"))).isEqualTo(BankPayment.class);
	}

	@Test
	void thenTheFewestDeclaredPropertiesThenTheFirstListed() {
		VariantMatcher<Payment> tightest = new VariantMatcher<>(
				List.of(VariantMatcher.variant(CardPayment.class).declared("id", "last4", "brand"),
						VariantMatcher.variant(BankPayment.class).declared("id", "iban")));
		assertThat(tightest.match(json("{\"id\": \"p1\"}"))).isEqualTo(BankPayment.class);
		VariantMatcher<Payment> tie = new VariantMatcher<>(
				List.of(VariantMatcher.variant(BankPayment.class).declared("id"),
						VariantMatcher.variant(CardPayment.class).declared("id")));
		assertThat(tie.match(json("{\"id\": \"p1\"}"))).isEqualTo(BankPayment.class);
	}

	@Test
	void onlyAnObjectCanMatch() {
		VariantMatcher<Payment> matcher = new VariantMatcher<>(List.of(VariantMatcher.variant(CardPayment.class)));
		assertThat(matcher.match(json("{}"))).isEqualTo(CardPayment.class);
		assertThat(matcher.match(json("[]"))).isNull();
		assertThat(matcher.match(json("\"card\""))).isNull();
		assertThat(matcher.match(json("null"))).isNull();
	}

	@Test
	void theMatcherKeepsItsOwnListOfVariants() {
		List<Variant<? extends Payment>> variants = new java.util.ArrayList<>(
				List.of(VariantMatcher.variant(CardPayment.class).constant("/method", "card")));
		VariantMatcher<Payment> matcher = new VariantMatcher<>(variants);
		variants.clear();
		assertThat(matcher.match(json("{\"method\": \"card\"}"))).isEqualTo(CardPayment.class);
	}

	private static JsonNode json(String text) {
		return PolarJson.mapper().readTree(text);
	}

	sealed interface Payment permits CardPayment, BankPayment {

	}

	record CardPayment() implements Payment {
	}

	record BankPayment() implements Payment {
	}

}
