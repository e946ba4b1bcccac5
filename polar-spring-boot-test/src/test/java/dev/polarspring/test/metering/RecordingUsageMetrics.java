package dev.polarspring.test.metering;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.polarspring.boot.metering.UsageMetrics;
import dev.polarspring.boot.metering.UsageOutcome;

/**
 * Counts what a sender reports, for assertions on what became of each event.
 */
final class RecordingUsageMetrics implements UsageMetrics {

	private final Map<UsageOutcome, LongAdder> events = new EnumMap<>(UsageOutcome.class);

	private final AtomicLong retries = new AtomicLong();

	RecordingUsageMetrics() {
		for (UsageOutcome outcome : UsageOutcome.values()) {
			this.events.put(outcome, new LongAdder());
		}
	}

	@Override
	public void events(UsageOutcome outcome, long count) {
		this.events.get(outcome).add(count);
	}

	@Override
	public void retried(String reason) {
		this.retries.incrementAndGet();
	}

	long count(UsageOutcome outcome) {
		return this.events.get(outcome).sum();
	}

	long retries() {
		return this.retries.get();
	}

}
