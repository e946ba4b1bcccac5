package com.example.metering;

// tag::event[]
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.polarspring.boot.metering.PolarUsage;
import dev.polarspring.boot.metering.UsageEvent;

@Service
public class Downloads {

	private final PolarUsage usage;

	public Downloads(PolarUsage usage) {
		this.usage = usage;
	}

	public void downloaded(String userId, String downloadId, long bytes, Instant at) {
		this.usage.record(UsageEvent.forExternalCustomer(userId, "download")
			.metadata(Map.of("bytes", bytes))
			// Its external_id: the same download recorded twice is counted once
			.idempotencyKey("download-" + downloadId)
			.timestamp(at)
			.build());
	}

}
// end::event[]
