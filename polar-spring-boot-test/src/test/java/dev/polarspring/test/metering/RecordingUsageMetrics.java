package dev.polarspring.test.metering;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import dev.polarspring.boot.metering.UsageMetrics;
import dev.polarspring.boot.metering.UsageOutcome;

/**
 * Counts what a sender reports, for assertions on what became of each event.
 */
final class RecordingUsageMetrics implements UsageMetrics {

	private final Map<UsageOutcome, LongAdder> events = new EnumMap<>(UsageOutcome.class);

	private final List<String> retries = new CopyOnWriteArrayList<>();

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
		this.retries.add(reason);
	}

	long count(UsageOutcome outcome) {
		return this.events.get(outcome).sum();
	}

	long retries() {
		return this.retries.size();
	}

	List<String> retryReasons() {
		return List.copyOf(this.retries);
	}

}
