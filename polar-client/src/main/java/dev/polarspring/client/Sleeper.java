package dev.polarspring.client;

import java.time.Duration;

/**
 * Waits between retries. The default blocks the calling thread; tests inject one that
 * records the waits and returns at once.
 */
@FunctionalInterface
public interface Sleeper {

	/**
	 * A sleeper that blocks the calling thread with {@link Thread#sleep(long, int)}.
	 */
	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

	/**
	 * Waits for the given duration.
	 * @param duration how long to wait, never negative
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	void sleep(Duration duration) throws InterruptedException;

}
