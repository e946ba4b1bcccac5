package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.palantir.javapoet.JavaFile;

/**
 * One generated Java source file.
 *
 * @param path the path relative to the source root, such as
 * {@code dev/polarspring/client/model/Product.java}
 * @param content the file's text
 */
public record GeneratedSource(String path, String content) {

	/**
	 * Renders a JavaPoet file with the project's formatting (tab indentation).
	 * @param file the JavaPoet file
	 * @return the source
	 */
	public static GeneratedSource of(JavaFile file) {
		String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
		return new GeneratedSource(path, file.toString());
	}

	/**
	 * Writes sources under a directory, leaving a file untouched when its content is already the
	 * same (so an unchanged spec does not make the compiler see changed files), and deletes the
	 * Java files an earlier run generated that this one does not (a renamed type must not linger
	 * without {@code mvn clean}).
	 * @param directory the source root, owned by the generator
	 * @param sources the sources
	 * @throws IOException if a file cannot be written or deleted
	 */
	public static void writeAll(Path directory, Collection<GeneratedSource> sources) throws IOException {
		Set<Path> written = new HashSet<>();
		for (GeneratedSource source : sources) {
			Path file = directory.resolve(source.path());
			written.add(file);
			Files.createDirectories(file.getParent());
			byte[] bytes = source.content().getBytes(StandardCharsets.UTF_8);
			if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
				Files.write(file, bytes);
			}
		}
		List<Path> stale;
		try (Stream<Path> files = Files.walk(directory)) {
			stale = files.filter((file) -> file.toString().endsWith(".java") && !written.contains(file)).toList();
		}
		for (Path file : stale) {
			Files.delete(file);
		}
	}

}
