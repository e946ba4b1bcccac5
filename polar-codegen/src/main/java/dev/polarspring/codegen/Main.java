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
 * <p>
 * Usage: {@code Main <spec.json> <outputDir> [<handWrittenSourceRoot>]}. The
 * {@code polar-client} build runs it at {@code generate-sources}, passing its
 * {@code src/main/java}: no generated type takes the simple name of a hand-written class
 * there (see {@link Naming}).
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

	private Main() {
	}

	/**
	 * Runs the generator.
	 * @param args the spec file and the output directory
	 * @throws IOException if the spec cannot be read or a source cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2 && args.length != 3) {
			throw new IllegalArgumentException("Usage: Main <spec.json> <outputDir> [<handWrittenSourceRoot>]");
		}
		long start = System.nanoTime();
		Naming naming = (args.length == 3) ? Naming.keepingApartFrom(Path.of(args[2])) : new Naming();
		List<GeneratedSource> sources = generate(OpenApiSpec.read(Path.of(args[0])), naming);
		GeneratedSource.writeAll(Path.of(args[1]), sources);
		System.out.printf("polar-codegen: %d sources in %s (%d ms)%n", sources.size(), args[1],
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Generates every source for a spec, in a fixed order, with no hand-written class to
	 * keep apart from.
	 * @param spec the spec
	 * @return the sources
	 */
	public static List<GeneratedSource> generate(OpenApiSpec spec) {
		return generate(spec, new Naming());
	}

	/**
	 * Generates every source for a spec, in a fixed order.
	 * @param spec the spec
	 * @param naming the naming rules, with the hand-written classes to keep apart from
	 * @return the sources
	 */
	public static List<GeneratedSource> generate(OpenApiSpec spec, Naming naming) {
		ModelTypes types = ModelTypes.of(spec, naming, MODEL_PACKAGE);
		List<GeneratedSource> sources = new ArrayList<>(new ModelGenerator(types, WEBHOOK_PACKAGE).generate());
		sources.addAll(new OperationGenerator(types, RESOURCE_PACKAGE, CLIENT_PACKAGE).generate());
		return sources;
	}

}
