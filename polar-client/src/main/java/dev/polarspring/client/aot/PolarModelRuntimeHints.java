package dev.polarspring.client.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for a GraalVM native image: every generated model, union, request body
 * and webhook event, so Jackson can read and write them without runtime reflection
 * metadata.
 *
 * <p>
 * Registered through {@code META-INF/spring/aot.factories}, so any Spring application
 * that builds a native image with polar-client on its classpath gets them, with or
 * without the starter. The types are found by listing the generated packages when the
 * hints are computed, at build time, never at run time.
 */
public final class PolarModelRuntimeHints implements RuntimeHintsRegistrar {

	private static final List<String> GENERATED_PACKAGES = List.of("dev/polarspring/client/model",
			"dev/polarspring/client/webhook");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		List<Class<?>> types = generatedTypes(classLoader);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				types.toArray(Class<?>[]::new));
		// Jackson instantiates the unions' deserializers, whose constructors are not
		// public.
		for (Class<?> type : types) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
						MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS);
		}
	}

	static List<Class<?>> generatedTypes(@Nullable ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		List<Class<?>> types = new ArrayList<>();
		for (String packagePath : GENERATED_PACKAGES) {
			try {
				for (Resource resource : resolver.getResources("classpath*:" + packagePath + "/*.class")) {
					String fileName = resource.getFilename();
					if (fileName == null || fileName.equals("package-info.class")) {
						continue;
					}
					String className = packagePath.replace('/', '.') + "."
							+ fileName.substring(0, fileName.length() - ".class".length());
					Class<?> type = ClassUtils.resolveClassName(className, classLoader);
					// Anonymous and local classes are implementation details Jackson
					// never binds.
					if (!type.isAnonymousClass() && !type.isLocalClass()) {
						types.add(type);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list the classes of " + packagePath, ex);
			}
		}
		return types;
	}

}
