package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The command line generates the client's sources or the auto-configuration's, from the
 * spec alone.
 */
class MainTests {

	private static final String SPEC = """
			{"openapi": "3.1.0", "paths": {"/v1/products/": {"get": {"operationId": "products:list",
			  "x-speakeasy-group": "products", "x-speakeasy-name-override": "list",
			  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Product"}}}}}}}},
			 "components": {"schemas": {"Product": {"type": "object", "title": "Product",
			  "properties": {"id": {"type": "string"}}, "required": ["id"]}}}}
			""";

	@Test
	void theClientIsTheDefaultTarget(@TempDir Path root) throws IOException {
		Path spec = Files.writeString(root.resolve("openapi.json"), SPEC);
		Main.main(new String[] { spec.toString(), root.resolve("client").toString() });
		assertThat(root.resolve("client/dev/polarspring/client/model/Product.java")).exists();
		assertThat(root.resolve("client/dev/polarspring/client/resource/ProductsClient.java")).exists();
		assertThat(root.resolve("client/dev/polarspring/client/aot/ModelTypeIndex.java")).exists();
		assertThat(root.resolve("client/dev/polarspring/autoconfigure")).doesNotExist();
	}

	@Test
	void theAutoConfigurationTargetWritesOnlyTheResourceClientBeans(@TempDir Path root) throws IOException {
		Path spec = Files.writeString(root.resolve("openapi.json"), SPEC);
		Main.main(new String[] { spec.toString(), root.resolve("boot").toString(), "autoconfigure" });
		try (var files = Files.walk(root.resolve("boot"))) {
			assertThat(files.filter(Files::isRegularFile).map((file) -> root.resolve("boot").relativize(file)))
				.containsExactly(Path.of("dev/polarspring/autoconfigure/PolarResourceClientsConfiguration.java"));
		}
		assertThat(root.resolve("boot/dev/polarspring/autoconfigure/PolarResourceClientsConfiguration.java")).content()
			.contains("ProductsClient productsClient(PolarClient polar)");
	}

	@Test
	void anUnknownTargetOrAMissingArgumentIsRejectedWithTheUsage(@TempDir Path root) throws IOException {
		Path spec = Files.writeString(root.resolve("openapi.json"), SPEC);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Main.main(new String[] { spec.toString(), root.toString(), "benchmarks" }))
			.withMessage("Unknown target 'benchmarks'. Usage: Main <spec.json> <outputDir> [client|autoconfigure]");
		assertThatIllegalArgumentException().isThrownBy(() -> Main.main(new String[] { spec.toString() }))
			.withMessage("Usage: Main <spec.json> <outputDir> [client|autoconfigure]");
	}

}
