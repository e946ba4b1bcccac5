package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

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
	 * same (so an unchanged spec does not make the compiler see changed files).
	 * @param directory the source root
	 * @param sources the sources
	 * @throws IOException if a file cannot be written
	 */
	public static void writeAll(Path directory, Collection<GeneratedSource> sources) throws IOException {
		for (GeneratedSource source : sources) {
			Path file = directory.resolve(source.path());
			Files.createDirectories(file.getParent());
			byte[] bytes = source.content().getBytes(StandardCharsets.UTF_8);
			if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
				Files.write(file, bytes);
			}
		}
	}

}
