package dev.polarspring.benchmarks.corpus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import dev.polarspring.client.webhook.WebhookDelivery;
import dev.polarspring.client.webhook.WebhookVerifier;

/**
 * Proves that a corpus document is worth measuring: it decodes into the generated records
 * with the SDK's mapper, no union value falls back to its {@code Unknown} variant and no
 * enum to {@code UNKNOWN} (every value comes from the spec, so a known one always
 * applies), and the records encode back to the same JSON, property for property (so no
 * variant was chosen that drops what another would keep).
 */
public final class CorpusCheck {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private CorpusCheck() {
	}

	/**
	 * Decodes a document and checks it.
	 * @param page which document
	 * @param json its bytes
	 * @return the decoded records
	 * @throws IllegalStateException naming the first problem found
	 */
	public static Object decode(CorpusPage page, byte[] json) {
		Object value = MAPPER.readValue(json, page.recordType());
		verify(page.name(), value, MAPPER.readTree(json));
		return value;
	}

	/**
	 * Verifies a delivery with its secret and clock, decodes it into its typed event and
	 * checks the event's {@code data}.
	 * @param delivery the delivery
	 * @return the event
	 * @throws IllegalStateException naming the first problem found
	 */
	public static PolarWebhookEvent decode(CorpusDelivery delivery) {
		WebhookVerifier verifier = WebhookVerifier.builder().secret(delivery.secret()).clock(delivery.clock()).build();
		WebhookDelivery verified = verifier.verify(delivery.bodyBytes(), delivery.headers());
		PolarWebhookEvent event = PolarWebhookEvents.decode(delivery.bodyBytes(), verified);
		if (event instanceof UnknownWebhookEvent || !event.type().equals(delivery.type())) {
			throw new IllegalStateException("The " + delivery.type() + " delivery decoded as " + event.type() + " ("
					+ event.getClass().getSimpleName() + ")");
		}
		verify(delivery.type(), data(event), MAPPER.readTree(delivery.body()).path("data"));
		return event;
	}

	/**
	 * Returns the size of a value as the SDK's mapper writes it.
	 * @param value a record
	 * @return the number of bytes of its JSON
	 */
	public static int encodedSize(Object value) {
		return MAPPER.writeValueAsBytes(value).length;
	}

	private static @Nullable Object data(PolarWebhookEvent event) {
		try {
			return event.getClass().getMethod("data").invoke(event);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The " + event.type() + " event has no data()", ex);
		}
	}

	private static void verify(String what, @Nullable Object value, JsonNode expected) {
		List<String> unknowns = new ArrayList<>();
		collectUnknowns(value, "$", unknowns);
		if (!unknowns.isEmpty()) {
			throw new IllegalStateException(what + ": " + unknowns.size() + " values decoded as Unknown, the first "
					+ unknowns.subList(0, Math.min(5, unknowns.size())));
		}
		JsonNode written = MAPPER.readTree(MAPPER.writeValueAsBytes(value));
		String difference = difference(expected, written, "$");
		if (difference != null) {
			throw new IllegalStateException(what + " does not encode back to the JSON it was read from: " + difference);
		}
	}

	private static void collectUnknowns(@Nullable Object value, String path, List<String> unknowns) {
		if (value instanceof Enum<?> constant) {
			if (constant.name().equals("UNKNOWN")) {
				unknowns.add(path + " (" + constant.getDeclaringClass().getSimpleName() + ".UNKNOWN)");
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collectUnknowns(list.get(i), path + "[" + i + "]", unknowns);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, entry) -> collectUnknowns(entry, path + "." + key, unknowns));
		}
		else if (value != null && value.getClass().isRecord()) {
			Class<?> type = value.getClass();
			if (type.getSimpleName().equals("Unknown") && type.getEnclosingClass() != null
					&& type.getEnclosingClass().isSealed()) {
				unknowns.add(path + " (" + type.getEnclosingClass().getSimpleName() + ".Unknown)");
				return;
			}
			for (RecordComponent component : type.getRecordComponents()) {
				collectUnknowns(read(component, value), path + "." + component.getName(), unknowns);
			}
		}
	}

	private static @Nullable Object read(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component, ex);
		}
	}

	/**
	 * Describes the first place two trees differ, or returns null if they are equal.
	 */
	private static @Nullable String difference(JsonNode expected, JsonNode actual, String path) {
		if (expected.equals(actual)) {
			return null;
		}
		if (expected.isObject() && actual.isObject()) {
			for (Map.Entry<String, JsonNode> property : expected.properties()) {
				JsonNode other = actual.get(property.getKey());
				if (other == null) {
					return path + "." + property.getKey() + " is missing";
				}
				String inner = difference(property.getValue(), other, path + "." + property.getKey());
				if (inner != null) {
					return inner;
				}
			}
			for (Iterator<String> names = actual.propertyNames().iterator(); names.hasNext();) {
				String name = names.next();
				if (!expected.has(name)) {
					return path + "." + name + " was added";
				}
			}
		}
		if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
			for (int i = 0; i < expected.size(); i++) {
				String inner = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
				if (inner != null) {
					return inner;
				}
			}
		}
		return path + ": " + abbreviated(expected) + " became " + abbreviated(actual);
	}

	private static String abbreviated(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 120) + "..." : text;
	}

}
