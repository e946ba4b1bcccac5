package dev.polarspring.benchmarks.client;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusCheck;
import dev.polarspring.benchmarks.corpus.CorpusPage;
import dev.polarspring.client.core.PolarJson;

/**
 * The ratio {@link CorpusDecodeBenchmark} measures, for a machine other processes share:
 * the records and the tree decode the same document in alternating batches (about 50 ms
 * of work each) on one thread, each batch timed by the thread's CPU time rather than the
 * clock, and the median of the per-round ratios is reported with its quartiles. Time the
 * thread waits for a core counts in neither, and both sides see the same load; cache and
 * core sharing still vary, which the quartiles show. Allocation is per document, from the
 * thread's allocation counter. The tree is read by a default Jackson {@link JsonMapper},
 * as in {@link CorpusDecodeBenchmark}; the time of the tree read through the SDK's mapper
 * is reported beside it.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.polarspring.benchmarks.client.CorpusDecodeCpuTime 15 PRODUCTS CUSTOMERS
 * }</pre>
 *
 * With no document named, every document of the corpus.
 */
public final class CorpusDecodeCpuTime {

	// Written, never read: keeps the JIT from dropping the decoding it measures.
	private static volatile @Nullable Object sink;

	private CorpusDecodeCpuTime() {
	}

	/**
	 * Runs the measurement.
	 * @param args the number of rounds, then the documents ({@link CorpusPage} names)
	 */
	public static void main(String[] args) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		CorpusPage[] pages = (args.length > 1)
				? Arrays.stream(args, 1, args.length).map(CorpusPage::valueOf).toArray(CorpusPage[]::new)
				: CorpusPage.values();
		for (CorpusPage page : pages) {
			byte[] json = Corpus.get().document(page);
			CorpusCheck.decode(page, json);
			ObjectReader records = PolarJson.mapper().readerFor(page.recordType());
			ObjectReader tree = JsonMapper.builder().build().readerFor(JsonNode.class);
			ObjectReader sdkTree = PolarJson.mapper().readerFor(JsonNode.class);
			int batch = Math.max(1, 20_000_000 / json.length);
			for (int warmup = 0; warmup < 40; warmup++) {
				for (int i = 0; i < batch; i++) {
					sink = records.readValue(json);
					sink = tree.readValue(json);
					sink = sdkTree.readValue(json);
				}
			}
			double[] ratios = new double[rounds];
			double[] recordMicros = new double[rounds];
			double[] treeMicros = new double[rounds];
			double[] sdkTreeMicros = new double[rounds];
			long recordBytes = 0;
			long treeBytes = 0;
			for (int round = 0; round < rounds; round++) {
				long cpu0 = threads.getCurrentThreadCpuTime();
				long allocated0 = threads.getThreadAllocatedBytes(thread);
				for (int i = 0; i < batch; i++) {
					sink = records.readValue(json);
				}
				long cpu1 = threads.getCurrentThreadCpuTime();
				long allocated1 = threads.getThreadAllocatedBytes(thread);
				for (int i = 0; i < batch; i++) {
					sink = tree.readValue(json);
				}
				long cpu2 = threads.getCurrentThreadCpuTime();
				long allocated2 = threads.getThreadAllocatedBytes(thread);
				for (int i = 0; i < batch; i++) {
					sink = sdkTree.readValue(json);
				}
				long cpu3 = threads.getCurrentThreadCpuTime();
				sdkTreeMicros[round] = (cpu3 - cpu2) / 1000.0 / batch;
				recordMicros[round] = (cpu1 - cpu0) / 1000.0 / batch;
				treeMicros[round] = (cpu2 - cpu1) / 1000.0 / batch;
				ratios[round] = treeMicros[round] / recordMicros[round];
				recordBytes = (allocated1 - allocated0) / batch;
				treeBytes = (allocated2 - allocated1) / batch;
			}
			Arrays.sort(ratios);
			Arrays.sort(recordMicros);
			Arrays.sort(treeMicros);
			Arrays.sort(sdkTreeMicros);
			System.out.printf(Locale.ROOT,
					"%-15s records %,9.1f us  tree %,9.1f us  speed records/tree %.2f (quartiles %.2f to %.2f)  "
							+ "B/op records %,d tree %,d  (tree via the SDK's mapper %,.1f us)%n",
					page, recordMicros[rounds / 2], treeMicros[rounds / 2], ratios[rounds / 2], ratios[rounds / 4],
					ratios[(3 * rounds) / 4], recordBytes, treeBytes, sdkTreeMicros[rounds / 2]);
		}
	}

}
