package dev.polarspring.test.context;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import dev.polarspring.test.FakePolar;

/**
 * Resets the {@link FakePolar} of an {@link AutoConfigureFakePolar} test after each test
 * method, so that tests sharing a cached context start from the fake's catalog alone.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class FakePolarTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Creates the listener; Spring's TestContext framework does.
	 */
	public FakePolarTestExecutionListener() {
	}

	/**
	 * Runs after Spring's own listeners, so a test's {@code @AfterEach} still sees the
	 * fake's state.
	 * @return the order
	 */
	@Override
	public int getOrder() {
		return 10_000;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext() && TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureFakePolar.class) != null) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context.containsBean(FakePolarContextCustomizer.BEAN_NAME)) {
				context.getBean(FakePolarContextCustomizer.BEAN_NAME, FakePolar.class).reset();
			}
		}
	}

}
