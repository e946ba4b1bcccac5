package dev.polarspring.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets or moves forward, shared through polar-client's test jar.
 */
public final class SettableClock extends Clock {

	private volatile Instant now;

	/**
	 * Creates a clock at 2026-10-01T00:00:00Z.
	 */
	public SettableClock() {
		this(Instant.parse("2026-10-01T00:00:00Z"));
	}

	/**
	 * Creates a clock at the given instant.
	 * @param now the instant the clock shows
	 */
	public SettableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Sets the instant the clock shows.
	 * @param now the new instant
	 */
	public void set(Instant now) {
		this.now = now;
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
