package com.example.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file, each with the example it says it shows.
 *
 * <p>
 * A block shows an example when the line right before its opening fence is
 * {@code <!-- example: examples/path/to/File.java#name -->}: the region tagged
 * {@code name} in that file (see {@link TaggedRegions}), path from the repository's root.
 */
final class ReadmeBlocks {

	private static final Pattern FENCE = Pattern.compile("^```([A-Za-z0-9_+-]*)\\s*$");

	private static final Pattern MARKER = Pattern.compile("^<!--\\s*example:\\s*(\\S+?)#([A-Za-z0-9_.-]+)\\s*-->\\s*$");

	private final List<String> lines;

	private final List<Block> blocks;

	private ReadmeBlocks(List<String> lines, List<Block> blocks) {
		this.lines = lines;
		this.blocks = blocks;
	}

	/**
	 * Finds the blocks of a Markdown text.
	 * @param lines the text
	 * @return its blocks
	 * @throws IllegalStateException if a block is never closed
	 */
	static ReadmeBlocks parse(List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				i++;
				continue;
			}
			int close = i + 1;
			while (close < lines.size() && !lines.get(close).equals("```")) {
				close++;
			}
			if (close == lines.size()) {
				throw new IllegalStateException("README.md line " + (i + 1) + ": the ``` block is never closed");
			}
			Matcher marker = (i > 0) ? MARKER.matcher(lines.get(i - 1)) : null;
			Example example = (marker != null && marker.matches()) ? new Example(marker.group(1), marker.group(2))
					: null;
			blocks.add(new Block(open.group(1), i + 1, List.copyOf(lines.subList(i + 1, close)), example));
			i = close + 1;
		}
		return new ReadmeBlocks(List.copyOf(lines), blocks);
	}

	/**
	 * Returns the blocks.
	 * @return the blocks, in order
	 */
	List<Block> blocks() {
		return this.blocks;
	}

	/**
	 * Returns the text.
	 * @return its lines
	 */
	List<String> lines() {
		return this.lines;
	}

	/**
	 * Returns the text with one block's content replaced.
	 * @param block a block of this text
	 * @param content its new content
	 * @return the whole text
	 */
	List<String> replace(Block block, List<String> content) {
		List<String> text = new ArrayList<>(this.lines.subList(0, block.line()));
		text.addAll(content);
		text.addAll(this.lines.subList(block.line() + block.content().size(), this.lines.size()));
		return text;
	}

	/**
	 * A fenced code block.
	 *
	 * @param language what follows the opening fence, such as {@code java}; empty for
	 * none
	 * @param line the line of the opening fence, from 1
	 * @param content the lines between the fences
	 * @param example the example it shows, or {@code null} when no marker precedes it
	 */
	record Block(String language, int line, List<String> content, Example example) {

		/**
		 * Says where the block is, for messages.
		 * @return such as {@code README.md line 77 (```java)}
		 */
		String describe() {
			return "README.md line " + this.line + " (```" + this.language + ")";
		}

	}

	/**
	 * The region a block shows.
	 *
	 * @param path the file, from the repository's root
	 * @param tag the region's tag
	 */
	record Example(String path, String tag) {

		@Override
		public String toString() {
			return this.path + "#" + this.tag;
		}

	}

}
