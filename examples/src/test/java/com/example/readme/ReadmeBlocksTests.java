package com.example.readme;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the README's code blocks and the examples they name are found.
 */
class ReadmeBlocksTests {

	@Test
	void aBlockShowsTheExampleNamedOnTheLineBeforeIt() {
		ReadmeBlocks readme = ReadmeBlocks.parse(
				List.of("# Title", "", "<!-- example: examples/src/main/java/com/example/Shop.java#shop -->", "```java",
						"class Shop {", "}", "```", "", "```java", "int x;", "```", "```sh", "./mvnw verify", "```"));
		assertThat(readme.blocks()).hasSize(3);
		ReadmeBlocks.Block shown = readme.blocks().get(0);
		assertThat(shown.language()).isEqualTo("java");
		assertThat(shown.line()).isEqualTo(4);
		assertThat(shown.content()).containsExactly("class Shop {", "}");
		assertThat(shown.example()).hasToString("examples/src/main/java/com/example/Shop.java#shop");
		assertThat(readme.blocks().get(1).example()).isNull();
		assertThat(readme.blocks().get(2).language()).isEqualTo("sh");
	}

	@Test
	void replacingABlockKeepsTheRest() {
		ReadmeBlocks readme = ReadmeBlocks.parse(List.of("a", "```java", "old", "```", "b"));
		assertThat(readme.replace(readme.blocks().get(0), List.of("new", "lines"))).containsExactly("a", "```java",
				"new", "lines", "```", "b");
	}

	@Test
	void aBlockNeverClosedIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeBlocks.parse(List.of("```java", "class Shop {")))
			.withMessage("README.md line 1: the ``` block is never closed");
	}

}
