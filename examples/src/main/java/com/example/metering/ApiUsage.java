package com.example.metering;

// tag::record[]
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.polarspring.boot.metering.PolarUsage;

@Service
public class ApiUsage {

	private final PolarUsage usage;

	public ApiUsage(PolarUsage usage) {
		this.usage = usage;
	}

	public void completed(String userId, String model, int tokens) {
		// Returns at once: the event is buffered and sent in the next batch
		this.usage.record(userId, "api_call", Map.of("model", model, "tokens", tokens));
	}

}
// end::record[]
