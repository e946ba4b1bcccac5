package dev.polarspring.benchmarks.metering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Polar's {@code POST /v1/events/ingest} on the loopback interface: reads the whole body,
 * counts its events and answers {@code {"inserted": n, "duplicates": 0}} as Polar does,
 * counting what it took. After {@link #stall()} it holds every answer until
 * {@link #release()}, so the sender sits in its first request and recording is measured
 * alone.
 *
 * <p>
 * The events are counted by their {@code "external_id"} properties, which the sender
 * writes once per event, instead of by parsing the body: the stub shares the machine's
 * cores with the code it measures.
 */
final class IngestStub implements AutoCloseable {

	static {
		// The JDK's server writes the headers and the body of an answer apart; with
		// Nagle's algorithm the body then waits for the client's delayed ACK (40 ms on
		// Linux), which would make every ingest take 40 ms. Read once, before the first
		// server starts.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final byte[] EXTERNAL_ID = "\"external_id\"".getBytes(StandardCharsets.US_ASCII);

	private final HttpServer server;

	private final ExecutorService executor;

	private final AtomicLong inserted = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	// Each request waits for the gate open when it arrived; stall() puts up a new one.
	private volatile CountDownLatch gate = new CountDownLatch(0);

	private IngestStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Two threads: a held answer must not keep the stub from answering the next
		// connection (the sender opens one after a timeout).
		this.executor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "ingest-stub");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/events/ingest", this::ingest);
		this.server.start();
	}

	/**
	 * Starts a stub that answers each ingest at once.
	 * @return the running stub
	 */
	static IngestStub start() {
		return new IngestStub();
	}

	/**
	 * Holds the answer of every request from now on, until {@link #release()}.
	 */
	void stall() {
		this.gate = new CountDownLatch(1);
	}

	private void ingest(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		try {
			this.gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		long events = count(body);
		this.inserted.addAndGet(events);
		this.requests.incrementAndGet();
		byte[] answer = ("{\"inserted\":" + events + ",\"duplicates\":0}").getBytes(StandardCharsets.US_ASCII);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private static long count(byte[] body) {
		long count = 0;
		outer: for (int i = 0; i <= body.length - EXTERNAL_ID.length; i++) {
			for (int j = 0; j < EXTERNAL_ID.length; j++) {
				if (body[i + j] != EXTERNAL_ID[j]) {
					continue outer;
				}
			}
			count++;
			i += EXTERNAL_ID.length - 1;
		}
		return count;
	}

	/**
	 * Answers the held requests and every later one at once.
	 */
	void release() {
		this.gate.countDown();
	}

	/**
	 * Returns the events taken so far.
	 * @return the sum of the {@code inserted} answered
	 */
	long inserted() {
		return this.inserted.get();
	}

	/**
	 * Returns the ingest requests answered so far.
	 * @return the number of requests
	 */
	long requests() {
		return this.requests.get();
	}

	/**
	 * Returns the URL the stub answers on.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	String baseUrl() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
