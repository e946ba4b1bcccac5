package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.polarspring.codegen.model.ModelGenerator;
import dev.polarspring.codegen.operation.OperationGenerator;

/**
 * Generates the Java sources of {@code polar-client} from Polar's OpenAPI spec.
 *
 * <p>Usage: {@code Main <spec.json> <outputDir>}. The {@code polar-client} build runs it at
 * {@code generate-sources}.
 */
public final class Main {

	/** The package of the generated model types. */
	public static final String MODEL_PACKAGE = "dev.polarspring.client.model";

	/** The package of the generated resource clients and their params classes. */
	public static final String RESOURCE_PACKAGE = "dev.polarspring.client.resource";

	/** The package of {@code PolarClient}, where the generated {@code PolarResources} goes. */
	public static final String CLIENT_PACKAGE = "dev.polarspring.client";

	/** The package of the generated webhook events. */
	public static final String WEBHOOK_PACKAGE = "dev.polarspring.client.webhook";

	private Main() {
	}

	/**
	 * Runs the generator.
	 * @param args the spec file and the output directory
	 * @throws IOException if the spec cannot be read or a source cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("Usage: Main <spec.json> <outputDir>");
		}
		long start = System.nanoTime();
		List<GeneratedSource> sources = generate(OpenApiSpec.read(Path.of(args[0])));
		GeneratedSource.writeAll(Path.of(args[1]), sources);
		System.out.printf("polar-codegen: %d sources in %s (%d ms)%n", sources.size(), args[1],
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Generates every source for a spec, in a fixed order.
	 * @param spec the spec
	 * @return the sources
	 */
	public static List<GeneratedSource> generate(OpenApiSpec spec) {
		ModelTypes types = ModelTypes.of(spec, new Naming(), MODEL_PACKAGE);
		List<GeneratedSource> sources = new ArrayList<>(new ModelGenerator(types, WEBHOOK_PACKAGE).generate());
		sources.addAll(new OperationGenerator(types, RESOURCE_PACKAGE, CLIENT_PACKAGE).generate());
		return sources;
	}

}
