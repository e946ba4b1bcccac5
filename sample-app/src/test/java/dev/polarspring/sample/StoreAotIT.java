package dev.polarspring.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar the build leaves in {@code target}, processed by Spring AOT, starts with
 * {@code -Dspring.aot.enabled=true} and serves the store offline: the catalog from the
 * fake Polar, a purchase paid on the fake's checkout, the webhooks stored in the durable
 * inbox and processed by its workers.
 *
 * <p>
 * Run by failsafe after {@code package}; the jar's path comes from the build
 * ({@code store.jar}). The store runs in its own process, on a free port, without network
 * and without a Polar token, and is stopped after the tests.
 */
class StoreAotIT {

	private static final Pattern READY = Pattern.compile("Offline store ready: open http://localhost:(\\d+)/");

	private static final List<String> output = Collections.synchronizedList(new ArrayList<>());

	private static Process store;

	private static int port;

	@BeforeAll
	static void startTheJar() throws Exception {
		Path jar = Path.of(System.getProperty("store.jar", "target/sample-app.jar"));
		try (JarFile file = new JarFile(jar.toFile())) {
			assertThat(file.getEntry(
					"BOOT-INF/classes/dev/polarspring/sample/SampleApplication__ApplicationContextInitializer.class"))
				.as("the application context initializer Spring AOT generates, in %s", jar)
				.isNotNull();
		}
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0")
			.redirectErrorStream(true);
		// Offline mode, whatever the machine running the build has set.
		builder.environment().remove("POLAR_ACCESS_TOKEN");
		builder.environment().remove("POLAR_WEBHOOK_SECRET");
		store = builder.start();
		port = readyPort(store);
	}

	/**
	 * Reads the store's output until it says it is ready, and keeps reading it (for the
	 * failure messages) so the process never blocks on a full pipe.
	 */
	private static int readyPort(Process process) throws Exception {
		CompletableFuture<Integer> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					output.add(line);
					Matcher matcher = READY.matcher(line);
					if (matcher.find()) {
						ready.complete(Integer.parseInt(matcher.group(1)));
					}
				}
			}
			catch (IOException ex) {
				ready.completeExceptionally(ex);
			}
			ready.completeExceptionally(new IllegalStateException("The store exited before it was ready"));
		}, "store-output");
		reader.setDaemon(true);
		reader.start();
		try {
			return ready.get(120, TimeUnit.SECONDS);
		}
		catch (TimeoutException | java.util.concurrent.ExecutionException ex) {
			throw new AssertionError("The store did not start in AOT mode:\n" + String.join("\n", output), ex);
		}
	}

	@AfterAll
	static void stopTheStore() throws InterruptedException {
		if (store == null) {
			return;
		}
		store.destroy();
		if (!store.waitFor(30, TimeUnit.SECONDS)) {
			store.descendants().forEach(ProcessHandle::destroyForcibly);
			store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void theStoreRunsTheAheadOfTimeProcessedContext() {
		assertThat(output).anyMatch((line) -> line.contains("Starting AOT-processed SampleApplication"));
	}

	@Test
	void webhooksAreProcessedDurably() {
		assertThat(output).anyMatch((line) -> line.contains("/polar/webhooks") && line.contains("durable inbox"));
	}

	@Test
	void theCatalogComesFromTheFakePolar() {
		StoreVisitor.Page catalog = new StoreVisitor(port).get("/");
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(catalog.body()).contains("<h2>Starter Kit</h2>", "$19.00", "<h2>Pro Plan</h2>", "$9.00 / month",
				"Offline mode");
		assertThat(new StoreVisitor(port).get("/style.css").status()).isEqualTo(200);
	}

	@Test
	void aPurchaseIsPaidAndItsWebhooksGrantAccess() {
		StoreVisitor visitor = new StoreVisitor(port);
		assertThat(visitor.get("/").body()).contains("href=\"/polar/checkout?products=pro\"");
		StoreVisitor.Page success = visitor.buyAndPay("pro", "ada@example.com");
		assertThat(success.text("confirmation")).isEqualTo("Your payment for Pro Plan went through.");
		// Durable processing: the webhooks are dispatched a moment after they were
		// answered.
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			StoreVisitor.Page account = visitor.get("/account");
			assertThat(account.status()).isEqualTo(200);
			assertThat(account.text("owned")).contains("Pro Plan Subscription Active, renews", "Pro member area");
			assertThat(account.text("webhooks")).contains("order.paid msg_", "The order for Pro Plan was paid: $9.00.");
		});
	}

	@Test
	void aDownloadIsMeteredThroughPolarUsage() {
		StoreVisitor visitor = new StoreVisitor(port);
		visitor.get("/account");
		visitor.buyAndPay("starter", "ada@example.com");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(visitor.get("/account").body()).contains("id=\"download\""));
		assertThat(visitor.post("/downloads/starter-kit").status()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(visitor.get("/account").text("usage"))
				.contains("Downloads : 1 this billing period"));
	}

}
