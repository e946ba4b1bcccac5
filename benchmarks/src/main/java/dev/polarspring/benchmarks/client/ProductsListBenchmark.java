package dev.polarspring.benchmarks.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusPage;
import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.PolarClientSettings;
import dev.polarspring.client.RequestFactoryProvider;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.resource.ProductsListParams;

/**
 * Listing a page of 100 products from a stub server on the loopback interface: the typed
 * client ({@code polar.products().list(...)}, decoding into the generated records)
 * against the floor, the same {@link RestClient} call over the same request factory
 * decoding into a Jackson {@link JsonNode}. The difference is what the client adds:
 * building the request, auth and version headers, retry bookkeeping, logging checks and
 * typed decoding.
 *
 * <p>
 * The stub answers every request with the same page of 100 products, by {@code page}:
 * {@code simple}, products shaped like Polar's, each with a fixed price, a custom benefit
 * and metadata (about 1.4 KB a product, 138 KB in all); {@code corpus}, the corpus's rich
 * products (every property set, one to four prices and benefits of every kind, medias,
 * custom fields; at least 4 KB each). Both send through one transport, by
 * {@code transport}: {@code jdk}, the JDK's {@code HttpClient} (the client's default), or
 * {@code http-components}, Apache HttpClient 5
 * ({@link RequestFactoryProvider#httpComponents()}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProductsListBenchmark {

	private static final String TOKEN = "polar_oat_BenchmarkToken";

	/**
	 * The stub server, the typed client and the floor's {@link RestClient}, shared by
	 * every thread.
	 */
	@State(Scope.Benchmark)
	public static class Stub {

		/**
		 * {@code simple}: the 138 KB page below; {@code corpus}: the corpus's page of
		 * rich products ({@link CorpusPage#PRODUCTS}).
		 */
		@Param({ "simple", "corpus" })
		public String page;

		/**
		 * {@code jdk}: {@link RequestFactoryProvider#jdk()}; {@code http-components}:
		 * {@link RequestFactoryProvider#httpComponents()}.
		 */
		@Param({ "jdk", "http-components" })
		public String transport;

		StubServer server;

		PolarClient polar;

		ProductsListParams params;

		RestClient restClient;

		@Setup(Level.Trial)
		public void start() {
			byte[] page = "corpus".equals(this.page) ? Corpus.get().document(CorpusPage.PRODUCTS)
					: productPage(100).getBytes(StandardCharsets.UTF_8);
			this.server = StubServer.serving(page);
			String baseUrl = this.server.baseUrl();
			RequestFactoryProvider transport = ListCalls.transport(this.transport);
			this.polar = PolarClient.builder().accessToken(TOKEN).baseUrl(baseUrl).requestFactory(transport).build();
			this.params = ProductsListParams.builder().limit(100).build();
			// The floor sends the same request over the same kind of request factory as
			// the client.
			this.restClient = RestClient.builder()
				.baseUrl(baseUrl)
				.requestFactory(transport.requestFactory(PolarClientSettings.DEFAULT_CONNECT_TIMEOUT,
						PolarClientSettings.DEFAULT_READ_TIMEOUT))
				.defaultHeader("Polar-Version", PolarClientSettings.DEFAULT_API_VERSION)
				.defaultHeader("User-Agent", "polar-spring-boot-benchmark")
				.defaultHeader("Authorization", "Bearer " + TOKEN)
				.build();
			int typed = this.polar.products().list(this.params).items().size();
			int floor = floor(this).path("items").size();
			if (typed != 100 || floor != 100) {
				throw new IllegalStateException("The stub's page should hold 100 products; the client read " + typed
						+ " and the floor " + floor);
			}
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.server.close();
		}

	}

	@Benchmark
	public Page<Product> typedClient(Stub stub) {
		return stub.polar.products().list(stub.params);
	}

	@Benchmark
	public JsonNode restClientJsonNode(Stub stub) {
		return floor(stub);
	}

	private static JsonNode floor(Stub stub) {
		JsonNode page = stub.restClient.get().uri("/v1/products/?limit=100").retrieve().body(JsonNode.class);
		// The typed client refuses a page without a body too (PolarDecodingException).
		return Objects.requireNonNull(page, "GET /v1/products/ answered without a body");
	}

	/**
	 * Returns a page of products shaped like Polar's answer to {@code GET /v1/products/}.
	 * @param count the number of products
	 * @return the JSON text
	 */
	static String productPage(int count) {
		StringJoiner items = new StringJoiner(",\n", "{\"items\": [\n", "],\n");
		for (int i = 0; i < count; i++) {
			items.add(product(i));
		}
		return items + "\"pagination\": {\"total_count\": " + count + ", \"max_page\": 1}}";
	}

	private static String product(int index) {
		String id = String.format("4f8c1e2a-7b3d-4c5e-9a10-%012d", index);
		return """
				{"id": "%1$s", "created_at": "2026-01-%2$02dT03:04:05.123456Z", "modified_at": "2026-02-01T10:00:00Z",
				 "trial_interval": null, "trial_interval_count": null, "name": "Plan %3$d",
				 "description": "Everything in plan %3$d, billed monthly, with priority support.", "visibility": "public",
				 "recurring_interval": "month", "recurring_interval_count": 1, "meter_interval": null,
				 "meter_interval_count": null, "is_recurring": true, "is_archived": false,
				 "organization_id": "0b5a2f6e-6d7c-4a59-9a43-6b0a5f0f1c11", "metadata": {"tier": "pro", "seats": %3$d},
				 "prices": [{"created_at": "2026-01-02T03:04:05Z", "modified_at": null,
				   "id": "9d1e7f3a-2b4c-4d6e-8f10-%4$012d", "source": "catalog", "amount_type": "fixed",
				   "price_currency": "usd", "tax_behavior": "exclusive", "is_archived": false, "product_id": "%1$s",
				   "price_amount": %5$d}],
				 "benefits": [{"id": "c3a9b8e7-1d2f-4a6b-8c0d-%4$012d", "created_at": "2026-01-02T03:04:05Z",
				   "modified_at": null, "type": "custom", "description": "Priority support", "selectable": true,
				   "deletable": true, "is_deleted": false, "organization_id": "0b5a2f6e-6d7c-4a59-9a43-6b0a5f0f1c11",
				   "metadata": {}, "visibility": "public", "properties": {"note": "Write to support@example.com"},
				   "visibility_configurable": true}],
				 "medias": [], "attached_custom_fields": []}"""
			.formatted(id, 1 + index % 28, index, index, 900 + index * 100);
	}

}
