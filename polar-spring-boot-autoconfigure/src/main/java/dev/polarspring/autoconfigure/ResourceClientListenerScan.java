package dev.polarspring.autoconfigure;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * Spares Spring's {@code @EventListener} processor the introspection of the resource
 * clients the generated {@code PolarResourceClientsConfiguration} declares.
 *
 * <p>
 * Once every singleton exists, that processor reads the declared methods of every bean's
 * class, lazy beans included, to find listener methods. For a resource client that means
 * loading every type its methods name: for the 41 clients, about 220 classes (most of
 * them models; 7,076 classes loaded by a minimal web application against 6,855 without
 * the introspection). What that costs in startup time is not settled: four batches of
 * interleaved starts gave paired medians (with it minus without) of -224, +32, -133 and
 * +40 ms (benchmarks/README.md, rounds 3 and 4). A generated client declares no listener
 * method, so its definition is given {@code Object} as the class to look at, through the
 * attribute the processor reads ({@link AutoProxyUtils#ORIGINAL_TARGET_CLASS_ATTRIBUTE},
 * which Spring Framework 7.0 reads nowhere else; an auto-proxy creator that proxies the
 * client replaces it with the client's class). A bean the application defines itself,
 * under any name, is left as it is.
 */
final class ResourceClientListenerScan implements BeanFactoryPostProcessor {

	private final String configurationClassName;

	/**
	 * Creates the post-processor.
	 * @param configuration the generated configuration whose {@code @Bean} methods
	 * declare the resource clients
	 */
	ResourceClientListenerScan(Class<?> configuration) {
		this.configurationClassName = configuration.getName();
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (declaredByTheConfiguration(definition)
					&& definition.getAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE) == null) {
				definition.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
			}
		}
	}

	private boolean declaredByTheConfiguration(BeanDefinition definition) {
		if (!(definition instanceof AnnotatedBeanDefinition annotated)) {
			return false;
		}
		MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
		return factoryMethod != null && factoryMethod.getDeclaringClassName().equals(this.configurationClassName);
	}

}
