package dev.polarspring.test.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link FakePolarContextCustomizer} to the context of a test annotated with
 * {@link AutoConfigureFakePolar}. Registered in {@code META-INF/spring.factories}.
 */
public final class FakePolarContextCustomizerFactory implements ContextCustomizerFactory {

	/**
	 * Creates the factory; Spring's TestContext framework does.
	 */
	public FakePolarContextCustomizerFactory() {
	}

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakePolar annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakePolar.class);
		return (annotation != null) ? new FakePolarContextCustomizer(annotation.deliverWebhooks()) : null;
	}

}
