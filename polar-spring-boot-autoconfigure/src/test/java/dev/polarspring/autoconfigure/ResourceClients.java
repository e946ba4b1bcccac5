package dev.polarspring.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The resource clients reachable from {@code PolarClient}, found by walking its accessor
 * methods: an oracle for the tests, independent of the generated configuration that
 * declares the beans.
 */
final class ResourceClients {

	private static final String RESOURCE_PACKAGE = "dev.polarspring.client.resource";

	private ResourceClients() {
	}

	/**
	 * Returns every resource client type reachable from a root type, depth first.
	 * @param rootType the client type to walk
	 * @return the resource client types
	 */
	static List<Class<?>> reachableFrom(Class<?> rootType) {
		List<Class<?>> clients = new ArrayList<>();
		walk(rootType, clients);
		return clients;
	}

	private static void walk(Class<?> type, List<Class<?>> clients) {
		Method[] methods = type.getMethods();
		Arrays.sort(methods, Comparator.comparing(Method::getName));
		for (Method method : methods) {
			Class<?> returnType = method.getReturnType();
			if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
					&& returnType.getPackageName().equals(RESOURCE_PACKAGE)
					&& returnType.getSimpleName().endsWith("Client")) {
				clients.add(returnType);
				walk(returnType, clients);
			}
		}
	}

}
