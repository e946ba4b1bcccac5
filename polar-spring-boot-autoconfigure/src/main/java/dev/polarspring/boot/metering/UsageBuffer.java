package dev.polarspring.boot.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The bounded buffer between the recording threads and the sender: a ring of events under
 * one lock. {@link #add} tells the caller how many events wait after it, so the one that
 * completes a batch can wake the sender without a second look at the buffer;
 * {@link #close} makes later adds fail, so nothing is added after the last flush.
 */
final class UsageBuffer {

	/** {@link #add} result: the buffer stayed full for the whole wait. */
	static final int FULL = 0;

	/** {@link #add} result: the buffer is closed. */
	static final int CLOSED = -1;

	/** {@link #add} result: the thread was interrupted while it waited for room. */
	static final int INTERRUPTED = -2;

	// A ring: the count slots from head hold events, the others null.
	private final @Nullable UsageEvent[] events;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notFull = this.lock.newCondition();

	private int head;

	private int count;

	private boolean closed;

	UsageBuffer(int capacity) {
		this.events = new UsageEvent[capacity];
	}

	/**
	 * Adds an event, waiting for room up to a time.
	 * @param event the event
	 * @param waitNanos how long to wait when full; 0 not to wait
	 * @return the number of events buffered with this one, or {@link #FULL},
	 * {@link #CLOSED} or {@link #INTERRUPTED}
	 */
	int add(UsageEvent event, long waitNanos) {
		ReentrantLock lock = this.lock;
		lock.lock();
		try {
			long remaining = waitNanos;
			while (this.count == this.events.length && !this.closed) {
				if (remaining <= 0) {
					return FULL;
				}
				try {
					remaining = this.notFull.awaitNanos(remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return INTERRUPTED;
				}
			}
			if (this.closed) {
				return CLOSED;
			}
			int tail = this.head + this.count;
			this.events[(tail < this.events.length) ? tail : tail - this.events.length] = event;
			return ++this.count;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Takes the oldest events.
	 * @param max most events to take
	 * @return the events, oldest first; empty when there are none
	 */
	List<UsageEvent> take(int max) {
		this.lock.lock();
		try {
			return takeLocked(max);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Closes the buffer: every later {@link #add} returns {@link #CLOSED}, and threads
	 * waiting for room stop waiting.
	 * @return the events still buffered, oldest first
	 */
	List<UsageEvent> close() {
		this.lock.lock();
		try {
			this.closed = true;
			return takeLocked(this.count);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Opens a closed buffer again, for a sender started after it stopped.
	 */
	void reopen() {
		this.lock.lock();
		try {
			this.closed = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	int size() {
		this.lock.lock();
		try {
			return this.count;
		}
		finally {
			this.lock.unlock();
		}
	}

	int capacity() {
		return this.events.length;
	}

	private List<UsageEvent> takeLocked(int max) {
		int taken = Math.min(max, this.count);
		List<UsageEvent> batch = new ArrayList<>(taken);
		for (int i = 0; i < taken; i++) {
			batch.add(Objects.requireNonNull(this.events[this.head]));
			this.events[this.head] = null;
			this.head = (this.head + 1 == this.events.length) ? 0 : this.head + 1;
		}
		this.count -= taken;
		// Everyone waiting: after a batch is taken there is room for many.
		this.notFull.signalAll();
		return batch;
	}

}
