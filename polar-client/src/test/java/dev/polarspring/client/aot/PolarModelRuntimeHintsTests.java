package dev.polarspring.client.aot;

import dev.polarspring.client.model.Benefit;
import dev.polarspring.client.model.BenefitDiscord;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.model.ProductCreate;
import dev.polarspring.client.model.SubscriptionStatus;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PolarModelRuntimeHints}.
 */
class PolarModelRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	PolarModelRuntimeHintsTests() {
		new PolarModelRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void registeredThroughAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).anyMatch(PolarModelRuntimeHints.class::isInstance);
	}

	@Test
	void recordsCanBeConstructedAndRead() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(Product.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(BenefitDiscord.class)).accepts(this.hints);
	}

	@Test
	void unionsTheirUnknownVariantAndDeserializerAreRegistered() {
		assertThat(RuntimeHintsPredicates.reflection().onType(Benefit.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Benefit.Unknown.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(Benefit.Deserializer.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
	}

	@Test
	void enumsRequestBodiesAndWebhookEventsAreRegistered() {
		assertThat(RuntimeHintsPredicates.reflection().onType(SubscriptionStatus.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ProductCreate.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(OrderPaidEvent.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(UnknownWebhookEvent.class)).accepts(this.hints);
	}

	@Test
	void coversEveryGeneratedType() {
		assertThat(PolarModelRuntimeHints.generatedTypes(getClass().getClassLoader())).hasSizeGreaterThan(650)
			.allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(this.hints));
	}

}
