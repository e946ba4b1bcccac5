package dev.polarspring.benchmarks.client;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusPage;
import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RequestFactoryProvider;

/**
 * The ratio {@link ProductsListBenchmark} measures, for a machine other processes share:
 * the typed {@code products().list(limit 100)} and the floor (the same request through a
 * {@link RestClient} decoded into a {@link JsonNode}) list the corpus's page of rich
 * products from a loopback stub in alternating batches of calls in one JVM, so that both
 * see the same machine at the same time (JMH runs them minutes apart, in separate forks).
 * Each batch is timed by the clock and by the calling thread's CPU time; the medians of
 * both, and of the per-round ratios floor time / typed time (the typed client's speed as
 * a fraction of the floor's), are reported with their quartiles, for each transport.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     dev.polarspring.benchmarks.client.ProductsListCpuTime 15 jdk http-components
 * }</pre>
 *
 * With {@code -Dstub.url=http://127.0.0.1:<port>} the calls go to a stub already running
 * ({@link StubServer#main}, or {@code benchmarks/ts/stub.mjs}) instead of one started
 * here, so that Polar's TypeScript SDK ({@code STUB_URL=... node list-bench.mjs}) can be
 * timed against the same server; the stub must answer with the corpus's products page.
 */
public final class ProductsListCpuTime {

	private static final int BATCH = 40;

	private static final int WARMUP_ROUNDS = 40;

	private ProductsListCpuTime() {
	}

	/**
	 * Runs the measurement.
	 * @param args the number of rounds, then the transports ({@code jdk},
	 * {@code http-components}; both if none is named)
	 */
	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		String[] transports = (args.length > 1) ? Arrays.copyOfRange(args, 1, args.length)
				: new String[] { "jdk", "http-components" };
		String stubUrl = System.getProperty("stub.url");
		try (StubServer server = (stubUrl != null) ? null
				: StubServer.serving(Corpus.get().document(CorpusPage.PRODUCTS))) {
			String baseUrl = (server != null) ? server.baseUrl() : Objects.requireNonNull(stubUrl);
			for (String transport : transports) {
				measure(baseUrl, transport, ListCalls.transport(transport), rounds);
			}
		}
	}

	private static void measure(String baseUrl, String transport, RequestFactoryProvider provider, int rounds) {
		Runnable typed = ListCalls.typedList(baseUrl, provider);
		// The floor sends the same request over the same kind of request factory.
		RestClient restClient = RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(provider.requestFactory(PolarClientSettings.DEFAULT_CONNECT_TIMEOUT,
					PolarClientSettings.DEFAULT_READ_TIMEOUT))
			.defaultHeader("Polar-Version", PolarClientSettings.DEFAULT_API_VERSION)
			.defaultHeader("Authorization", "Bearer " + ListCalls.TOKEN)
			.build();
		Runnable floor = () -> ListCalls.consume(
				Objects.requireNonNull(restClient.get().uri("/v1/products/?limit=100").retrieve().body(JsonNode.class),
						"GET /v1/products/ answered without a body"));
		for (int round = 0; round < WARMUP_ROUNDS; round++) {
			batch(typed);
			batch(floor);
		}
		double[] typedWall = new double[rounds];
		double[] typedCpu = new double[rounds];
		double[] floorWall = new double[rounds];
		double[] floorCpu = new double[rounds];
		double[] wallRatios = new double[rounds];
		double[] cpuRatios = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			// Alternate which goes first, so that neither always follows the other.
			boolean typedFirst = round % 2 == 0;
			double[] first = batch(typedFirst ? typed : floor);
			double[] second = batch(typedFirst ? floor : typed);
			double[] typedTimes = typedFirst ? first : second;
			double[] floorTimes = typedFirst ? second : first;
			typedWall[round] = typedTimes[0];
			typedCpu[round] = typedTimes[1];
			floorWall[round] = floorTimes[0];
			floorCpu[round] = floorTimes[1];
			wallRatios[round] = floorTimes[0] / typedTimes[0];
			cpuRatios[round] = floorTimes[1] / typedTimes[1];
		}
		System.out.printf(Locale.ROOT,
				"%s: typed %s ms a call (CPU %s), floor %s ms (CPU %s); typed speed / floor: %s by the clock, %s by "
						+ "CPU time%n",
				transport, ListCalls.median(typedWall), ListCalls.median(typedCpu), ListCalls.median(floorWall),
				ListCalls.median(floorCpu), ListCalls.quartiles(wallRatios), ListCalls.quartiles(cpuRatios));
	}

	/**
	 * Makes a batch of calls.
	 * @return the wall time and the thread's CPU time of one call, in milliseconds
	 */
	private static double[] batch(Runnable call) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		for (int i = 0; i < BATCH; i++) {
			call.run();
		}
		long wall = System.nanoTime() - start;
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		return new double[] { wall / 1e6 / BATCH, cpu / 1e6 / BATCH };
	}

}
