package com.example.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagged regions of one source file, as the README shows them.
 *
 * <p>
 * A region starts after a line {@code // tag::name[]} (or {@code <!-- tag::name[] -->},
 * {@code # tag::name[]}) and ends before {@code end::name[]}. Several regions with the
 * same name are joined in file order, so a snippet can show the imports and a method
 * without what lies between. Lines that are tags themselves are never part of a region,
 * so regions may nest. Each part is shifted left by the indentation of the tag line that
 * opens it: {@code // tag::x[]} indented like a method's body shows that body from the
 * left margin, one at the left margin keeps the lines as they are.
 */
final class TaggedRegions {

	private static final Pattern DIRECTIVE = Pattern
		.compile("^\\s*(?://|<!--|#)\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[\\]\\s*(?:-->)?\\s*$");

	private final Path file;

	private final Map<String, List<Fragment>> regions;

	private TaggedRegions(Path file, Map<String, List<Fragment>> regions) {
		this.file = file;
		this.regions = regions;
	}

	/**
	 * Reads the regions of a file.
	 * @param file the file
	 * @return its regions
	 * @throws IllegalStateException if a tag is not closed, or closed without being
	 * opened
	 */
	static TaggedRegions read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
		Map<String, List<Fragment>> regions = new LinkedHashMap<>();
		Map<String, Integer> open = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher directive = DIRECTIVE.matcher(line);
			if (directive.matches()) {
				String name = directive.group(2);
				if (directive.group(1).equals("tag")) {
					if (open.putIfAbsent(name, i + 1) != null) {
						throw new IllegalStateException(file + " line " + (i + 1) + ": tag::" + name
								+ "[] opened again before end::" + name + "[]");
					}
					regions.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(new Fragment(indentation(line), new ArrayList<>()));
				}
				else if (open.remove(name) == null) {
					throw new IllegalStateException(
							file + " line " + (i + 1) + ": end::" + name + "[] without tag::" + name + "[]");
				}
				continue;
			}
			for (String name : open.keySet()) {
				List<Fragment> fragments = regions.get(name);
				fragments.get(fragments.size() - 1).lines().add(new Line(i + 1, line));
			}
		}
		if (!open.isEmpty()) {
			Map.Entry<String, Integer> first = open.entrySet().iterator().next();
			throw new IllegalStateException(file + " line " + first.getValue() + ": tag::" + first.getKey()
					+ "[] is never closed with end::" + first.getKey() + "[]");
		}
		return new TaggedRegions(file, regions);
	}

	/**
	 * Returns a region as the README shows it.
	 * @param name the tag
	 * @return its lines without their common indentation, or empty when the file has no
	 * such tag
	 */
	Optional<Region> region(String name) {
		List<Fragment> fragments = this.regions.get(name);
		if (fragments == null) {
			return Optional.empty();
		}
		List<String> text = new ArrayList<>();
		int first = 0;
		int last = 0;
		for (Fragment fragment : fragments) {
			for (Line line : fragment.lines()) {
				int strip = Math.min(indentation(line.text()), fragment.indent());
				text.add(line.text().isBlank() ? "" : line.text().substring(strip));
				first = (first == 0) ? line.number() : first;
				last = line.number();
			}
		}
		return Optional.of(new Region(this.file, name, text, first, last));
	}

	/**
	 * Returns the names of the file's regions.
	 * @return the tags, in the order they first appear
	 */
	List<String> names() {
		return List.copyOf(this.regions.keySet());
	}

	private static int indentation(String line) {
		int i = 0;
		while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

	/**
	 * One part of a region.
	 *
	 * @param indent the indentation of the tag line that opens it
	 * @param lines its lines
	 */
	private record Fragment(int indent, List<Line> lines) {
	}

	/**
	 * One line of the file.
	 *
	 * @param number its number, from 1
	 * @param text its text
	 */
	private record Line(int number, String text) {
	}

	/**
	 * A region as the README shows it.
	 *
	 * @param file the file it is in
	 * @param name its tag
	 * @param lines its lines, common indentation removed
	 * @param firstLine the file's line where it starts
	 * @param lastLine the file's line where it ends
	 */
	record Region(Path file, String name, List<String> lines, int firstLine, int lastLine) {

	}

}
