package dev.polarspring.codegen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small OpenAPI documents for generator tests: component schemas, each reached from one
 * operation (a response, or a request body for names ending in {@code Create} or
 * {@code Update}), plus optional webhooks.
 */
final class Fragments {

	private Fragments() {
	}

	/**
	 * Builds a spec whose operations reach the named schemas.
	 * @param components the {@code components.schemas} JSON object's content (without
	 * braces)
	 * @param reached the schemas an operation reaches
	 */
	static OpenApiSpec spec(String components, String... reached) {
		return specWithWebhooks(components, "", reached);
	}

	static OpenApiSpec specWithWebhooks(String components, String webhooks, String... reached) {
		StringBuilder paths = new StringBuilder();
		for (int i = 0; i < reached.length; i++) {
			String name = reached[i];
			String ref = "{\"$ref\": \"#/components/schemas/" + name + "\"}";
			boolean request = name.endsWith("Create") || name.endsWith("Update");
			String operation = request
					? "{\"operationId\": \"op" + i
							+ "\", \"requestBody\": {\"content\": {\"application/json\": {\"schema\": " + ref
							+ "}}}, \"responses\": {}}"
					: "{\"operationId\": \"op" + i
							+ "\", \"responses\": {\"200\": {\"content\": {\"application/json\": " + "{\"schema\": "
							+ ref + "}}}}}";
			paths.append(i == 0 ? "" : ",")
				.append("\"/v1/p")
				.append(i)
				.append("\": {\"")
				.append(request ? "post" : "get")
				.append("\": ")
				.append(operation)
				.append("}");
		}
		return OpenApiSpec.parse("{\"openapi\": \"3.1.0\", \"paths\": {" + paths + "}, \"webhooks\": {" + webhooks
				+ "}, \"components\": {\"schemas\": {" + components + "}}}");
	}

	/**
	 * Generates a spec's sources with the given naming rules, by path relative to the
	 * package root ({@code model/Product}, {@code webhook/OrderPaidEvent}).
	 */
	static Map<String, String> generateByPath(OpenApiSpec spec, Naming naming) {
		Map<String, String> sources = new LinkedHashMap<>();
		for (GeneratedSource source : Main.generate(spec, naming)) {
			String path = source.path().substring("dev/polarspring/client/".length());
			sources.put(path.substring(0, path.length() - ".java".length()), source.content());
		}
		return sources;
	}

	/**
	 * Generates a spec's sources, by simple class name.
	 */
	static Map<String, String> generate(OpenApiSpec spec) {
		Map<String, String> sources = new LinkedHashMap<>();
		for (GeneratedSource source : Main.generate(spec)) {
			String file = source.path().substring(source.path().lastIndexOf('/') + 1);
			sources.put(file.substring(0, file.length() - ".java".length()), source.content());
		}
		return sources;
	}

}
