package dev.polarspring.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Generated unions read the token stream once: a union with a discriminator buffers only
 * the properties before it and its kind reads the rest straight from the parser; one told
 * apart by its properties buffers the object's tokens once and its kind reads them. From
 * bytes in memory, both look through the object's bytes instead and the kind reads it
 * from the parser. What they accept, reject and keep is the same wherever the properties
 * come, from text and from bytes alike ({@link BothParsers}).
 */
class UnionDecodingTests {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private static final TypeReference<List<Customer>> CUSTOMERS = new TypeReference<>() {
	};

	private static final TypeReference<List<AnyProductPrice>> PRICES = new TypeReference<>() {
	};

	/** Every value shape, numbers included, to see that nothing is changed on the way. */
	private static final String METADATA = "{\"plan\": \"pro\", \"seats\": 3, \"ratio\": 0.1000000000000000055511151231257827, "
			+ "\"huge\": 123456789012345678901234567890, \"tiny\": 1.5e-300, \"flag\": false, \"none\": null, "
			+ "\"list\": [1, [2.5, {\"a\": \"b\"}]], \"nested\": {\"x\": {\"y\": []}}}";

	private static final String CUSTOMER = "{\"id\": \"c1\", \"created_at\": \"2026-01-02T03:04:05.123456Z\", "
			+ "\"modified_at\": null, \"metadata\": " + METADATA + ", \"external_id\": \"e1\", "
			+ "\"email\": \"ada@example.com\", \"email_verified\": true, \"type\": \"individual\", \"name\": \"Ada\", "
			+ "\"billing_name\": null, \"billing_address\": {\"country\": \"FR\", \"city\": \"Paris\"}, "
			+ "\"tax_id\": [\"FR123\", \"eu_vat\"], \"organization_id\": \"o1\", "
			+ "\"deleted_at\": \"2026-02-03T04:05:06+02:00\", \"first_user_event_at\": null, \"avatar_url\": null, "
			+ "\"zz_new\": {\"deep\": [1, 2]}}";

	private static final String PRICE = "{\"created_at\": \"2026-01-02T03:04:05Z\", \"modified_at\": null, \"id\": \"pr1\", "
			+ "\"source\": \"catalog\", \"amount_type\": \"fixed\", \"price_currency\": \"usd\", "
			+ "\"tax_behavior\": \"exclusive\", \"is_archived\": false, \"product_id\": \"p1\", \"price_amount\": 1500}";

	@Test
	void theDiscriminatorCanComeFirstAnywhereOrLast() {
		Customer expected = BothParsers.read(CUSTOMER, Customer.class);
		assertThat(expected).isInstanceOf(CustomerIndividual.class);
		CustomerIndividual individual = (CustomerIndividual) expected;
		assertThat(individual.email()).isEqualTo("ada@example.com");
		assertThat(individual.emailVerified()).isTrue();
		assertThat(individual.createdAt()).hasToString("2026-01-02T03:04:05.123456Z");
		assertThat(individual.deletedAt()).hasToString("2026-02-03T02:05:06Z");
		assertThat(individual.metadata()).containsEntry("seats", 3).containsKey("huge");
		assertThat(individual.taxId()).isNotNull();
		for (List<String> order : orders(CUSTOMER, "type")) {
			assertThat(BothParsers.read(reordered(CUSTOMER, order), Customer.class)).as("%s", order)
				.isEqualTo(expected);
		}
	}

	@Test
	void aKindThisSdkDoesNotKnowKeepsWhatPolarSentExactly() {
		String json = CUSTOMER.replace("\"individual\"", "\"robot\"");
		List<Customer> customers = BothParsers.read("[" + json + ", " + json + "]", CUSTOMERS);
		assertThat(customers).hasSize(2)
			.allSatisfy((customer) -> assertThat(customer).isInstanceOfSatisfying(Customer.Unknown.class,
					(unknown) -> assertThat(unknown.raw()).isEqualTo(MAPPER.readTree(json))));
		String untyped = reordered(CUSTOMER, without(names(CUSTOMER), "type"));
		assertThat(BothParsers.read(untyped, Customer.class)).isInstanceOfSatisfying(Customer.Unknown.class,
				(unknown) -> assertThat(unknown.raw()).isEqualTo(MAPPER.readTree(untyped)));
	}

	@Test
	void aBadValueBeforeOrAfterTheDiscriminatorFailsWithThePathToIt() {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> BothParsers.read("[" + CUSTOMER.replace("\"c1\"", "[\"c1\"]") + "]", CUSTOMERS))
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("0", "id"));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> BothParsers.read("[" + CUSTOMER.replace("\"o1\"", "{}") + "]", CUSTOMERS))
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("0", "organization_id"));
		assertThatExceptionOfType(JacksonException.class).as("a timestamp that is not one")
			.isThrownBy(() -> BothParsers.read(CUSTOMER.replace("2026-01-02T03:04:05.123456Z", "yesterday"),
					Customer.class));
	}

	@Test
	void truncatedJsonIsAnErrorWhereverItStops() {
		for (int end : List.of(CUSTOMER.indexOf("\"type\""), CUSTOMER.indexOf("\"individual\"") + 4,
				CUSTOMER.indexOf("\"tax_id\""), CUSTOMER.length() - 1)) {
			assertThatExceptionOfType(StreamReadException.class).as("cut at %d", end)
				.isThrownBy(() -> BothParsers.read(CUSTOMER.substring(0, end), Customer.class));
		}
		for (int end : List.of(PRICE.indexOf("\"amount_type\""), PRICE.length() - 1)) {
			assertThatExceptionOfType(StreamReadException.class).as("cut at %d", end)
				.isThrownBy(() -> BothParsers.read(PRICE.substring(0, end), AnyProductPrice.class));
		}
	}

	@Test
	void aKindToldByItsPropertiesReadsTheSameInAnyOrder() {
		AnyProductPrice expected = BothParsers.read(PRICE, AnyProductPrice.class);
		assertThat(expected).isInstanceOfSatisfying(ProductPriceFixed.class, (fixed) -> {
			assertThat(fixed.priceAmount()).isEqualTo(1500);
			assertThat(fixed.taxBehavior()).isEqualTo(TaxBehaviorOption.EXCLUSIVE);
		});
		for (List<String> order : orders(PRICE, "amount_type")) {
			assertThat(BothParsers.read(reordered(PRICE, order), AnyProductPrice.class)).as("%s", order)
				.isEqualTo(expected);
		}
		String legacy = PRICE.replace("}",
				", \"type\": \"recurring\", \"recurring_interval\": \"month\", " + "\"legacy\": true}");
		assertThat(BothParsers.read(legacy, AnyProductPrice.class))
			.isInstanceOf(LegacyRecurringProductPriceFixed.class);
	}

	@Test
	void aPriceNoKindAcceptsKeepsWhatPolarSentExactly() {
		String unknownKind = PRICE.replace("\"fixed\"", "\"tiered\"").replace("}", ", \"tiers\": " + METADATA + "}");
		String missingRequired = reordered(PRICE, without(names(PRICE), "price_amount"));
		List<AnyProductPrice> prices = BothParsers.read("[" + unknownKind + ", " + missingRequired + ", 7, \"x\"]",
				PRICES);
		assertThat(prices).hasSize(4);
		assertThat(prices.get(0)).isInstanceOfSatisfying(AnyProductPrice.Unknown.class,
				(unknown) -> assertThat(unknown.raw()).isEqualTo(MAPPER.readTree(unknownKind)));
		assertThat(prices.get(1)).isInstanceOfSatisfying(AnyProductPrice.Unknown.class,
				(unknown) -> assertThat(unknown.raw()).isEqualTo(MAPPER.readTree(missingRequired)));
		assertThat(prices.get(2)).isInstanceOfSatisfying(AnyProductPrice.Unknown.class,
				(unknown) -> assertThat(unknown.raw().intValue()).isEqualTo(7));
		assertThat(prices.get(3)).isInstanceOfSatisfying(AnyProductPrice.Unknown.class,
				(unknown) -> assertThat(unknown.raw().stringValue()).isEqualTo("x"));
	}

	@Test
	void aPriceWithABadValueFailsWithThePathToIt() {
		assertThatExceptionOfType(MismatchedInputException.class).as("a fraction of a cent")
			.isThrownBy(() -> BothParsers.read("[" + PRICE.replace("1500", "1500.5") + "]", PRICES))
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("0", "price_amount"));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> BothParsers.read("[" + PRICE.replace("\"p1\"", "[1]") + "]", PRICES))
			.satisfies((ex) -> assertThat(path(ex)).containsExactly("0", "product_id"));
	}

	private static List<String> path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getIndex() >= 0) ? String.valueOf(reference.getIndex())
					: reference.getPropertyName())
			.toList();
	}

	private static List<String> names(String json) {
		List<String> names = new ArrayList<>();
		MAPPER.readTree(json).propertyNames().forEach(names::add);
		return names;
	}

	private static List<String> without(List<String> names, String name) {
		List<String> rest = new ArrayList<>(names);
		rest.remove(name);
		return rest;
	}

	/**
	 * The object's properties with the given one first, last and in the middle, and all
	 * in reverse.
	 */
	private static List<List<String>> orders(String json, String moved) {
		List<String> others = without(names(json), moved);
		List<List<String>> orders = new ArrayList<>();
		for (int position : List.of(0, others.size() / 2, others.size())) {
			List<String> order = new ArrayList<>(others);
			order.add(position, moved);
			orders.add(order);
		}
		List<String> reversed = new ArrayList<>(names(json));
		Collections.reverse(reversed);
		orders.add(reversed);
		return orders;
	}

	private static String reordered(String json, List<String> order) {
		JsonNode tree = MAPPER.readTree(json);
		ObjectNode object = MAPPER.createObjectNode();
		for (String name : order) {
			object.set(name, tree.get(name));
		}
		return MAPPER.writeValueAsString(object);
	}

}
