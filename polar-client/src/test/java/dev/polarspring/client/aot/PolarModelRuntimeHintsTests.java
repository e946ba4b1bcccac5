package dev.polarspring.client.aot;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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

	@Test
	void theIndexListsEveryClassTheGeneratorWroteAndNothingElse() throws Exception {
		Path classes = Path.of(Product.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> compiled = new TreeSet<>();
		for (String packageName : List.of("dev.polarspring.client.model", "dev.polarspring.client.webhook")) {
			compiled.addAll(compiledTypes(classes, packageName));
		}
		assertThat(new TreeSet<>(ModelTypeIndex.NAMES)).hasSameSizeAs(ModelTypeIndex.NAMES)
			.containsExactlyElementsOf(compiled);
	}

	/**
	 * The classes compiled from the generated sources of a package: those whose top-level
	 * source file is not hand-written, less the anonymous, local and private ones.
	 */
	private static Set<String> compiledTypes(Path classes, String packageName)
			throws IOException, ClassNotFoundException {
		Path handWritten = Path.of("src/main/java", packageName.split("\\."));
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(classes.resolve(packageName.replace('.', '/')))) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				String topLevel = name.split("[$.]")[0];
				if (!name.endsWith(".class") || topLevel.equals("package-info")
						|| Files.exists(handWritten.resolve(topLevel + ".java"))) {
					continue;
				}
				Class<?> type = Class.forName(packageName + "." + name.substring(0, name.length() - 6), false,
						PolarModelRuntimeHintsTests.class.getClassLoader());
				if (!type.isAnonymousClass() && !type.isLocalClass() && !Modifier.isPrivate(type.getModifiers())) {
					names.add(type.getName());
				}
			}
		}
		return names;
	}

}
