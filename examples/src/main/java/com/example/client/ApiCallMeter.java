package com.example.client;

// tag::ingest[]
import java.util.Map;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.events.IngestEvents;
import dev.polarspring.client.model.EventsIngestResponse;

public class ApiCallMeter {

	private final PolarClient polar;

	public ApiCallMeter(PolarClient polar) {
		this.polar = polar;
	}

	/**
	 * Sends one event now; the same call id sent again is a duplicate, not a second call.
	 */
	public EventsIngestResponse apiCall(String userId, String callId, int tokens) {
		return this.polar.events()
			.ingest(IngestEvents.of(IngestEvents.forExternalCustomer(userId, "api_call", Map.of("tokens", tokens))
				.toBuilder()
				.externalId("call-" + callId)
				.build()));
	}

}
// end::ingest[]
