package com.example.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How regions are read from the examples.
 */
class TaggedRegionsTests {

	@TempDir
	Path directory;

	@Test
	void regionsOfOneNameAreJoinedWithoutTagLinesAndCommonIndentation() throws IOException {
		TaggedRegions regions = read("""
				package com.example;

				// tag::snippet[]
				import java.util.List;
				// end::snippet[]
				import java.util.Map;

				class Example {
					// tag::snippet[]

					List<String> names() {
						// tag::inner[]
						return List.of("a");
						// end::inner[]
					}
					// end::snippet[]

				}
				""");
		assertThat(regions.names()).containsExactly("snippet", "inner");
		assertThat(regions.region("snippet")).get()
			.satisfies((region) -> assertThat(region.lines()).containsExactly("import java.util.List;", "",
					"List<String> names() {", "\treturn List.of(\"a\");", "}"));
		assertThat(regions.region("inner")).get()
			.satisfies((region) -> assertThat(region.lines()).containsExactly("return List.of(\"a\");"));
		assertThat(regions.region("other")).isEmpty();
	}

	@Test
	void xmlAndYamlTagsAreCommentsToo() throws IOException {
		TaggedRegions regions = read("""
				<!-- tag::pom[] -->
				<project>
				<!-- end::pom[] -->
				# tag::yaml[]
				polar:
				  server: sandbox
				# end::yaml[]
				""");
		assertThat(regions.region("pom")).get().extracting(TaggedRegions.Region::lines).isEqualTo(List.of("<project>"));
		assertThat(regions.region("yaml")).get()
			.extracting(TaggedRegions.Region::lines)
			.isEqualTo(List.of("polar:", "  server: sandbox"));
	}

	@Test
	void aPartKeepsTheIndentationBeyondItsTagLine() throws IOException {
		TaggedRegions regions = read("""
				<!-- tag::pom[] -->
				<project>
				  <properties>
				    <java.version>17</java.version>
				    <!-- end::pom[] -->
				    <maven.install.skip>true</maven.install.skip>
				<!-- tag::pom[] -->
				  </properties>
				  <dependencies>
				    <!-- tag::dependency[] -->
				    <dependency>
				      <artifactId>starter</artifactId>
				    </dependency>
				    <!-- end::dependency[] -->
				  </dependencies>
				</project>
				<!-- end::pom[] -->
				""");
		assertThat(regions.region("pom")).get()
			.extracting(TaggedRegions.Region::lines)
			.isEqualTo(List.of("<project>", "  <properties>", "    <java.version>17</java.version>", "  </properties>",
					"  <dependencies>", "    <dependency>", "      <artifactId>starter</artifactId>",
					"    </dependency>", "  </dependencies>", "</project>"));
		assertThat(regions.region("dependency")).get()
			.extracting(TaggedRegions.Region::lines)
			.isEqualTo(List.of("<dependency>", "  <artifactId>starter</artifactId>", "</dependency>"));
	}

	@Test
	void aTagNeverClosedIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> read("// tag::snippet[]\nclass Example {\n}\n"))
			.withMessageContaining("line 1: tag::snippet[] is never closed");
	}

	@Test
	void anEndWithoutATagIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> read("class Example {\n}\n// end::snippet[]\n"))
			.withMessageContaining("line 3: end::snippet[] without tag::snippet[]");
	}

	private TaggedRegions read(String text) throws IOException {
		Path file = this.directory.resolve("Example.java");
		Files.writeString(file, text);
		return TaggedRegions.read(file);
	}

}
