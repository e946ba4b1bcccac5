package dev.polarspring.boot.webhook;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the application's {@link EventListener @EventListener} methods (transactional
 * ones included) that take a Polar webhook event, so the webhook endpoints can say at
 * startup who receives their deliveries, or warn when nothing will ever call them.
 */
final class PolarEventListenerMethods {

	private PolarEventListenerMethods() {
	}

	/**
	 * Describes the listener methods for Polar events among the context's beans.
	 * @param context the application context, once every singleton exists
	 * @return each method as {@code com.example.Shop.on(OrderPaidEvent)}
	 */
	static List<String> find(ApplicationContext context) {
		List<String> listeners = new ArrayList<>();
		for (String beanName : context.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = beanType(context, beanName);
			if (type == null || !AnnotationUtils.isCandidateClass(type, EventListener.class)) {
				continue;
			}
			Map<Method, EventListener> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(MethodIntrospector.MetadataLookup<EventListener>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, EventListener.class));
			methods.forEach((method, annotation) -> {
				if (takesPolarEvents(method, annotation)) {
					listeners.add(WebhookHandlerMethod.describe(method));
				}
			});
		}
		return listeners;
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
			// A bean whose type cannot be told without creating it: no listener we could
			// see.
			return null;
		}
	}

}
