package dev.polarspring.autoconfigure;

import dev.polarspring.autoconfigure.ResourceClientAccessors.ResourceClientAccessor;
import dev.polarspring.client.PolarClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one bean per Polar resource client ({@code ProductsClient},
 * {@code CustomerPortalOrdersClient}, ...), each obtained from the {@link PolarClient}
 * bean.
 *
 * <p>
 * Like {@code @ConditionalOnMissingBean}, a client type the application already defines
 * is left alone: auto-configuration runs after the application's own configuration, so
 * its bean definitions are visible here.
 */
final class PolarResourceClientsRegistrar implements ImportBeanDefinitionRegistrar {

	private final ListableBeanFactory beanFactory;

	PolarResourceClientsRegistrar(BeanFactory beanFactory) {
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		for (ResourceClientAccessor accessor : ResourceClientAccessors.walk(PolarClient.class)) {
			if (this.beanFactory.getBeanNamesForType(accessor.type(), true, false).length > 0
					|| registry.containsBeanDefinition(accessor.beanName())) {
				continue;
			}
			registry.registerBeanDefinition(accessor.beanName(), beanDefinition(accessor));
		}
	}

	private RootBeanDefinition beanDefinition(ResourceClientAccessor accessor) {
		@SuppressWarnings("unchecked")
		Class<Object> type = (Class<Object>) accessor.type();
		ListableBeanFactory beanFactory = this.beanFactory;
		RootBeanDefinition definition = new RootBeanDefinition(type,
				() -> accessor.resolve(beanFactory.getBean(PolarClient.class)));
		definition.setSynthetic(false);
		return definition;
	}

}
