package dev.polarspring.benchmarks.corpus;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.AnyProductPrice;
import dev.polarspring.client.model.Benefit;
import dev.polarspring.client.model.CustomerList;
import dev.polarspring.client.model.OrderList;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.model.ProductList;
import dev.polarspring.client.model.SubscriptionList;
import dev.polarspring.client.webhook.PolarWebhookEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The corpus is worth measuring: every document decodes into the generated records
 * without an unknown variant or enum value and encodes back to the same JSON
 * ({@link CorpusCheck}), the pages are as rich as Polar's busiest, and the corpus is the
 * same on every run.
 */
class CorpusTests {

	private final Corpus corpus = Corpus.get();

	@Test
	void everyPageDecodesIntoTheRecordsAndRoundTrips() {
		for (CorpusPage page : CorpusPage.values()) {
			assertThat(CorpusCheck.decode(page, this.corpus.document(page))).as(page.name())
				.isInstanceOf(page.recordType());
		}
	}

	@Test
	void pagesHoldAHundredItemsOfAtLeastFourKilobytesOfProducts() {
		ProductList products = (ProductList) CorpusCheck.decode(CorpusPage.PRODUCTS,
				this.corpus.document(CorpusPage.PRODUCTS));
		assertThat(products.items()).hasSize(Corpus.PAGE_SIZE);
		assertThat(products.pagination().maxPage()).isEqualTo(1);
		for (Product product : products.items()) {
			int size = CorpusCheck.encodedSize(product);
			assertThat(size).as("bytes of product %s", product.id()).isGreaterThanOrEqualTo(4096);
			assertThat(product.prices()).hasSizeBetween(1, 4);
			assertThat(product.benefits()).hasSizeBetween(1, 4);
			assertThat(product.medias()).isNotEmpty();
			assertThat(product.attachedCustomFields()).isNotEmpty();
			assertThat(product.metadata()).isNotEmpty();
			assertThat(product.description()).isNotNull();
			assertThat(product.recurringInterval()).isNotNull();
		}
		assertThat(((OrderList) CorpusCheck.decode(CorpusPage.ORDERS, this.corpus.document(CorpusPage.ORDERS))).items())
			.hasSize(Corpus.PAGE_SIZE)
			.allSatisfy((order) -> {
				assertThat(order.items()).isNotEmpty();
				assertThat(order.discount()).isNotNull();
			});
		assertThat(((SubscriptionList) CorpusCheck.decode(CorpusPage.SUBSCRIPTIONS,
				this.corpus.document(CorpusPage.SUBSCRIPTIONS)))
			.items()).hasSize(Corpus.PAGE_SIZE).allSatisfy((subscription) -> {
				assertThat(subscription.meters()).isNotEmpty();
				assertThat(subscription.prices()).isNotEmpty();
			});
		assertThat(((CustomerList) CorpusCheck.decode(CorpusPage.CUSTOMERS, this.corpus.document(CorpusPage.CUSTOMERS)))
			.items()).hasSize(Corpus.PAGE_SIZE);
	}

	@Test
	void productsMixEveryPriceVariantAndEveryBenefitType() {
		ProductList products = (ProductList) CorpusCheck.decode(CorpusPage.PRODUCTS,
				this.corpus.document(CorpusPage.PRODUCTS));
		Set<String> prices = products.items()
			.stream()
			.flatMap((product) -> product.prices().stream())
			.map((price) -> price.getClass().getSimpleName())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(prices).isEqualTo(leaves(AnyProductPrice.class));
		Set<String> benefits = products.items()
			.stream()
			.flatMap((product) -> product.benefits().stream())
			.map((benefit) -> benefit.getClass().getSimpleName())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(benefits).isEqualTo(leaves(Benefit.class));
		assertThat(products.items())
			.anySatisfy((product) -> assertThat(product.prices().stream().map(Object::getClass).distinct().count())
				.isGreaterThanOrEqualTo(3));
	}

	@Test
	void everyWebhookEventTypeHasOneSignedDeliveryThatDecodes() {
		List<CorpusDelivery> deliveries = this.corpus.deliveries();
		assertThat(deliveries).extracting(CorpusDelivery::type)
			.containsExactlyInAnyOrderElementsOf(PolarWebhookEvents.knownTypes());
		for (CorpusDelivery delivery : deliveries) {
			assertThat(CorpusCheck.decode(delivery).type()).isEqualTo(delivery.type());
		}
		assertThat(deliveries.stream().mapToInt((delivery) -> delivery.bodyBytes().length).average().orElse(0))
			.isGreaterThan(4096);
	}

	@Test
	void theCheckRejectsAPageWithAnUnknownVariant() {
		ObjectNode page = (ObjectNode) PolarJson.mapper().readTree(this.corpus.document(CorpusPage.PRODUCTS));
		((ObjectNode) page.path("items").path(3).path("benefits").path(0)).put("type", "zz_added_later");
		assertThatIllegalStateException()
			.isThrownBy(() -> CorpusCheck.decode(CorpusPage.PRODUCTS, PolarJson.mapper().writeValueAsBytes(page)))
			.withMessageContaining("decoded as Unknown")
			.withMessageContaining("$.items[3].benefits[0] (Benefit.Unknown)");
	}

	@Test
	void theCheckRejectsAPageWithAnUnknownEnumValue() {
		ObjectNode page = (ObjectNode) PolarJson.mapper().readTree(this.corpus.document(CorpusPage.ORDERS));
		((ObjectNode) page.path("items").path(0)).put("status", "zz_added_later");
		assertThatIllegalStateException()
			.isThrownBy(() -> CorpusCheck.decode(CorpusPage.ORDERS, PolarJson.mapper().writeValueAsBytes(page)))
			.withMessageContaining("$.items[0].status (OrderStatus.UNKNOWN)");
	}

	@Test
	void theCheckRejectsAPageThatDoesNotEncodeBackToItsJson() {
		ObjectNode page = (ObjectNode) PolarJson.mapper().readTree(this.corpus.document(CorpusPage.CUSTOMERS));
		((ObjectNode) page.path("items").path(7)).put("zz_added_later", 1);
		assertThatIllegalStateException()
			.isThrownBy(() -> CorpusCheck.decode(CorpusPage.CUSTOMERS, PolarJson.mapper().writeValueAsBytes(page)))
			.withMessageContaining("does not encode back")
			.withMessageContaining("$.items[7].zz_added_later is missing");
	}

	@Test
	void theCorpusIsTheSameOnEveryRun() {
		for (CorpusPage page : CorpusPage.values()) {
			assertThat(this.corpus.document(page)).as(page.name()).isEqualTo(Corpus.generate().document(page));
		}
		assertThat(this.corpus.deliveries()).isEqualTo(Corpus.generate().deliveries());
	}

	/** The concrete known variants of a union, nested unions replaced by theirs. */
	private static Set<String> leaves(Class<?> union) {
		Set<String> leaves = new TreeSet<>();
		for (Class<?> variant : union.getPermittedSubclasses()) {
			if (variant.getSimpleName().equals("Unknown")) {
				continue;
			}
			if (variant.isSealed()) {
				leaves.addAll(leaves(variant));
			}
			else {
				leaves.add(variant.getSimpleName());
			}
		}
		return leaves;
	}

}
