package dev.polarspring.client.resource;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.RequestOptions;

/**
 * The operations of the spec the client is generated from, read independently of the
 * generator, and how to reach each one's method from a {@code PolarClient} by reflection.
 */
final class SpecOperations {

	static final Path SPEC = Path.of("src/main/openapi/openapi.json");

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

	private SpecOperations() {
	}

	/**
	 * Reads every operation of the spec, in the order of its paths.
	 * @return the operations
	 * @throws IOException if the spec cannot be read
	 */
	static List<SpecOperation> read() throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(SPEC.toFile());
		List<SpecOperation> operations = new ArrayList<>();
		for (String path : root.path("paths").propertyNames()) {
			JsonNode item = root.path("paths").path(path);
			for (String method : METHODS) {
				if (item.has(method)) {
					operations.add(new SpecOperation(path, method.toUpperCase(Locale.ROOT), item.path(method)));
				}
			}
		}
		return operations;
	}

	/**
	 * Turns a spec name into camelCase: {@code list_webhook_endpoints} to
	 * {@code listWebhookEndpoints}, {@code checkout-links} to {@code checkoutLinks}.
	 * @param name the spec's name
	 * @return the Java name
	 */
	static String camelCase(String name) {
		String[] words = name.split("[-_]");
		StringBuilder result = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			result.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return result.toString();
	}

	/**
	 * One operation of the spec.
	 *
	 * @param path the path template
	 * @param method the HTTP method
	 * @param node the operation object
	 */
	record SpecOperation(String path, String method, JsonNode node) {

		String id() {
			return this.node.path("operationId").asString();
		}

		List<String> group() {
			return List.of(this.node.path("x-speakeasy-group").asString().split("\\."));
		}

		String methodName() {
			return camelCase(this.node.path("x-speakeasy-name-override").asString());
		}

		String auth() {
			List<String> schemes = new ArrayList<>();
			this.node.path("security").forEach((requirement) -> schemes.addAll(requirement.propertyNames()));
			if (schemes.contains("customer_session") || schemes.contains("member_session")) {
				return "CUSTOMER_SESSION";
			}
			return (schemes.contains("oidc") || schemes.contains("pat") || schemes.contains("oat")) ? "ACCESS_TOKEN"
					: "NONE";
		}

		boolean hasBody() {
			return this.node.has("requestBody");
		}

		List<String> pathParameters() {
			List<String> names = new ArrayList<>();
			Matcher matcher = PLACEHOLDER.matcher(this.path);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		List<JsonNode> requiredQueryParameters() {
			List<JsonNode> required = new ArrayList<>();
			for (JsonNode parameter : this.node.path("parameters")) {
				if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
					required.add(parameter);
				}
			}
			return required;
		}

		/**
		 * Walks the accessors from a client to the client of this operation's group.
		 * @param client a {@code PolarClient}
		 * @return the resource client
		 */
		Object client(Object client) {
			Object current = client;
			for (String segment : group()) {
				current = invoke(current, camelCase(segment));
			}
			return current;
		}

		/**
		 * Returns the method taking every argument: the one named for the operation,
		 * ending with {@link RequestOptions}, with the most parameters.
		 * @param clientClass the resource client's class
		 * @return the method, if the client has it
		 */
		Optional<Method> fullMethod(Class<?> clientClass) {
			return Arrays.stream(clientClass.getMethods())
				.filter((method) -> method.getName().equals(methodName()))
				.filter((method) -> method.getParameterCount() > 0
						&& method.getParameterTypes()[method.getParameterCount() - 1] == RequestOptions.class)
				.max(Comparator.comparingInt(Method::getParameterCount));
		}

		private static Object invoke(Object target, String accessor) {
			try {
				Method method = target.getClass().getMethod(accessor);
				if (Modifier.isStatic(method.getModifiers())) {
					throw new IllegalStateException(accessor + " is static");
				}
				return method.invoke(target);
			}
			catch (NoSuchMethodException ex) {
				throw new AssertionError(target.getClass().getSimpleName() + " has no accessor " + accessor + "()", ex);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String toString() {
			return id() + " (" + this.method + " " + this.path + ")";
		}

	}

}
