package dev.polarspring.benchmarks.client;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusCheck;
import dev.polarspring.benchmarks.corpus.CorpusPage;
import dev.polarspring.client.core.PolarJson;

/**
 * Decoding alone, on every document of the corpus: the bytes read by the SDK's mapper
 * into the generated records ({@code records}, as the typed client reads an answer), and
 * into a {@link JsonNode} tree by a default Jackson {@link JsonMapper} ({@code jsonNode},
 * the floor: what an application reading Polar's JSON by hand would do). A typed reader
 * that knows the schema should be at least as fast as the tree and allocate less; run
 * with {@code -prof gc} to see the allocation per document.
 *
 * <p>
 * {@code jsonNodeSdkMapper} reads the tree through the SDK's mapper, whose parser turns
 * plain ASCII strings into {@code String}s from their bytes: it shows how much of a gain
 * is the parser's, which every reader through that mapper shares.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CorpusDecodeBenchmark {

	/**
	 * Which document: a page of 100 products, orders, subscriptions or customers, or one
	 * customer state.
	 */
	@Param({ "PRODUCTS", "ORDERS", "SUBSCRIPTIONS", "CUSTOMERS", "CUSTOMER_STATE" })
	public CorpusPage document;

	private byte[] json;

	private ObjectReader typed;

	private ObjectReader tree;

	private ObjectReader sdkTree;

	@Setup
	public void load() {
		this.json = Corpus.get().document(this.document);
		// Measure only what decodes into known variants and round-trips.
		CorpusCheck.decode(this.document, this.json);
		this.typed = PolarJson.mapper().readerFor(this.document.recordType());
		this.tree = JsonMapper.builder().build().readerFor(JsonNode.class);
		this.sdkTree = PolarJson.mapper().readerFor(JsonNode.class);
	}

	@Benchmark
	public Object records() {
		return this.typed.readValue(this.json);
	}

	@Benchmark
	public JsonNode jsonNode() {
		return this.tree.readValue(this.json);
	}

	@Benchmark
	public JsonNode jsonNodeSdkMapper() {
		return this.sdkTree.readValue(this.json);
	}

}
