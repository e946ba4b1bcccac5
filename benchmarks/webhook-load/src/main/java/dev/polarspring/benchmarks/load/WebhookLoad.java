package dev.polarspring.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.polarspring.client.webhook.WebhookSigner;
import dev.polarspring.client.webhook.WebhookVector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Posts signed deliveries to the starter's webhook endpoint on a real port from many
 * connections at once, and reports how fast they were answered and whether each was
 * dispatched exactly once.
 *
 * <p>
 * Each run starts the application in one mode ({@code inline}, {@code durable-h2} or
 * {@code durable-postgres}, the last on an embedded PostgreSQL), warms it up with
 * deliveries that are not counted, then posts {@code deliveries} deliveries with unique
 * {@code webhook-id}s of which a fraction ({@code duplicates}) is posted a second time,
 * all shuffled, from {@code connections} threads each with its connection. The listener
 * takes {@code listener} per delivery. Once every answer is in, it waits for the workers
 * to dispatch everything (durable), then counts how often each id reached the listener.
 *
 * <pre class="code">
 * java -cp benchmarks/webhook-load/target/classes:$(cat benchmarks/webhook-load/target/classpath.txt) \
 *     dev.polarspring.benchmarks.load.WebhookLoad durable-postgres
 * </pre> Options follow the mode as {@code name=value}: {@code deliveries=5000},
 * {@code duplicates=0.2}, {@code connections=64}, {@code listener=50} (milliseconds),
 * {@code workers=16} (durable), {@code warmup=1000}.
 */
public final class WebhookLoad {

	private static final String SECRET = "whsec_bG9hZC10ZXN0LXNlY3JldC1mb3ItcG9sYXItc3ByaW5nLWJvb3Q=";

	private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

	private final Map<String, String> options;

	private final String mode;

	private WebhookLoad(String mode, Map<String, String> options) {
		this.mode = mode;
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !List.of("inline", "durable-h2", "durable-postgres").contains(args[0])) {
			System.err.println("Usage: WebhookLoad inline|durable-h2|durable-postgres [deliveries=5000] "
					+ "[duplicates=0.2] [connections=64] [listener=50] [workers=16] [warmup=1000]");
			System.exit(2);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
			int equals = arg.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("Options are name=value, not " + arg);
			}
			options.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		new WebhookLoad(args[0], options).run();
		System.exit(0);
	}

	private int option(String name, int defaultValue) {
		return Integer.parseInt(this.options.getOrDefault(name, String.valueOf(defaultValue)));
	}

	private void run() throws Exception {
		int deliveries = option("deliveries", 5000);
		double duplicates = Double.parseDouble(this.options.getOrDefault("duplicates", "0.2"));
		int connections = option("connections", 64);
		Duration listenerTime = Duration.ofMillis(option("listener", 50));
		int workers = option("workers", 16);
		int warmup = option("warmup", 1000);
		@Nullable EmbeddedPostgres postgres = this.mode.equals("durable-postgres") ? EmbeddedPostgres.builder().start() : null;
		try (ConfigurableApplicationContext application = start(postgres, workers)) {
			int port = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			SlowListener listener = application.getBean(SlowListener.class);
			listener.takes(listenerTime);
			String load = loadAverage();
			// Warm-up: the same paths, JIT-compiled before anything is measured.
			send(port, plan(warmup, 0, new Random(1)), connections);
			awaitDispatched(listener, warmup);
			listener.reset();

			List<Delivery> plan = plan(deliveries, duplicates, new Random(42));
			long started = System.nanoTime();
			Answers answers = send(port, plan, connections);
			long answered = System.nanoTime();
			Duration drained = awaitDispatched(listener, deliveries);
			// Late duplicates would show up now.
			Thread.sleep(1000);
			report(plan, answers, Duration.ofNanos(answered - started), drained, listener, connections, listenerTime,
					workers, load + " -> " + loadAverage());
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private ConfigurableApplicationContext start(@Nullable EmbeddedPostgres postgres, int workers) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "polar.webhook.secret=" + SECRET,
				"spring.main.banner-mode=off", "polar.webhook.inbox.workers=" + workers));
		switch (this.mode) {
			case "inline" -> properties.add("polar.webhook.processing=inline");
			case "durable-h2" -> properties.addAll(List.of("polar.webhook.processing=durable",
					"spring.datasource.url=jdbc:h2:mem:webhook-load;DB_CLOSE_DELAY=-1"));
			default -> properties.addAll(
					List.of("polar.webhook.processing=durable", "polar.webhook.inbox.initialize-schema=always",
							"spring.datasource.url=" + Objects
								.requireNonNull(postgres, "durable-postgres runs on the embedded PostgreSQL")
								.getJdbcUrl("postgres", "postgres")));
		}
		return new SpringApplicationBuilder(LoadApplication.class).properties(properties.toArray(String[]::new)).run();
	}

	/**
	 * Unique deliveries, a fraction of them twice, shuffled: the order they are posted
	 * in.
	 */
	private static List<Delivery> plan(int count, double duplicates, Random random) {
		List<byte[]> bodies = WebhookVector.load()
			.stream()
			.filter((vector) -> vector.name().endsWith(": valid"))
			.map(WebhookVector::bodyBytes)
			.toList();
		WebhookSigner signer = WebhookSigner.of(SECRET);
		List<Delivery> plan = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
			byte[] body = bodies.get(i % bodies.size());
			Delivery delivery = new Delivery(id, body, signer.headers(id, Instant.now(), body));
			plan.add(delivery);
			if (i < count * duplicates) {
				plan.add(delivery);
			}
		}
		Collections.shuffle(plan, random);
		return plan;
	}

	private static Answers send(int port, List<Delivery> plan, int connections) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://localhost:" + port + "/polar/webhooks");
		long[] latencies = new long[plan.size()];
		int[] statuses = new int[plan.size()];
		AtomicInteger next = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(connections);
		for (int t = 0; t < connections; t++) {
			threads.execute(() -> {
				for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
					Delivery delivery = plan.get(i);
					HttpRequest.Builder request = HttpRequest.newBuilder(uri)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
					delivery.headers().forEach(request::header);
					long started = System.nanoTime();
					try {
						statuses[i] = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (IOException ex) {
						statuses[i] = -1;
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					latencies[i] = System.nanoTime() - started;
				}
			});
		}
		threads.shutdown();
		if (!threads.awaitTermination(30, TimeUnit.MINUTES)) {
			throw new IllegalStateException("The deliveries were not all answered within 30 minutes");
		}
		return new Answers(latencies, statuses);
	}

	private static Duration awaitDispatched(SlowListener listener, int distinct) throws InterruptedException {
		long started = System.nanoTime();
		while (listener.dispatches().size() < distinct) {
			if (System.nanoTime() - started > DRAIN_LIMIT.toNanos()) {
				break;
			}
			Thread.sleep(20);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private void report(List<Delivery> plan, Answers answers, Duration sending, Duration drained, SlowListener listener,
			int connections, Duration listenerTime, int workers, String load) {
		long[] sorted = answers.latencies().clone();
		Arrays.sort(sorted);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int status : answers.statuses()) {
			statuses.merge(status, 1, Integer::sum);
		}
		long distinct = plan.stream().map(Delivery::id).distinct().count();
		int once = 0;
		int twice = 0;
		for (Delivery delivery : plan.stream().distinct().toList()) {
			AtomicInteger count = listener.dispatches().get(delivery.id());
			if (count != null && count.get() == 1) {
				once++;
			}
			else if (count != null && count.get() > 1) {
				twice++;
			}
		}
		long never = distinct - once - twice;
		System.out.printf("mode=%s requests=%d distinct=%d connections=%d listener=%dms%s%n", this.mode, plan.size(),
				distinct, connections, listenerTime.toMillis(),
				this.mode.startsWith("durable") ? " workers=" + workers : "");
		System.out.printf(
				"answered in %.2f s: %.0f requests/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; " + "answers %s%n",
				sending.toNanos() / 1e9, plan.size() / (sending.toNanos() / 1e9), percentile(sorted, 0.50),
				percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, statuses);
		System.out.printf(
				"dispatched: %d exactly once, %d more than once, %d never (%d dispatches); "
						+ "all dispatched %.2f s after the last answer%n",
				once, twice, never, listener.total(), drained.toNanos() / 1e9);
		System.out.printf("load average %s%n", load);
		System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %.1f | %s | %d / %d / %d | %.1f s | %s |%n", this.mode,
				plan.size(), plan.size() / (sending.toNanos() / 1e9), percentile(sorted, 0.50),
				percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, statuses, once, twice, never,
				(sending.toNanos() + drained.toNanos()) / 1e9, load);
	}

	private static double percentile(long[] sorted, double fraction) {
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	private record Delivery(String id, byte[] body, Map<String, String> headers) {
	}

	private record Answers(long[] latencies, int[] statuses) {
	}

}
