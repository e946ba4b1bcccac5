package com.example.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps README.md's snippets the code that this module compiles and tests.
 *
 * <p>
 * Every {@code ```java} block of README.md, and every other block that names an example,
 * is preceded by {@code <!-- example: examples/<file>#<tag> -->} and is exactly the
 * region of that file between {@code tag::<tag>[]} and {@code end::<tag>[]} (see
 * {@link TaggedRegions}). Change the example, then copy it into the README by hand or
 * with {@code ./mvnw -B -pl examples -am test -Dtest=ReadmeSnippetsTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreadme.sync=true}, which rewrites the blocks
 * that differ and then checks them as usual.
 */
class ReadmeSnippetsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path README = ROOT.resolve("README.md");

	@Test
	void everyJavaSnippetShowsATaggedRegionOfTheExamples() throws IOException {
		ReadmeBlocks readme = ReadmeBlocks.parse(Files.readAllLines(README, StandardCharsets.UTF_8));
		if (Boolean.getBoolean("readme.sync")) {
			readme = sync(readme);
		}
		List<String> problems = new ArrayList<>();
		Map<Path, TaggedRegions> files = new HashMap<>();
		int checked = 0;
		for (ReadmeBlocks.Block block : readme.blocks()) {
			ReadmeBlocks.Example example = block.example();
			if (example == null) {
				if (block.language().equals("java")) {
					problems.add(block.describe() + " shows no example: put <!-- example: examples/<file>#<tag> --> "
							+ "on the line before it, and the code in that file between tag::<tag>[] and end::<tag>[]");
				}
				continue;
			}
			checked++;
			String problem = compare(block, example, files);
			if (problem != null) {
				problems.add(problem);
			}
		}
		assertThat(problems).as("README.md snippets that are not the examples' code").isEmpty();
		assertThat(checked).as("README.md snippets checked").isPositive();
	}

	private static String compare(ReadmeBlocks.Block block, ReadmeBlocks.Example example,
			Map<Path, TaggedRegions> files) {
		Optional<TaggedRegions.Region> found;
		try {
			found = region(example, files);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return block.describe() + " shows " + example + ": " + ex.getMessage();
		}
		if (found.isEmpty()) {
			return block.describe() + " shows " + example + ", but " + example.path() + " has no region tagged '"
					+ example.tag() + "' (// tag::" + example.tag() + "[] ... // end::" + example.tag() + "[])";
		}
		TaggedRegions.Region region = found.get();
		if (region.lines().equals(block.content())) {
			return null;
		}
		int line = 0;
		while (line < region.lines().size() && line < block.content().size()
				&& region.lines().get(line).equals(block.content().get(line))) {
			line++;
		}
		return block.describe() + " differs from " + example + " (" + example.path() + " lines " + region.firstLine()
				+ "-" + region.lastLine() + ") at its line " + (line + 1) + ":\n    README:  "
				+ at(block.content(), line) + "\n    example: " + at(region.lines(), line);
	}

	private static Optional<TaggedRegions.Region> region(ReadmeBlocks.Example example, Map<Path, TaggedRegions> files) {
		Path file = ROOT.resolve(example.path()).normalize();
		if (!file.startsWith(ROOT.resolve("examples"))) {
			throw new IllegalArgumentException(
					"examples come from the examples module: the path must start with " + "examples/");
		}
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(example.path() + " does not exist");
		}
		return files.computeIfAbsent(file, TaggedRegions::read).region(example.tag());
	}

	private static String at(List<String> lines, int line) {
		return (line < lines.size()) ? "'" + lines.get(line) + "'" : "(ends)";
	}

	/**
	 * Copies each example into the README where they differ, last block first so that the
	 * earlier blocks' lines stay where they are.
	 */
	private static ReadmeBlocks sync(ReadmeBlocks readme) throws IOException {
		Map<Path, TaggedRegions> files = new HashMap<>();
		List<ReadmeBlocks.Block> blocks = new ArrayList<>(readme.blocks());
		ReadmeBlocks current = readme;
		for (int i = blocks.size() - 1; i >= 0; i--) {
			ReadmeBlocks.Block block = blocks.get(i);
			if (block.example() == null) {
				continue;
			}
			Optional<TaggedRegions.Region> region = region(block.example(), files);
			if (region.isPresent() && !region.get().lines().equals(block.content())) {
				List<String> text = current.replace(block, region.get().lines());
				current = ReadmeBlocks.parse(text);
				blocks = new ArrayList<>(current.blocks());
			}
		}
		Files.write(README, String.join("\n", current.lines()).concat("\n").getBytes(StandardCharsets.UTF_8));
		return current;
	}

}
