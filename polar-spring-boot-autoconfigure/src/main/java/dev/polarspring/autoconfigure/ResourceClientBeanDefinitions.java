package dev.polarspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.polarspring.client.PolarClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.HierarchicalBeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registers the resource-client beans for the generated
 * {@code PolarResourceClientsRegistrar}: one lazy bean per client, made by a static
 * factory method of the registrar named after the bean (which reaches the client from the
 * {@link PolarClient} bean), and left out when the application already defines a bean of
 * the client's type.
 *
 * <p>
 * "Already defines" is what {@code @ConditionalOnMissingBean} checks on a {@code @Bean}
 * method: a bean of the type, singleton or not, in this bean factory or an ancestor, told
 * without creating anything, scoped-proxy targets and beans that are not default
 * candidates not counted. Registered by hand rather than through 41 conditional
 * {@code @Bean} methods because processing those methods and their conditions, and
 * creating the 41 clients, was most of what the starter added to startup; the factory
 * methods keep the definitions plain, so Spring AOT writes them ahead of time like any
 * other.
 */
final class ResourceClientBeanDefinitions {

	private static final Log logger = LogFactory.getLog(ResourceClientBeanDefinitions.class);

	private final BeanDefinitionRegistry registry;

	private final Class<?> factoryClass;

	private final List<String> leftOut = new ArrayList<>();

	/**
	 * Creates the registration.
	 * @param registry where the definitions go
	 * @param factoryClass the class whose static methods, named after the beans, create
	 * the clients
	 */
	ResourceClientBeanDefinitions(BeanDefinitionRegistry registry, Class<?> factoryClass) {
		this.registry = registry;
		this.factoryClass = factoryClass;
	}

	/**
	 * Registers a client's bean, unless the application defines a bean of its type.
	 * @param beanName the bean's name, also the name of its factory method
	 * @param clientType the client's type
	 */
	void register(String beanName, Class<?> clientType) {
		List<String> own = applicationBeansOf(clientType);
		if (!own.isEmpty()) {
			this.leftOut.add(clientType.getSimpleName() + " " + own);
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(this.factoryClass);
		definition.setTargetType(clientType);
		definition.setUniqueFactoryMethodName(beanName);
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		// Created when first injected or asked for: most applications use a few of the
		// clients, and each one created at startup costs a few milliseconds.
		definition.setLazyInit(true);
		this.registry.registerBeanDefinition(beanName, definition);
	}

	/**
	 * Logs, at debug level, which clients were left out for the application's own beans,
	 * as the conditions report would say of a {@code @ConditionalOnMissingBean} method.
	 */
	void logLeftOut() {
		if (!this.leftOut.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("Polar resource clients the application defines itself, so no bean of Polar's is registered: "
					+ String.join(", ", this.leftOut));
		}
	}

	private List<String> applicationBeansOf(Class<?> type) {
		List<String> names = new ArrayList<>();
		@Nullable BeanFactory factory = (this.registry instanceof BeanFactory beanFactory) ? beanFactory : null;
		while (factory != null) {
			if (factory instanceof ListableBeanFactory beans) {
				for (String name : beans.getBeanNamesForType(type, true, false)) {
					if (!ScopedProxyUtils.isScopedTarget(name) && isDefaultCandidate(beans, name)) {
						names.add(name);
					}
				}
			}
			factory = (factory instanceof HierarchicalBeanFactory hierarchical) ? hierarchical.getParentBeanFactory()
					: null;
		}
		return names;
	}

	private static boolean isDefaultCandidate(ListableBeanFactory beans, String name) {
		@Nullable ConfigurableListableBeanFactory factory = (beans instanceof ConfigurableListableBeanFactory configurable)
				? configurable
				: (beans instanceof ConfigurableApplicationContext context) ? context.getBeanFactory() : null;
		if (factory == null || !factory.containsBeanDefinition(name)) {
			// A singleton registered without a definition is a candidate.
			return true;
		}
		return !(factory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition)
				|| definition.isDefaultCandidate();
	}

}
