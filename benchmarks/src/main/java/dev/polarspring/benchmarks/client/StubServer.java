package dev.polarspring.benchmarks.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

import dev.polarspring.benchmarks.corpus.Corpus;
import dev.polarspring.benchmarks.corpus.CorpusPage;

/**
 * A server on the loopback interface that answers every request with the same JSON body,
 * standing in for Polar in the client benchmarks. It runs on the JDK's {@link HttpServer}
 * thread, so the benchmark thread only does the client's work.
 */
final class StubServer implements AutoCloseable {

	private final HttpServer server;

	/**
	 * Runs a stub on its own, answering with the corpus's products page, for
	 * {@code ProductsListCpuTime -Dstub.url=...} and {@code benchmarks/ts/list-bench.mjs}
	 * ({@code STUB_URL}) to list from the same server; it runs until stopped.
	 * @param args the port (any free one if absent)
	 */
	public static void main(String[] args) {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 0;
		byte[] page = Corpus.get().document(CorpusPage.PRODUCTS);
		StubServer stub = serving(page, port);
		System.out.println(stub.baseUrl() + " answers with " + page.length + " bytes");
	}

	private StubServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a server answering every request with a body.
	 * @param json the body, sent as {@code application/json}
	 * @return the running server
	 */
	static StubServer serving(byte[] json) {
		return serving(json, 0);
	}

	private static StubServer serving(byte[] json, int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, json.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(json);
				}
			});
			server.start();
			return new StubServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the URL the server answers on.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	String baseUrl() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
