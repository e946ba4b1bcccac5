package dev.polarspring.benchmarks.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusCheck;
import dev.polarspring.benchmarks.corpus.CorpusDelivery;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.WebhookDelivery;
import dev.polarspring.client.webhook.WebhookReceiver;
import dev.polarspring.client.webhook.WebhookVector;
import dev.polarspring.client.webhook.WebhookVerifier;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying and decoding webhook deliveries, as an endpoint does for each request.
 *
 * <p>
 * With {@code deliveries=corpus}, the deliveries are the corpus's: one of every event
 * type the spec lists, every property set (6.7 KB on average), each signed with its own
 * secret. With {@code deliveries=vectors}, they are the shared vectors' valid cases of
 * about 4 KB (order.created, order.paid, order.updated, order.refunded, product.created,
 * customer.state_changed: 3.5 to 4.9 KB, 4.0 KB on average), each with its own secret and
 * the verifier's clock at the case's {@code now}. Each operation handles one delivery,
 * cycling through them. {@code verify} is the signature alone, {@code receive} the
 * signature plus decoding into the typed event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookReceiveBenchmark {

	static final List<String> TYPES = List.of("order.created", "order.paid", "order.updated", "order.refunded",
			"product.created", "customer.state_changed");

	/**
	 * The deliveries and one receiver per delivery, shared by every thread.
	 */
	@State(Scope.Benchmark)
	public static class Deliveries {

		/**
		 * {@code vectors}: the shared vectors' six valid cases; {@code corpus}: the
		 * corpus's rich delivery of every event type.
		 */
		@Param({ "vectors", "corpus" })
		public String deliveries;

		byte[][] bodies;

		Map<String, String>[] headers;

		WebhookVerifier[] verifiers;

		WebhookReceiver[] receivers;

		@Setup(Level.Trial)
		public void load() {
			if ("corpus".equals(this.deliveries)) {
				List<CorpusDelivery> corpus = Corpus.get().deliveries();
				corpus.forEach(CorpusCheck::decode);
				allocate(corpus.size());
				for (int i = 0; i < corpus.size(); i++) {
					CorpusDelivery delivery = corpus.get(i);
					add(i, delivery.bodyBytes(), delivery.headers(), delivery.secret(), delivery.clock());
				}
				return;
			}
			List<WebhookVector> vectors = WebhookVector.load()
				.stream()
				.filter((vector) -> "accepted".equals(vector.expect()) && TYPES.contains(vector.type())
						&& vector.name().endsWith(": valid"))
				.toList();
			if (vectors.size() != TYPES.size()) {
				throw new IllegalStateException("Expected one valid vector per type of " + TYPES);
			}
			allocate(vectors.size());
			for (int i = 0; i < vectors.size(); i++) {
				WebhookVector vector = vectors.get(i);
				add(i, vector.bodyBytes(), vector.headers(), vector.secret(), vector.clock());
			}
		}

		@SuppressWarnings("unchecked")
		private void allocate(int count) {
			this.bodies = new byte[count][];
			this.headers = new Map[count];
			this.verifiers = new WebhookVerifier[count];
			this.receivers = new WebhookReceiver[count];
		}

		private void add(int i, byte[] body, Map<String, String> headers, String secret, Clock clock) {
			this.bodies[i] = body;
			this.headers[i] = headers;
			this.verifiers[i] = WebhookVerifier.builder().secret(secret).clock(clock).build();
			this.receivers[i] = new WebhookReceiver(this.verifiers[i]);
		}

	}

	/**
	 * Which delivery a thread handles next.
	 */
	@State(Scope.Thread)
	public static class Cursor {

		int next;

		int advance(int count) {
			int current = this.next;
			this.next = (current + 1 == count) ? 0 : current + 1;
			return current;
		}

	}

	@Benchmark
	public PolarWebhookEvent receive(Deliveries deliveries, Cursor cursor) {
		int i = cursor.advance(deliveries.bodies.length);
		return deliveries.receivers[i].receive(deliveries.bodies[i], deliveries.headers[i]);
	}

	@Benchmark
	public WebhookDelivery verify(Deliveries deliveries, Cursor cursor) {
		int i = cursor.advance(deliveries.bodies.length);
		return deliveries.verifiers[i].verify(deliveries.bodies[i], deliveries.headers[i]);
	}

}
