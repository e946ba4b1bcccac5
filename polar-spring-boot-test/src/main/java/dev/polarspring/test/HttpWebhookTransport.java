package dev.polarspring.test;

import java.net.URI;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Posts deliveries to a URL, as Polar does, and reports the status whatever it is: a 403
 * or a 500 is an answer to check, not a failure of the sender.
 */
final class HttpWebhookTransport implements WebhookTransport {

	private final URI endpoint;

	private final RestClient restClient = RestClient.builder()
		.requestFactory(new JdkClientHttpRequestFactory())
		.build();

	HttpWebhookTransport(URI endpoint) {
		this.endpoint = endpoint;
	}

	@Override
	public int post(byte[] body, Map<String, String> headers) {
		return this.restClient.post()
			.uri(this.endpoint)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((httpHeaders) -> headers.forEach(httpHeaders::set))
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	@Override
	public String toString() {
		return this.endpoint.toString();
	}

}
