package dev.polarspring.test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Polar checks in an ingest before it stores anything: each event's name, customer,
 * timestamp and metadata. Polar answers every violation of a batch in one 422, each
 * located at its event ({@code ["body", "events", 3, "customer_id"]}), and stores none of
 * the batch.
 */
final class FakeIngestRules {

	private static final int MAX_NAME_LENGTH = 128;

	private static final int MAX_METADATA_ENTRIES = 50;

	private static final int MAX_KEY_LENGTH = 40;

	private static final int MAX_STRING_LENGTH = 500;

	private FakeIngestRules() {
	}

	/**
	 * The violations of a batch; empty when Polar would store it.
	 * @param events the events as sent
	 * @param customerExists whether a {@code customer_id} names a customer of the
	 * organization
	 * @param now the fake's time, which no event may be after
	 */
	static List<FakeError.Violation> violations(List<ObjectNode> events, Predicate<String> customerExists,
			Instant now) {
		List<FakeError.Violation> violations = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			check(i, events.get(i), customerExists, now, violations);
		}
		return violations;
	}

	private static void check(int index, ObjectNode event, Predicate<String> customerExists, Instant now,
			List<FakeError.Violation> violations) {
		JsonNode name = event.path("name");
		if (!name.isString()) {
			violations.add(violation(index, "Field required", "missing", "name"));
		}
		else if (name.asString().codePointCount(0, name.asString().length()) > MAX_NAME_LENGTH) {
			violations.add(violation(index, "String should have at most 128 characters", "string_too_long", "name"));
		}
		String customerId = PolarDocuments.text(event, "customer_id");
		if (customerId != null) {
			if (!customerExists.test(customerId)) {
				violations.add(violation(index, "Customer not found.", "customer_id", "customer_id"));
			}
		}
		else if (!event.path("external_customer_id").isString()) {
			violations.add(violation(index, "Field required", "missing", "external_customer_id"));
		}
		String timestamp = PolarDocuments.text(event, "timestamp");
		if (timestamp != null) {
			Instant time = parse(timestamp);
			if (time == null) {
				violations.add(violation(index, "Input should be a valid datetime", "datetime_parsing", "timestamp"));
			}
			else if (time.isAfter(now)) {
				violations
					.add(violation(index, "Value error, Timestamp must be in the past.", "value_error", "timestamp"));
			}
		}
		JsonNode metadata = event.path("metadata");
		if (!metadata.isMissingNode()) {
			checkMetadata(index, metadata, violations);
		}
	}

	private static void checkMetadata(int index, JsonNode metadata, List<FakeError.Violation> violations) {
		if (!metadata.isObject()) {
			violations.add(violation(index, "Input should be a valid dictionary", "dict_type", "metadata"));
			return;
		}
		if (metadata.size() > MAX_METADATA_ENTRIES) {
			violations.add(violation(index, "Dictionary should have at most 50 items", "too_long", "metadata"));
		}
		for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			if (key.equals("_cost") || key.equals("_llm")) {
				// Structured: Polar checks their own schemas, which the fake does not.
				continue;
			}
			if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
				violations.add(violation(index, "String should have at most 40 characters", "string_too_long",
						"metadata", key, "[key]"));
			}
			else if (value.isString()) {
				int length = value.asString().codePointCount(0, value.asString().length());
				if (length < 1 || length > MAX_STRING_LENGTH) {
					violations.add(violation(index, "String should have between 1 and 500 characters",
							(length < 1) ? "string_too_short" : "string_too_long", "metadata", key));
				}
			}
			else if (!value.isNumber() && !value.isBoolean()) {
				violations.add(violation(index, "Input should be a valid string, integer, number or boolean",
						"union_type", "metadata", key));
			}
		}
	}

	private static @Nullable Instant parse(String timestamp) {
		try {
			return OffsetDateTime.parse(timestamp).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static FakeError.Violation violation(int index, String message, String type, Object... field) {
		List<Object> location = new ArrayList<>(List.of("body", "events", index));
		location.addAll(List.of(field));
		return new FakeError.Violation(location, message, type);
	}

}
