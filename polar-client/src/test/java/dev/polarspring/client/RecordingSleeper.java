package dev.polarspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sleeper that records the waits asked of it and returns at once, so retry tests never
 * wait.
 */
public final class RecordingSleeper implements Sleeper {

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	@Override
	public void sleep(Duration duration) {
		this.waits.add(duration);
	}

	/**
	 * Returns the waits asked so far.
	 * @return the waits, in order
	 */
	public List<Duration> waits() {
		return List.copyOf(this.waits);
	}

}
