package dev.polarspring.client.aot;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for a GraalVM native image: every generated model, union, request body
 * and webhook event, so Jackson can read and write them without runtime reflection
 * metadata.
 *
 * <p>
 * Registered through {@code META-INF/spring/aot.factories}, so any Spring application
 * that builds a native image with polar-client on its classpath gets them, with or
 * without the starter. The types are those the generator lists in {@link ModelTypeIndex},
 * generated with them from the same spec: nothing lists class files or packages to find
 * them.
 */
public final class PolarModelRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		List<Class<?>> types = generatedTypes(classLoader);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				types.toArray(Class<?>[]::new));
		// Jackson instantiates the generated deserializers, whose constructors are not
		// public.
		for (Class<?> type : types) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
						MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS);
		}
	}

	/**
	 * Loads the types of {@link ModelTypeIndex}.
	 * @param classLoader the class loader of the application, or null for the default
	 * @return the types, in the index's order
	 */
	static List<Class<?>> generatedTypes(@Nullable ClassLoader classLoader) {
		List<Class<?>> types = new ArrayList<>(ModelTypeIndex.NAMES.size());
		for (String name : ModelTypeIndex.NAMES) {
			types.add(ClassUtils.resolveClassName(name, classLoader));
		}
		return types;
	}

}
