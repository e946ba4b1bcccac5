package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing the sources leaves the output directory holding exactly this run's files.
 */
class GeneratedSourceTests {

	@Test
	void writingAgainDeletesTheFilesOfTypesNoLongerGenerated(@TempDir Path root) throws IOException {
		GeneratedSource kept = new GeneratedSource("a/Kept.java", "class Kept {}");
		GeneratedSource renamed = new GeneratedSource("a/OldName.java", "class OldName {}");
		GeneratedSource.writeAll(root, List.of(kept, renamed));
		Files.writeString(root.resolve("a/notes.txt"), "not a source");

		GeneratedSource.writeAll(root, List.of(kept, new GeneratedSource("a/NewName.java", "class NewName {}")));

		assertThat(root.resolve("a/OldName.java")).doesNotExist();
		assertThat(root.resolve("a/Kept.java")).hasContent("class Kept {}");
		assertThat(root.resolve("a/NewName.java")).hasContent("class NewName {}");
		assertThat(root.resolve("a/notes.txt")).exists();
	}

}
