package dev.polarspring.boot.metering;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code external_id}s of events recorded without an idempotency key: UUIDs (version
 * 8, RFC 9562) whose first half is random, drawn once per JVM, and whose second half
 * counts. Unique within a JVM by construction and across JVMs with the odds of a 60-bit
 * random collision, with no lock and no {@code SecureRandom} call per event.
 */
final class UsageEventIds {

	private static final long PREFIX = (new SecureRandom().nextLong() & ~0xF000L) | 0x8000L;

	private static final long VARIANT = 0x8000000000000000L;

	private static final long COUNTER_BITS = 0x3FFFFFFFFFFFFFFFL;

	private static final AtomicLong counter = new AtomicLong();

	private UsageEventIds() {
	}

	/**
	 * The prefix of this JVM's ids; the most significant half of each.
	 * @return the prefix
	 */
	static long prefix() {
		return PREFIX;
	}

	/**
	 * The least significant half of the next id.
	 * @return a value no other call in this JVM returns
	 */
	static long next() {
		return VARIANT | (counter.getAndIncrement() & COUNTER_BITS);
	}

	static String format(long suffix) {
		return new UUID(PREFIX, suffix).toString();
	}

}
