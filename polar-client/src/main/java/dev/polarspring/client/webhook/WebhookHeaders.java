package dev.polarspring.client.webhook;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Looks up the headers of a webhook delivery by name, in any case.
 *
 * <p>
 * Lets the verifier read headers straight from whatever the web framework hands over
 * without copying them: {@code request::getHeader} for a servlet request and
 * {@code headers::getFirst} for Spring's {@code HttpHeaders} both match names in any case
 * already. For a plain map use {@link #of(Map)}.
 */
@FunctionalInterface
public interface WebhookHeaders {

	/**
	 * Returns the first value of the named header.
	 * @param name the header name in lower case, such as {@code webhook-id}
	 * @return the value, or {@code null} when the delivery has no such header
	 */
	@Nullable String get(String name);

	/**
	 * Adapts a map of header names to values, matching names in any case.
	 * @param headers the headers; the map is read, never copied or changed
	 * @return a lookup over the map
	 */
	static WebhookHeaders of(Map<String, String> headers) {
		return (name) -> {
			String value = headers.get(name);
			if (value != null) {
				return value;
			}
			for (Map.Entry<String, String> entry : headers.entrySet()) {
				if (name.equalsIgnoreCase(entry.getKey())) {
					return entry.getValue();
				}
			}
			return null;
		};
	}

}
