package dev.polarspring.sample.offline;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import dev.polarspring.sample.SampleApplication;
import dev.polarspring.test.FakePolar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Offline mode is chosen by the absence of an access token, and never half-way.
 */
class OfflinePolarEnvironmentPostProcessorTests {

	private final OfflinePolarEnvironmentPostProcessor postProcessor = new OfflinePolarEnvironmentPostProcessor(
			(destination) -> destination.get());

	private final SpringApplication application = new SpringApplication(SampleApplication.class);

	/**
	 * Runs the offline initializer on a context, and closes it, as the application would.
	 */
	private FakePolar startedFake() {
		GenericApplicationContext context = new GenericApplicationContext();
		for (ApplicationContextInitializer<?> initializer : this.application.getInitializers()) {
			if (initializer instanceof OfflinePolarInitializer offline) {
				offline.initialize(context);
			}
		}
		context.refresh();
		FakePolar fake = context.getBean(FakePolar.class);
		context.close();
		return fake;
	}

	@Test
	void withoutATokenStartsAFakeAndPointsTheStarterAtIt() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, this.application);
		String baseUrl = environment.getProperty("polar.base-url");
		assertThat(baseUrl).startsWith("http://localhost:");
		assertThat(environment.getProperty("polar.access-token")).isEqualTo(FakePolar.ACCESS_TOKEN);
		assertThat(environment.getProperty("polar.webhook.secret")).matches("whsec_[A-Za-z0-9+/]{32}");
		assertThat(environment.getProperty("store.offline")).isEqualTo("true");
		FakePolar fake = startedFake();
		assertThat(fake.baseUrl()).isEqualTo(baseUrl);
		assertThat(fake.wireMock().isRunning()).as("stopped with the application").isFalse();
	}

	@Test
	void offlineNamesTheFakesProductsAndBenefitsByAlias() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, this.application);
		FakePolar fake = startedFake();
		assertThat(environment.getProperty("polar.products.starter")).isEqualTo(fake.product("Starter Kit").id());
		assertThat(environment.getProperty("polar.products.pro")).isEqualTo(fake.product("Pro Plan").id());
		assertThat(environment.getProperty("polar.products.desktop")).isEqualTo(fake.product("Desktop License").id());
		assertThat(environment.getProperty("polar.benefits.downloads"))
			.isEqualTo(fake.product("Starter Kit").benefits().get(0).id());
		assertThat(environment.getProperty("polar.benefits.pro-area"))
			.isEqualTo(fake.product("Pro Plan").benefits().get(0).id());
		assertThat(environment.getProperty("polar.benefits.desktop-key"))
			.isEqualTo(fake.product("Desktop License").benefits().get(0).id());
		assertThat(fake.meters()).singleElement().satisfies((meter) -> assertThat(meter.name()).isEqualTo("Downloads"));
	}

	@Test
	void springAotProcessingStartsNoFakeAndSetsNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.aot.processing", "true");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty("polar.base-url")).isNull();
		assertThat(environment.getProperty("store.offline")).isNull();
		assertThat(this.application.getInitializers()).noneMatch(OfflinePolarInitializer.class::isInstance);
	}

	@Test
	void offlineKeepsAWebhookSecretThatIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("polar.webhook.secret", "whsec_mine");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty("polar.webhook.secret")).isEqualTo("whsec_mine");
		startedFake();
	}

	@Test
	void runsOnceEvenWhenCalledAgain() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, this.application);
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(this.application.getInitializers()).filteredOn(OfflinePolarInitializer.class::isInstance).hasSize(1);
		startedFake();
	}

	@Test
	void withATokenAndASecretUsesPolar() {
		MockEnvironment environment = new MockEnvironment().withProperty("polar.access-token", "polar_oat_real")
			.withProperty("polar.webhook.secret", "whsec_real");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(environment.getProperty("polar.base-url")).isNull();
		assertThat(environment.getProperty("store.offline")).isNull();
		assertThat(this.application.getInitializers()).noneMatch(OfflinePolarInitializer.class::isInstance);
	}

	@Test
	void withATokenButNoSecretRefusesToStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("polar.access-token", "polar_oat_real");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, this.application))
			.withMessageContaining("POLAR_WEBHOOK_SECRET")
			.withMessageContaining("unset POLAR_ACCESS_TOKEN to run offline")
			.withMessageNotContaining("polar_oat_real");
	}

}
