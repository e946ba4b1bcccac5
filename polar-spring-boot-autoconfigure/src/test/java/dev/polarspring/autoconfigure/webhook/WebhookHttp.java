package dev.polarspring.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Posts signed deliveries to, and calls the actuator of, an application on a real port.
 */
final class WebhookHttp {

	static final String PATH = "/polar/webhooks";

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private WebhookHttp() {
	}

	/**
	 * Posts a delivery and returns the answer's status.
	 */
	static int post(int port, byte[] body, Map<String, String> headers) throws Exception {
		return postAsync(port, body, headers).get();
	}

	/**
	 * Starts posting a delivery; the future completes with the answer's status.
	 */
	static CompletableFuture<Integer> postAsync(int port, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, PATH))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
			.thenApply(HttpResponse::statusCode);
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> postEmpty(int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
