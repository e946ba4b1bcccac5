package dev.polarspring.benchmarks.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;

/**
 * Writes the corpus to a directory, checking each document first: one file per
 * {@link CorpusPage} ({@code products-page.json}, ...) and the deliveries as
 * {@code deliveries.json} in the format of the shared webhook vectors, for the TypeScript
 * scripts in {@code benchmarks/ts/} and for reading.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.polarspring.benchmarks.corpus.CorpusWriter benchmarks/target/corpus
 * }</pre>
 */
public final class CorpusWriter {

	private CorpusWriter() {
	}

	/**
	 * Writes the corpus.
	 * @param args the directory to write to
	 * @throws IOException if a file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("Usage: CorpusWriter <directory>");
			System.exit(2);
		}
		Path directory = Files.createDirectories(Path.of(args[0]));
		Corpus corpus = Corpus.get();
		for (CorpusPage page : CorpusPage.values()) {
			byte[] json = corpus.document(page);
			CorpusCheck.decode(page, json);
			Path file = directory.resolve(fileName(page));
			Files.write(file, json);
			System.out.printf(Locale.ROOT, "%-24s %,9d bytes%s%n", file.getFileName(), json.length,
					page.isPage() ? String.format(Locale.ROOT, ", %,d per item", json.length / Corpus.PAGE_SIZE) : "");
		}
		ArrayNode cases = JsonNodeFactory.instance.arrayNode();
		long bytes = 0;
		for (CorpusDelivery delivery : corpus.deliveries()) {
			CorpusCheck.decode(delivery);
			ObjectNode entry = cases.addObject()
				.put("name", delivery.type() + ": corpus")
				.put("secret", delivery.secret());
			ObjectNode headers = entry.putObject("headers");
			delivery.headers().forEach(headers::put);
			entry.put("body", delivery.body()).put("now", delivery.now()).put("expect", "accepted");
			entry.put("type", delivery.type());
			bytes += delivery.bodyBytes().length;
		}
		ObjectNode file = JsonNodeFactory.instance.objectNode()
			.put("about", "The benchmark corpus's webhook deliveries, one per event type of the spec, signed as "
					+ "Polar signs (HMAC key = UTF-8 bytes of the whole secret); 'now' is the verifier's clock.");
		file.set("cases", cases);
		Files.write(directory.resolve("deliveries.json"),
				PolarJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
		System.out.printf(Locale.ROOT, "%-24s %,9d deliveries, %,d bytes of body on average%n", "deliveries.json",
				cases.size(), bytes / cases.size());
	}

	static String fileName(CorpusPage page) {
		return page.name().toLowerCase(Locale.ROOT).replace('_', '-') + (page.isPage() ? "-page.json" : ".json");
	}

}
