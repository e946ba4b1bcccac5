package dev.polarspring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.PolarJson;

/**
 * Plain HTTP calls to a fake Polar, for tests that look at the wire rather than through
 * the client: the status, the headers and the JSON as sent.
 */
final class FakeHttp {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String baseUrl;

	FakeHttp(FakePolar fake) {
		this.baseUrl = fake.baseUrl();
	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + FakePolar.ACCESS_TOKEN)
			.GET());
	}

	Answer post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + FakePolar.ACCESS_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Answer postForm(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	Answer getWithoutToken(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			return PolarJson.mapper().readTree(this.body);
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

}
