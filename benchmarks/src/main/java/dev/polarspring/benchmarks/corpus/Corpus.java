package dev.polarspring.benchmarks.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.webhook.WebhookSigner;
import dev.polarspring.codegen.OpenApiSpec;

/**
 * The benchmark corpus, made from the spec copy the client is generated from: a page of
 * 100 items for each list in {@link CorpusPage}, one customer state, and one signed
 * delivery of every webhook event the spec lists. Every property is set (optional and
 * nullable ones with a value), unions cycle through all their variants, arrays hold one
 * to four items ({@link SchemaSampler}).
 *
 * <p>
 * Deterministic: each document has its own seed, so the bytes are the same on every run
 * and a change to one schema leaves the other documents as they were. Made once per JVM
 * ({@link #get()}), in about a second.
 */
public final class Corpus {

	/** The seed of the first document; the others follow. */
	static final long SEED = 14;

	/** Items in a page, as {@code limit=100} asks. */
	public static final int PAGE_SIZE = 100;

	/** Where the build puts the spec copy on the classpath. */
	static final String SPEC_RESOURCE = "/corpus/openapi.json";

	/** The first delivery's {@code webhook-timestamp}: 2026-09-21T14:30:00Z. */
	private static final long FIRST_DELIVERY = 1_790_001_000L;

	private static volatile @Nullable Corpus instance;

	private final Map<CorpusPage, JsonNode> documents = new EnumMap<>(CorpusPage.class);

	private final List<CorpusDelivery> deliveries = new ArrayList<>();

	private Corpus(OpenApiSpec spec) {
		for (CorpusPage page : CorpusPage.values()) {
			SchemaSampler sampler = new SchemaSampler(spec, new SampleValues(SEED + page.ordinal()));
			this.documents.put(page,
					page.isPage() ? sampler.components(page.itemSchema(), PAGE_SIZE, page.minimumItemBytes())
							: sampler.component(page.itemSchema()));
		}
		long seed = SEED + CorpusPage.values().length;
		for (OpenApiSpec.Webhook webhook : spec.webhooks().values()) {
			SchemaSampler sampler = new SchemaSampler(spec, new SampleValues(seed));
			this.deliveries.add(signed(webhook.type(), sampler.component(webhook.payloadSchema()), seed,
					FIRST_DELIVERY + 60 * this.deliveries.size()));
			seed++;
		}
	}

	/**
	 * Returns the corpus, made on the first call.
	 * @return the corpus
	 */
	public static Corpus get() {
		Corpus corpus = instance;
		if (corpus == null) {
			synchronized (Corpus.class) {
				corpus = instance;
				if (corpus == null) {
					corpus = generate();
					instance = corpus;
				}
			}
		}
		return corpus;
	}

	/**
	 * Makes the corpus again from the spec, as {@link #get()} does once; for a caller
	 * that must not keep it on the heap.
	 * @return a new corpus, equal to every other
	 */
	public static Corpus generate() {
		return new Corpus(readSpec());
	}

	/**
	 * Returns a document as the API answers it: a page of {@link #PAGE_SIZE} items with a
	 * pagination of one page, or the customer state.
	 * @param page the document
	 * @return the JSON bytes
	 */
	public byte[] document(CorpusPage page) {
		return page.isPage() ? page(page, 1) : PolarJson.mapper().writeValueAsBytes(this.documents.get(page));
	}

	/**
	 * Returns a page of a list that has {@code maxPage} pages of {@link #PAGE_SIZE}
	 * items, as a stub answers every page of it.
	 * @param page the list
	 * @param maxPage the number of pages the pagination reports
	 * @return the JSON bytes
	 */
	public byte[] page(CorpusPage page, int maxPage) {
		if (!page.isPage()) {
			throw new IllegalArgumentException(page + " is not a page");
		}
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.set("items", this.documents.get(page));
		json.putObject("pagination").put("total_count", (long) PAGE_SIZE * maxPage).put("max_page", maxPage);
		return PolarJson.mapper().writeValueAsBytes(json);
	}

	/**
	 * Returns one signed delivery of every webhook event type the spec lists, sorted by
	 * type.
	 * @return the deliveries
	 */
	public List<CorpusDelivery> deliveries() {
		return Collections.unmodifiableList(this.deliveries);
	}

	private static CorpusDelivery signed(String type, JsonNode payload, long seed, long timestamp) {
		SplittableRandom random = new SplittableRandom(seed);
		byte[] key = new byte[24];
		random.nextBytes(key);
		String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
		byte[] id = new byte[12];
		random.nextBytes(id);
		String webhookId = "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
		String body = PolarJson.mapper().writeValueAsString(payload);
		Map<String, String> headers = WebhookSigner.of(secret)
			.headers(webhookId, Instant.ofEpochSecond(timestamp), body.getBytes(StandardCharsets.UTF_8));
		// The verifier's clock a little after the delivery, well within the tolerance.
		return new CorpusDelivery(type, secret, headers, body, timestamp + 45);
	}

	private static OpenApiSpec readSpec() {
		try (InputStream in = Corpus.class.getResourceAsStream(SPEC_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath; the benchmarks build copies "
						+ "polar-client/src/main/openapi/openapi.json there (run the build in benchmarks/README.md)");
			}
			return OpenApiSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
