package dev.polarspring.autoconfigure.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default endpoint's answers through a real port, plus what only a real server shows:
 * a body of unknown length (chunked) over the limit.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET, "polar.webhook.max-body-size=64KB" })
class ServerWebhookEndpointTests extends WebhookEndpointAnswersTests {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Override
	Answer post(String path, byte[] body, Map<String, String> headers) throws Exception {
		return send(path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
	}

	@Override
	Answer get(String path) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	@Test
	void refusesAChunkedBodyOverTheLimit() throws Exception {
		byte[] body = new byte[200 * 1024];
		Arrays.fill(body, (byte) ' ');
		// No Content-Length: the endpoint learns the size only by reading, and stops past
		// the limit.
		Answer answer = send(PATH, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
				TestDeliveries.signed(body));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void acceptsAChunkedBodyUnderTheLimit() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Answer answer = send(PATH, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
				TestDeliveries.signed(body));
		assertThat(answer.status()).isEqualTo(202);
		assertThat(this.events.ordersPaid()).hasSize(1);
	}

	private Answer send(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(body);
		headers.forEach(request::header);
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
