package dev.polarspring.test.context;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import dev.polarspring.test.FakePolar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The customizer behind {@link AutoConfigureFakePolar}: what it adds to a context, when
 * it applies, and that the fake stops with the context.
 */
class FakePolarContextCustomizerTests {

	private final FakePolarContextCustomizerFactory factory = new FakePolarContextCustomizerFactory();

	@Test
	void appliesOnlyToAnnotatedTests() {
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(Inheriting.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(Annotated.class, List.of()));
		assertThat(this.factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(WithoutWebhooks.class, List.of()))
			.isNotEqualTo(this.factory.createContextCustomizer(Annotated.class, List.of()));
	}

	@Test
	void registersTheFakeAndItsPropertiesAndStopsItWithTheContext() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, mock(MergedContextConfiguration.class));
		context.refresh();
		FakePolar fake = context.getBean(FakePolar.class);
		assertThat(fake.wireMock().isRunning()).isTrue();
		assertThat(context.getEnvironment().getProperty("polar.base-url")).isEqualTo(fake.baseUrl());
		assertThat(context.getEnvironment().getProperty("polar.access-token")).isEqualTo(FakePolar.ACCESS_TOKEN);
		context.close();
		assertThat(fake.wireMock().isRunning()).isFalse();
	}

	@AutoConfigureFakePolar
	static class Annotated {

	}

	static class Inheriting extends Annotated {

	}

	@AutoConfigureFakePolar(deliverWebhooks = false)
	static class WithoutWebhooks {

	}

	static class NotAnnotated {

	}

}
