package dev.polarspring.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The meters of the fake Polar, as Polar answers them, and what they read from the
 * ingested events of one customer. Not thread-safe: {@link FakePolarState} guards it.
 */
final class FakeMeters {

	private final Map<String, FakeMeter> specs = new LinkedHashMap<>();

	private final Map<String, ObjectNode> documents = new LinkedHashMap<>();

	FakeMeters(List<FakeMeter> meters, FakeIds ids, String organizationId, Instant now) {
		for (FakeMeter meter : meters) {
			String id = ids.uuid();
			this.specs.put(id, meter);
			this.documents.put(id, document(id, meter, organizationId, now));
		}
	}

	List<ObjectNode> documents() {
		List<ObjectNode> copies = new ArrayList<>();
		this.documents.values().forEach((document) -> copies.add(document.deepCopy()));
		return copies;
	}

	@Nullable ObjectNode document(String id) {
		ObjectNode document = this.documents.get(id);
		return (document != null) ? document.deepCopy() : null;
	}

	/**
	 * The {@code active_meters} of a customer's state: one entry per meter that matched
	 * at least one of the customer's events (by {@code customer_id}, or by
	 * {@code external_customer_id} against the customer's external id, as Polar links
	 * them).
	 */
	List<ObjectNode> readings(ObjectNode customer, List<ObjectNode> events) {
		String customerId = customer.get("id").asString();
		String externalId = PolarDocuments.text(customer, "external_id");
		List<ObjectNode> readings = new ArrayList<>();
		for (Map.Entry<String, FakeMeter> entry : this.specs.entrySet()) {
			FakeMeter meter = entry.getValue();
			double consumed = 0;
			String first = null;
			String last = null;
			for (ObjectNode event : events) {
				boolean ofCustomer = customerId.equals(PolarDocuments.text(event, "customer_id")) || (externalId != null
						&& externalId.equals(PolarDocuments.text(event, "external_customer_id")));
				if (!ofCustomer || !meter.eventName().equals(PolarDocuments.text(event, "name"))) {
					continue;
				}
				consumed += units(meter, event);
				String timestamp = event.get("timestamp").asString();
				first = (first == null || timestamp.compareTo(first) < 0) ? timestamp : first;
				last = (last == null || timestamp.compareTo(last) > 0) ? timestamp : last;
			}
			// Both are set by the first event of the customer, or neither.
			if (first != null && last != null) {
				readings.add(reading(customerId, entry.getKey(), consumed, first, last));
			}
		}
		return readings;
	}

	private static double units(FakeMeter meter, ObjectNode event) {
		if (meter.property() == null) {
			return 1;
		}
		JsonNode value = event.path("metadata").path(meter.property());
		return value.isNumber() ? value.asDouble() : 0;
	}

	private static ObjectNode reading(String customerId, String meterId, double consumed, String first, String last) {
		ObjectNode reading = PolarDocuments.object();
		// Derived from the pair, so the same customer meter keeps its id from call to
		// call.
		reading.put("id", UUID.nameUUIDFromBytes((customerId + "/" + meterId).getBytes()).toString());
		reading.put("created_at", first);
		reading.put("modified_at", last);
		reading.put("meter_id", meterId);
		reading.put("consumed_units", consumed);
		reading.put("credited_units", 0);
		reading.put("balance", -consumed);
		return reading;
	}

	private static ObjectNode document(String id, FakeMeter meter, String organizationId, Instant now) {
		ObjectNode document = PolarDocuments.object();
		document.putObject("metadata");
		document.put("created_at", PolarDocuments.time(now));
		document.putNull("modified_at");
		document.put("id", id);
		document.put("name", meter.name());
		document.put("unit", "scalar");
		document.putNull("custom_label");
		document.putNull("custom_multiplier");
		ObjectNode filter = document.putObject("filter");
		filter.put("conjunction", "and");
		ObjectNode clause = filter.putArray("clauses").addObject();
		clause.put("property", "name");
		clause.put("operator", "eq");
		clause.put("value", meter.eventName());
		ObjectNode aggregation = document.putObject("aggregation");
		if (meter.property() != null) {
			aggregation.put("func", "sum");
			aggregation.put("property", meter.property());
		}
		else {
			aggregation.put("func", "count");
		}
		document.put("organization_id", organizationId);
		document.putNull("archived_at");
		return document;
	}

}
