package dev.polarspring.client.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Makes Jackson call a record's canonical constructor through a method handle adapted once.
 *
 * <p>Jackson 3.1 builds every record through {@code MethodHandle.invokeWithArguments}, which
 * adapts the handle to the arguments again on each call: a quarter of the time spent decoding a
 * page of products. Everything else (which properties are read, defaults for absent ones, error
 * messages) stays Jackson's: when the constructor throws, the call is repeated through Jackson so
 * the error is reported exactly as before.
 */
final class RecordConstructorInstantiators implements ValueInstantiators {

	@Override
	public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
			BeanDescription.Supplier description) {
		return null;
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
			BeanDescription.Supplier description, ValueInstantiator instantiator) {
		AnnotatedWithParams creator = instantiator.getWithArgsCreator();
		if (!instantiator.canCreateFromObjectWith() || !(creator instanceof AnnotatedConstructor constructor)
				|| !constructor.getDeclaringClass().isRecord()) {
			return instantiator;
		}
		MethodHandle handle = spreadingHandle(constructor.getAnnotated());
		return (handle != null) ? new Direct(instantiator, handle) : instantiator;
	}

	private static @Nullable MethodHandle spreadingHandle(Constructor<?> constructor) {
		try {
			return MethodHandles.lookup()
				.unreflectConstructor(constructor)
				.asSpreader(Object[].class, constructor.getParameterCount())
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (IllegalAccessException ex) {
			// A record this class may not see (only tests declare such): Jackson's own path still works.
			return null;
		}
	}

	/**
	 * Jackson's instantiator for one record, creating it through the adapted handle.
	 */
	private static final class Direct extends ValueInstantiator.Delegating {

		private final MethodHandle constructor;

		Direct(ValueInstantiator delegate, MethodHandle constructor) {
			super(delegate);
			this.constructor = constructor;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context,
				BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : new Direct(contextual, this.constructor);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			// What ValueInstantiator does; Delegating would hand the whole call to Jackson's instantiator.
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.constructor.invokeExact(arguments);
			}
			catch (Throwable ex) {
				if (ex instanceof Error error) {
					throw error;
				}
				// A canonical constructor throws only unchecked exceptions; Jackson reports them its way.
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

}
