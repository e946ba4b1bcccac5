package dev.polarspring.benchmarks.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.Product;

/**
 * Decoding alone: the body {@link ProductsListBenchmark}'s stub answers (100 products,
 * 138 KB), read by the SDK's mapper into the generated records and into a
 * {@link JsonNode} tree. Without the HTTP exchange and the stub server's thread, it
 * varies less on a busy machine and shows what a change to decoding is worth.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ProductsDecodeBenchmark {

	private final byte[] page = ProductsListBenchmark.productPage(100).getBytes(StandardCharsets.UTF_8);

	private final ObjectReader typed = PolarJson.mapper().readerFor(ProductPage.class);

	private final ObjectReader tree = PolarJson.mapper().readerFor(JsonNode.class);

	@Benchmark
	public ProductPage records() {
		return this.typed.readValue(this.page);
	}

	@Benchmark
	public JsonNode jsonNode() {
		return this.tree.readValue(this.page);
	}

	/**
	 * The items of a page, as the client's own page response reads them.
	 *
	 * @param items the products
	 */
	public record ProductPage(@JsonProperty("items") List<Product> items) {
	}

}
