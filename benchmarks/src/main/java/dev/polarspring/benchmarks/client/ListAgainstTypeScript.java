package dev.polarspring.benchmarks.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusPage;

/**
 * The typed {@code products().list(limit 100)} against Polar's TypeScript SDK's
 * {@code polar.products.list({ limit: 100 })}, both listing the corpus's page of rich
 * products from the same stub, batch by batch: this JVM runs a batch of typed calls, then
 * asks {@code benchmarks/ts/list-bench.mjs} (started here, driven through its standard
 * input) for a batch of SDK calls, and so on, so that both see the machine at the same
 * moment. Reports the medians of each side's time a call and of the per-round ratios SDK
 * time / typed time (how many times faster the typed client is), with quartiles.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.polarspring.benchmarks.client.ListAgainstTypeScript 15 benchmarks/ts/list-bench.mjs \
 *     benchmarks/target/corpus/products-page.json /tmp/polar-ts/node_modules/@polar-sh/sdk
 * }</pre>
 *
 * The stub is the JDK's {@code HttpServer} in this JVM, or, with
 * {@code -Dstub.url=http://127.0.0.1:<port>}, one already running (such as
 * {@code benchmarks/ts/stub.mjs}). The Java client sends through Apache HttpClient, or
 * the JDK's {@code HttpClient} with {@code -Dtransport=jdk}.
 */
public final class ListAgainstTypeScript {

	private static final int BATCH = 40;

	private static final int WARMUP_BATCHES = 40;

	private ListAgainstTypeScript() {
	}

	/**
	 * Runs the measurement.
	 * @param args the number of rounds, the path of {@code list-bench.mjs}, the corpus's
	 * products page (as {@code CorpusWriter} writes it), and optionally the SDK's
	 * directory
	 * @throws Exception if Node cannot be started or fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("Usage: ListAgainstTypeScript <rounds> <list-bench.mjs> <products-page.json> [sdk dir]");
			System.exit(2);
		}
		int rounds = Integer.parseInt(args[0]);
		String transport = System.getProperty("transport", "http-components");
		String stubUrl = System.getProperty("stub.url");
		try (StubServer server = (stubUrl != null) ? null
				: StubServer.serving(Corpus.get().document(CorpusPage.PRODUCTS))) {
			String baseUrl = (server != null) ? server.baseUrl() : Objects.requireNonNull(stubUrl);
			Runnable typed = ListCalls.typedList(baseUrl, ListCalls.transport(transport));
			try (Node node = Node.start(args, baseUrl)) {
				for (int batch = 0; batch < WARMUP_BATCHES; batch++) {
					batch(typed);
				}
				double[] typedMillis = new double[rounds];
				double[] sdkMillis = new double[rounds];
				double[] ratios = new double[rounds];
				for (int round = 0; round < rounds; round++) {
					// Alternate which goes first, so that neither always follows the
					// other.
					if (round % 2 == 0) {
						typedMillis[round] = batch(typed);
						sdkMillis[round] = node.batch();
					}
					else {
						sdkMillis[round] = node.batch();
						typedMillis[round] = batch(typed);
					}
					ratios[round] = sdkMillis[round] / typedMillis[round];
				}
				System.out.printf(Locale.ROOT,
						"typed (%s) %s ms a call, @polar-sh/sdk %s ms a call; typed speed / SDK's: %s, %d rounds "
								+ "of %d calls each%n",
						transport, ListCalls.quartiles(typedMillis), ListCalls.quartiles(sdkMillis),
						ListCalls.quartiles(ratios), rounds, BATCH);
			}
		}
	}

	/**
	 * Makes a batch of typed calls.
	 * @return the milliseconds a call
	 */
	private static double batch(Runnable call) {
		long start = System.nanoTime();
		for (int i = 0; i < BATCH; i++) {
			call.run();
		}
		return (System.nanoTime() - start) / 1e6 / BATCH;
	}

	/**
	 * {@code list-bench.mjs} in its batch mode: warmed up, then one batch of SDK calls
	 * for each line it reads.
	 */
	private static final class Node implements AutoCloseable {

		private final Process process;

		private final BufferedReader output;

		private final Writer input;

		private Node(Process process) {
			this.process = process;
			this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		}

		static Node start(String[] args, String baseUrl) throws IOException {
			List<String> command = new ArrayList<>(List.of("node", args[1], args[2]));
			if (args.length > 3) {
				command.add(args[3]);
			}
			ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
			builder.environment().put("STUB_URL", baseUrl);
			builder.environment().put("BATCHES_FROM_STDIN", Integer.toString(BATCH));
			Node node = new Node(builder.start());
			String ready = node.output.readLine();
			if (!"ready".equals(ready)) {
				node.close();
				throw new IllegalStateException("list-bench.mjs did not get ready; it printed: " + ready);
			}
			return node;
		}

		/**
		 * Asks for a batch of SDK calls.
		 * @return the milliseconds a call
		 */
		double batch() throws IOException {
			this.input.write('\n');
			this.input.flush();
			String line = this.output.readLine();
			if (line == null) {
				throw new IllegalStateException("list-bench.mjs ended before answering a batch");
			}
			return Double.parseDouble(line.trim());
		}

		@Override
		public void close() throws IOException {
			this.input.close();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroy();
			}
		}

	}

}
