package dev.polarspring.boot.webhook;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link PolarWebhook @PolarWebhook} methods and the {@code @EventListener} methods
 * for Polar events among a context's beans, found in one pass over the beans once every
 * singleton exists.
 *
 * <p>
 * One pass, and classes that cannot declare either skipped, because introspecting a
 * class's methods is most of what this costs at startup: the client's own types (the
 * resource clients, whose methods name hundreds of models) and Spring's container classes
 * that are not components, as Spring's own {@code @EventListener} processor skips them.
 *
 * @param handlers the {@code @PolarWebhook} methods, in bean order
 * @param listeners each {@code @EventListener} method for Polar events, as
 * {@code com.example.Shop.on(OrderPaidEvent)}
 */
record WebhookBeanMethods(List<Handler> handlers, List<String> listeners) {

	private static final String CLIENT_PACKAGE = "dev.polarspring.client.";

	private static final String SPRING_PACKAGE = "org.springframework.";

	/**
	 * Finds the methods among the context's beans.
	 * @param context the application context, once every singleton exists
	 * @return what was found
	 */
	static WebhookBeanMethods find(ApplicationContext context) {
		List<Handler> handlers = new ArrayList<>();
		List<String> listeners = new ArrayList<>();
		for (String beanName : context.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = beanType(context, beanName);
			if (type == null || cannotDeclare(type)) {
				continue;
			}
			Class<?> userType = ClassUtils.getUserClass(type);
			if (AnnotationUtils.isCandidateClass(userType, PolarWebhook.class)) {
				Map<Method, PolarWebhook> methods = MethodIntrospector.selectMethods(userType,
						(MethodIntrospector.MetadataLookup<PolarWebhook>) (method) -> AnnotatedElementUtils
							.findMergedAnnotation(method, PolarWebhook.class));
				if (!methods.isEmpty()) {
					Supplier<Object> bean = context.isSingleton(beanName)
							? SingletonSupplier.of(() -> context.getBean(beanName)) : () -> context.getBean(beanName);
					methods.forEach((method, annotation) -> handlers.add(new Handler(bean, method, annotation)));
				}
			}
			if (AnnotationUtils.isCandidateClass(userType, EventListener.class)) {
				Map<Method, EventListener> methods = MethodIntrospector.selectMethods(userType,
						(MethodIntrospector.MetadataLookup<EventListener>) (method) -> AnnotatedElementUtils
							.findMergedAnnotation(method, EventListener.class));
				methods.forEach((method, annotation) -> {
					if (takesPolarEvents(method, annotation)) {
						listeners.add(WebhookHandlerMethod.describe(method));
					}
				});
			}
		}
		return new WebhookBeanMethods(List.copyOf(handlers), List.copyOf(listeners));
	}

	private static boolean cannotDeclare(Class<?> type) {
		String name = type.getName();
		return name.startsWith(CLIENT_PACKAGE)
				|| (name.startsWith(SPRING_PACKAGE) && !AnnotatedElementUtils.isAnnotated(type, Component.class));
	}

	private static boolean takesPolarEvents(Method method, EventListener annotation) {
		Class<?>[] declared = annotation.classes();
		Class<?>[] types = (declared.length > 0) ? declared : method.getParameterTypes();
		for (Class<?> type : types) {
			if (PolarWebhookEvent.class.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Class<?> beanType(ApplicationContext context, String beanName) {
		try {
			return context.getType(beanName);
		}
		catch (RuntimeException ex) {
			// A bean whose type cannot be told without creating it has no method we could
			// see.
			return null;
		}
	}

	/**
	 * A {@code @PolarWebhook} method and the bean it is called on.
	 *
	 * @param bean supplies the bean (once, for a singleton)
	 * @param method the method
	 * @param annotation its annotation, merged
	 */
	record Handler(Supplier<Object> bean, Method method, PolarWebhook annotation) {
	}

}
