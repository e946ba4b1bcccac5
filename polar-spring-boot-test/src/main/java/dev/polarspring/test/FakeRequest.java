package dev.polarspring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A request to the fake Polar, independent of WireMock's types: method, path, query, a
 * header lookup and the body.
 */
record FakeRequest(String method, String path, Map<String, List<String>> query,
		Function<String, @Nullable String> headers, byte[] body) {

	static FakeRequest of(String method, String url, Function<String, @Nullable String> headers, byte[] body) {
		int question = url.indexOf('?');
		String path = (question >= 0) ? url.substring(0, question) : url;
		Map<String, List<String>> query = (question >= 0) ? decodeForm(url.substring(question + 1)) : Map.of();
		return new FakeRequest(method, path, query, headers, body);
	}

	/**
	 * Decodes {@code a=1&b=2&a=3} (a query or a form body) into lists of values by name.
	 */
	static Map<String, List<String>> decodeForm(String encoded) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return values;
	}

	@Nullable String header(String name) {
		return this.headers.apply(name);
	}

	@Nullable String queryValue(String name) {
		List<String> values = this.query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	List<String> queryValues(String name) {
		return this.query.getOrDefault(name, List.of());
	}

	String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
