package dev.polarspring.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The resource clients reachable from {@code PolarClient}, found by walking its accessor
 * methods ({@code products()}, {@code customerPortal().orders()}, ...).
 *
 * <p>
 * The list of resources is generated from Polar's spec, so it is read from the client
 * class rather than written out here: a resource added to the spec becomes a bean without
 * a change to the auto-configuration. The walk happens once, at startup.
 */
final class ResourceClientAccessors {

	private static final String RESOURCE_PACKAGE = "dev.polarspring.client.resource";

	private ResourceClientAccessors() {
	}

	/**
	 * Returns every resource client reachable from the given root type, depth first,
	 * sorted by accessor name at each level so bean registration order is stable.
	 * @param rootType the client type to walk
	 * @return one accessor per reachable resource client type
	 */
	static List<ResourceClientAccessor> walk(Class<?> rootType) {
		List<ResourceClientAccessor> accessors = new ArrayList<>();
		walk(rootType, List.of(), accessors);
		return List.copyOf(accessors);
	}

	private static void walk(Class<?> type, List<Method> path, List<ResourceClientAccessor> accessors) {
		Method[] methods = type.getMethods();
		Arrays.sort(methods, Comparator.comparing(Method::getName));
		for (Method method : methods) {
			if (isResourceAccessor(method)) {
				List<Method> methodPath = new ArrayList<>(path);
				methodPath.add(method);
				accessors.add(new ResourceClientAccessor(method.getReturnType(), List.copyOf(methodPath)));
				walk(method.getReturnType(), methodPath, accessors);
			}
		}
	}

	private static boolean isResourceAccessor(Method method) {
		Class<?> returnType = method.getReturnType();
		return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
				&& returnType.getPackageName().equals(RESOURCE_PACKAGE)
				&& returnType.getSimpleName().endsWith("Client");
	}

	/**
	 * How to reach one resource client from the root client.
	 *
	 * @param type the resource client type
	 * @param path the accessor methods to call in order, starting on the root client
	 */
	record ResourceClientAccessor(Class<?> type, List<Method> path) {

		/**
		 * Returns the bean name for this client: its simple class name, decapitalized.
		 * @return the bean name, such as {@code productsClient}
		 */
		String beanName() {
			String name = this.type.getSimpleName();
			return Character.toLowerCase(name.charAt(0)) + name.substring(1);
		}

		/**
		 * Calls the accessor path on the root client.
		 * @param root the root client
		 * @return the resource client
		 */
		Object resolve(Object root) {
			Object current = root;
			for (Method method : this.path) {
				try {
					current = method.invoke(current);
				}
				catch (IllegalAccessException | InvocationTargetException ex) {
					throw new IllegalStateException(
							"Could not obtain " + this.type.getSimpleName() + " through " + method.getName() + "()",
							ex);
				}
			}
			return current;
		}

	}

}
