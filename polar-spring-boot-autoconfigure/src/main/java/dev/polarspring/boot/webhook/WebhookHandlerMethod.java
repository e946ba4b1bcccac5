package dev.polarspring.boot.webhook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.function.Supplier;

import dev.polarspring.boot.PolarConfigurationException;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A {@link PolarWebhook @PolarWebhook} method and the bean it is called on.
 */
final class WebhookHandlerMethod {

	private final Supplier<Object> bean;

	private final Method method;

	private final @Nullable Class<?> eventType;

	private WebhookHandlerMethod(Supplier<Object> bean, Method method, @Nullable Class<?> eventType) {
		this.bean = bean;
		this.method = method;
		this.eventType = eventType;
		ReflectionUtils.makeAccessible(method);
	}

	/**
	 * Checks the method's signature and wraps it.
	 * @param bean supplies the bean to call the method on (a proxy, when the bean is
	 * advised)
	 * @param method the annotated method, as declared on the bean's class
	 * @return the handler method
	 * @throws IllegalStateException when the signature is not one a webhook method may
	 * have
	 */
	static WebhookHandlerMethod of(Supplier<Object> bean, Method method) {
		if (method.getReturnType() != void.class) {
			throw invalid(method, "must return void: the endpoint answers Polar itself");
		}
		Class<?>[] parameters = method.getParameterTypes();
		if (parameters.length > 1) {
			throw invalid(method, "takes " + parameters.length + " parameters");
		}
		Class<?> eventType = (parameters.length == 1) ? parameters[0] : null;
		if (eventType != null && !PolarWebhookEvent.class.isAssignableFrom(eventType)) {
			throw invalid(method, "takes a " + eventType.getSimpleName());
		}
		return new WebhookHandlerMethod(bean, method, (eventType != PolarWebhookEvent.class) ? eventType : null);
	}

	private static PolarConfigurationException invalid(Method method, String problem) {
		return new PolarConfigurationException("@PolarWebhook method " + describe(method) + " " + problem,
				"declare it as void and with no parameter, or with one PolarWebhookEvent parameter "
						+ "(such as OrderPaidEvent) to receive that type only");
	}

	/**
	 * Whether the method takes this event.
	 * @param event a verified event
	 * @return whether {@link #invoke} should be called with it
	 */
	boolean accepts(PolarWebhookEvent event) {
		return this.eventType == null || this.eventType.isInstance(event);
	}

	/**
	 * Calls the method with the event, when it takes a parameter.
	 * @param event a verified event the method {@linkplain #accepts accepts}
	 */
	void invoke(PolarWebhookEvent event) {
		Object target = this.bean.get();
		Method invocable = AopUtils.selectInvocableMethod(this.method, target.getClass());
		Object[] arguments = (this.method.getParameterCount() == 1) ? new Object[] { event } : new Object[0];
		try {
			invocable.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new UndeclaredThrowableException(cause,
					describe(this.method) + " threw " + cause.getClass().getName());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + describe(this.method), ex);
		}
	}

	@Override
	public String toString() {
		return describe(this.method);
	}

	static String describe(Method method) {
		StringBuilder description = new StringBuilder(method.getDeclaringClass().getName()).append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			description.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		return description.append(')').toString();
	}

}
