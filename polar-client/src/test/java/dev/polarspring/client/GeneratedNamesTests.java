package dev.polarspring.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.Main;
import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;
import dev.polarspring.codegen.OpenApiSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's rename table matches the client's hand-written classes: no generated
 * type shares a simple name with one, and every entry of the table keeps a schema apart
 * from a class that exists. The generator never reads the hand-written sources, so a new
 * clash fails here, saying what to do, instead of renaming a public generated type.
 */
class GeneratedNamesTests {

	private static final Path HAND_WRITTEN = Path.of("src/main/java");

	private static final Naming NAMING = new Naming();

	private static ModelTypes types;

	private static SortedMap<String, ClassName> generated;

	@BeforeAll
	static void generate() throws IOException {
		OpenApiSpec spec = OpenApiSpec.read(Path.of("src/main/openapi/openapi.json"));
		types = ModelTypes.of(spec, NAMING, Main.MODEL_PACKAGE);
		generated = new TreeMap<>();
		for (GeneratedSource source : Main.generate(spec, NAMING)) {
			if (!isPackageInfo(Path.of(source.path()))) {
				ClassName type = className(Path.of(source.path()));
				generated.put(type.simpleName(), type);
			}
		}
	}

	@Test
	void noGeneratedTypeSharesASimpleNameWithAHandWrittenClass() throws IOException {
		assertThat(clashes(handWrittenClasses())).isEmpty();
	}

	@Test
	void aNewHandWrittenClassOfAGeneratedNameFailsSayingWhatToDoAndRenamesNothing() throws IOException {
		List<ClassName> handWritten = new ArrayList<>(handWrittenClasses());
		handWritten.add(ClassName.get("dev.polarspring.client", "Product"));
		assertThat(clashes(handWritten)).containsExactly("The hand-written dev.polarspring.client.Product and the "
				+ "generated dev.polarspring.client.model.Product share the simple name Product, so an IDE may import "
				+ "the wrong one. Rename the hand-written class, or add it to the rename table in "
				+ "dev.polarspring.codegen.Naming (a model type then takes the name ProductRecord).");
		assertThat(generated).containsEntry("Product", ClassName.get(Main.MODEL_PACKAGE, "Product"));
	}

	@Test
	void everyEntryOfTheRenameTableIsAHandWrittenClass() throws IOException {
		List<ClassName> handWritten = handWrittenClasses();
		assertThat(NAMING.renameTable()).isNotEmpty()
			.allSatisfy((simpleName, type) -> assertThat(handWritten)
				.as("The rename table of dev.polarspring.codegen.Naming keeps %s apart from %s, which polar-client does "
						+ "not have; remove the entry or correct its package", simpleName, type)
				.contains(type));
	}

	@Test
	void everyEntryOfTheRenameTableRenamesASchema() {
		List<ClassName> keptApartFrom = new ArrayList<>();
		for (ModelType type : types.all()) {
			types.keptApartFrom(type).ifPresent(keptApartFrom::add);
		}
		assertThat(keptApartFrom)
			.as("The classes the rename table of dev.polarspring.codegen.Naming keeps a schema "
					+ "apart from; an entry no schema needs renames nothing and should be removed")
			.containsExactlyInAnyOrderElementsOf(NAMING.renameTable().values());
	}

	/**
	 * Returns what is wrong with these hand-written classes next to the generated ones.
	 */
	private static List<String> clashes(List<ClassName> handWritten) {
		List<String> clashes = new ArrayList<>();
		handWritten.forEach((type) -> {
			String simpleName = type.simpleName();
			ClassName other = generated.get(simpleName);
			if (other != null) {
				clashes.add("The hand-written " + type.canonicalName() + " and the generated " + other.canonicalName()
						+ " share the simple name " + simpleName + ", so an IDE may import the wrong one. Rename the "
						+ "hand-written class, or add it to the rename table in " + Naming.class.getName()
						+ " (a model type then takes the name " + NAMING.apartFrom(simpleName) + ").");
			}
		});
		return clashes;
	}

	private static List<ClassName> handWrittenClasses() throws IOException {
		List<ClassName> classes = new ArrayList<>();
		try (Stream<Path> files = Files.walk(HAND_WRITTEN)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				if (!isPackageInfo(file)) {
					classes.add(className(HAND_WRITTEN.relativize(file)));
				}
			}
		}
		return classes;
	}

	private static boolean isPackageInfo(Path file) {
		return file.getFileName().toString().equals("package-info.java");
	}

	private static ClassName className(Path relativePath) {
		List<String> packages = new ArrayList<>();
		relativePath.getParent().forEach((part) -> packages.add(part.toString()));
		String file = relativePath.getFileName().toString();
		return ClassName.get(String.join(".", packages), file.substring(0, file.length() - ".java".length()));
	}

}
