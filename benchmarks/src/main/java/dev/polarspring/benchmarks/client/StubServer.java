package dev.polarspring.benchmarks.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A server on the loopback interface that answers every request with the same JSON body,
 * standing in for Polar in the client benchmarks. It runs on the JDK's {@link HttpServer}
 * thread, so the benchmark thread only does the client's work.
 */
final class StubServer implements AutoCloseable {

	private final HttpServer server;

	private StubServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a server answering every request with a body.
	 * @param json the body, sent as {@code application/json}
	 * @return the running server
	 */
	static StubServer serving(byte[] json) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
