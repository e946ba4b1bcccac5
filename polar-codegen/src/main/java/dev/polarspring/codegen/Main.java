package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.polarspring.codegen.model.ModelGenerator;
import dev.polarspring.codegen.operation.OperationGenerator;
import dev.polarspring.codegen.operation.ResourceClientBeansGenerator;

/**
 * Generates Java sources from Polar's OpenAPI spec.
 *
 * <p>
 * Usage: {@code Main <spec.json> <outputDir> [client|autoconfigure]}. The
 * {@code polar-client} build runs it at {@code generate-sources} for {@code client} (the
 * default): the model, the webhook events, the resource clients and the index of model
 * types. The {@code polar-spring-boot-autoconfigure} build runs it for
 * {@code autoconfigure}: the configuration making each resource client a bean. Names
 * depend on the spec and the fixed tables of {@link Naming} only.
 */
public final class Main {

	/** The package of the generated model types. */
	public static final String MODEL_PACKAGE = "dev.polarspring.client.model";

	/** The package of the generated resource clients and their params classes. */
	public static final String RESOURCE_PACKAGE = "dev.polarspring.client.resource";

	/**
	 * The package of {@code PolarClient}, where the generated {@code PolarResources}
	 * goes.
	 */
	public static final String CLIENT_PACKAGE = "dev.polarspring.client";

	/** The package of the generated webhook events. */
	public static final String WEBHOOK_PACKAGE = "dev.polarspring.client.webhook";

	/**
	 * The package of the client's native hints, where the generated
	 * {@code ModelTypeIndex} goes.
	 */
	public static final String AOT_PACKAGE = "dev.polarspring.client.aot";

	/**
	 * The package of the auto-configuration, where the generated
	 * {@code PolarResourceClientsConfiguration} goes.
	 */
	public static final String AUTOCONFIGURE_PACKAGE = "dev.polarspring.autoconfigure";

	private static final String USAGE = "Usage: Main <spec.json> <outputDir> [client|autoconfigure]";

	private Main() {
	}

	/**
	 * Runs the generator.
	 * @param args the spec file, the output directory and, optionally, what to generate
	 * @throws IOException if the spec cannot be read or a source cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2 && args.length != 3) {
			throw new IllegalArgumentException(USAGE);
		}
		String target = (args.length == 3) ? args[2] : "client";
		long start = System.nanoTime();
		OpenApiSpec spec = OpenApiSpec.read(Path.of(args[0]));
		List<GeneratedSource> sources = switch (target) {
			case "client" -> generate(spec);
			case "autoconfigure" -> generateAutoConfiguration(spec);
			default -> throw new IllegalArgumentException("Unknown target '" + target + "'. " + USAGE);
		};
		GeneratedSource.writeAll(Path.of(args[1]), sources);
		System.out.printf("polar-codegen: %d %s sources in %s (%d ms)%n", sources.size(), target, args[1],
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Generates every source of {@code polar-client} for a spec, in a fixed order.
	 * @param spec the spec
	 * @return the sources
	 */
	public static List<GeneratedSource> generate(OpenApiSpec spec) {
		return generate(spec, new Naming());
	}

	/**
	 * Generates every source of {@code polar-client} for a spec, in a fixed order, with
	 * other naming rules (tests of the rules give another rename table).
	 * @param spec the spec
	 * @param naming the naming rules
	 * @return the sources
	 */
	public static List<GeneratedSource> generate(OpenApiSpec spec, Naming naming) {
		ModelTypes types = ModelTypes.of(spec, naming, MODEL_PACKAGE);
		List<GeneratedSource> sources = new ArrayList<>(
				new ModelGenerator(types, WEBHOOK_PACKAGE, AOT_PACKAGE).generate());
		sources.addAll(new OperationGenerator(types, RESOURCE_PACKAGE, CLIENT_PACKAGE).generate());
		return sources;
	}

	/**
	 * Generates the sources of {@code polar-spring-boot-autoconfigure} for a spec: the
	 * configuration with one bean per resource client.
	 * @param spec the spec
	 * @return the sources
	 */
	public static List<GeneratedSource> generateAutoConfiguration(OpenApiSpec spec) {
		ModelTypes types = ModelTypes.of(spec, new Naming(), MODEL_PACKAGE);
		return List.of(new ResourceClientBeansGenerator(types, RESOURCE_PACKAGE, CLIENT_PACKAGE, AUTOCONFIGURE_PACKAGE)
			.generate());
	}

}
