package dev.polarspring.benchmarks.client;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusPage;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.ProductsListParams;

/**
 * The auto-pager walking 100,000 rich products: 1,000 pages of 100 from a stub on the
 * loopback interface, in a JVM whose heap is capped at 64 MB. The pages decoded in one
 * walk add up to far more than the heap (each page is over 700 KB of JSON), so the walk
 * only completes if the pager keeps one page at a time. Each operation is one whole walk.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@State(Scope.Benchmark)
public class AutoPagerBenchmark {

	static final int PAGES = 1_000;

	private StubServer server;

	private PolarClient polar;

	private ProductsListParams params;

	@Setup(Level.Trial)
	public void start() {
		long maxHeap = Runtime.getRuntime().maxMemory();
		if (maxHeap > 64L * 1024 * 1024) {
			throw new IllegalStateException("Run with -Xmx64m (JMH forks with it); the heap is " + maxHeap + " bytes");
		}
		// A corpus made for this fork alone, so that nothing but this page stays on the
		// heap.
		this.server = StubServer.serving(Corpus.generate().page(CorpusPage.PRODUCTS, PAGES));
		this.polar = PolarClient.builder()
			.accessToken("polar_oat_BenchmarkToken")
			.baseUrl(this.server.baseUrl())
			.build();
		this.params = ProductsListParams.builder().limit(Corpus.PAGE_SIZE).build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.server.close();
	}

	@Benchmark
	public long walk() {
		long count = 0;
		for (Product product : this.polar.products().list(this.params).autoPager()) {
			count += (product.prices().isEmpty()) ? 0 : 1;
		}
		if (count != (long) PAGES * Corpus.PAGE_SIZE) {
			throw new IllegalStateException(
					"The walk read " + count + " products with prices, expected " + (long) PAGES * Corpus.PAGE_SIZE);
		}
		return count;
	}

}
