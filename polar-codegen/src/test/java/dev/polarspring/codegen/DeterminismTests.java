package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same spec gives the same sources, byte for byte.
 */
class DeterminismTests {

	private static final Path SPEC = Path.of("../polar-client/src/main/openapi/openapi.json");

	@Test
	void generatingTwiceFromFreshlyLoadedSpecsGivesIdenticalSources() throws IOException {
		List<GeneratedSource> first = Main.generate(OpenApiSpec.read(SPEC));
		List<GeneratedSource> second = Main.generate(OpenApiSpec.read(SPEC));
		assertThat(first).hasSizeGreaterThan(600);
		assertThat(second).containsExactlyElementsOf(first);
	}

	@Test
	void theAutoConfigurationIsTheSameFromOneRunToTheNext() throws IOException {
		List<GeneratedSource> first = Main.generateAutoConfiguration(OpenApiSpec.read(SPEC));
		List<GeneratedSource> second = Main.generateAutoConfiguration(OpenApiSpec.read(SPEC));
		assertThat(first).singleElement()
			.satisfies((source) -> assertThat(source.content().split("@ConditionalOnMissingBean\n", -1)).hasSize(42));
		assertThat(second).containsExactlyElementsOf(first);
	}

	@Test
	void generatedSourcesCarryNoTimestamp() throws IOException {
		for (GeneratedSource source : Main.generate(OpenApiSpec.read(SPEC))) {
			assertThat(source.content()).doesNotContain("@Generated")
				.doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:");
		}
	}

}
