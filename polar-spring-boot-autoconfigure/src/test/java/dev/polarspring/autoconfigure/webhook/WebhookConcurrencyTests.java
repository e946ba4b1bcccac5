package dev.polarspring.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 deliveries, 20% of them duplicates, posted by 16 threads at once to a real port:
 * every distinct delivery reaches the listeners exactly once. The subclasses run it with
 * each deduplication store.
 */
abstract class WebhookConcurrencyTests {

	private static final int DISTINCT = 800;

	private static final int DUPLICATES = 200;

	private static final int THREADS = 16;

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	DispatchCounter counter;

	@Test
	void dispatchesEachDistinctDeliveryOnce() throws Exception {
		Random random = new Random(42);
		List<byte[]> bodies = List.of(TestDeliveries.body("order.paid"), TestDeliveries.body("subscription.created"),
				TestDeliveries.body("checkout.updated"));
		List<Delivery> distinct = new ArrayList<>();
		for (int i = 0; i < DISTINCT; i++) {
			byte[] body = bodies.get(i % bodies.size());
			distinct.add(new Delivery(body, TestDeliveries.signed(body)));
		}
		List<Delivery> deliveries = new ArrayList<>(distinct);
		for (int i = 0; i < DUPLICATES; i++) {
			deliveries.add(distinct.get(random.nextInt(DISTINCT)));
		}
		Collections.shuffle(deliveries, random);

		List<Integer> statuses = postAll(deliveries);
		assertThat(statuses).hasSize(DISTINCT + DUPLICATES).allSatisfy((status) -> assertThat(status).isIn(202, 409));
		assertThat(statuses.stream().filter((status) -> status == 409).count()).isLessThanOrEqualTo(DUPLICATES);

		// A 409 asks Polar to try again later; by then the delivery is done and not
		// dispatched again.
		List<Delivery> retried = new ArrayList<>();
		for (int i = 0; i < deliveries.size(); i++) {
			if (statuses.get(i) == 409) {
				retried.add(deliveries.get(i));
			}
		}
		assertThat(postAll(retried)).allSatisfy((status) -> assertThat(status).isEqualTo(202));

		assertThat(this.counter.counts()).hasSize(DISTINCT);
		assertThat(this.counter.counts().values()).allSatisfy((count) -> assertThat(count.get()).isEqualTo(1));
		for (Delivery delivery : distinct) {
			assertThat(this.counter.counts()).containsKey(delivery.headers().get("webhook-id"));
		}
	}

	private List<Integer> postAll(List<Delivery> deliveries) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (Delivery delivery : deliveries) {
				answers.add(executor.submit(() -> post(delivery)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private int post(Delivery delivery) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/polar/webhooks"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
		delivery.headers().forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	record Delivery(byte[] body, Map<String, String> headers) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ConcurrencyApplication {

		@Bean
		DispatchCounter dispatchCounter() {
			return new DispatchCounter();
		}

	}

	static class DispatchCounter {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		@EventListener
		void on(PolarWebhookEvent event) throws InterruptedException {
			this.counts.computeIfAbsent(event.delivery().id(), (id) -> new AtomicInteger()).incrementAndGet();
			// Holding the delivery a moment lets its duplicates arrive while it is in
			// progress.
			Thread.sleep(2);
		}

		Map<String, AtomicInteger> counts() {
			return this.counts;
		}

	}

}
