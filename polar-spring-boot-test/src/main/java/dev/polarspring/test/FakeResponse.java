package dev.polarspring.test;

import java.util.Map;

/**
 * An answer of the fake Polar: status, content type, extra headers and body.
 */
record FakeResponse(int status, String contentType, Map<String, String> headers, String body) {

	static FakeResponse json(int status, Object body) {
		return new FakeResponse(status, "application/json", Map.of(), body.toString());
	}

	static FakeResponse html(int status, String body) {
		return new FakeResponse(status, "text/html; charset=utf-8", Map.of(), body);
	}

	static FakeResponse redirect(int status, String location) {
		return new FakeResponse(status, "text/plain", Map.of("Location", location), "");
	}

	static FakeResponse noContent() {
		return new FakeResponse(204, "application/json", Map.of(), "");
	}

	static FakeResponse error(FakeError error) {
		return new FakeResponse(error.status(), "application/json", error.headers(), error.body());
	}

}
