package dev.polarspring.boot.billing;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What {@link PolarEntitlements} keeps in the cache for one customer: the last state
 * read, and whether a webhook said it changed since.
 *
 * <p>
 * A webhook does not remove the entry: it marks it {@code invalidatedAt}. The state is
 * then no longer served as it is, except while Polar cannot be reached and the state is
 * within its time to live; and a read from Polar that started before the mark is not
 * stored over it, because it may have missed the change the webhook announced.
 *
 * @param state the last state read, or {@code null} when a webhook came before any read
 * @param invalidatedAt when a webhook last said the state changed (this machine's clock),
 * or {@code null} while the state is current
 */
public record CachedCustomerState(@Nullable PolarCustomerState state,
		@Nullable Instant invalidatedAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * A state just read.
	 * @param state the state
	 * @return the entry
	 */
	public static CachedCustomerState current(PolarCustomerState state) {
		return new CachedCustomerState(state, null);
	}

	/**
	 * Returns whether the state may be served as it is.
	 * @return {@code true} when a state is held and no webhook invalidated it
	 */
	public boolean isCurrent() {
		return this.state != null && this.invalidatedAt == null;
	}

	/**
	 * Returns this entry invalidated at a time.
	 * @param time when the webhook arrived
	 * @return the invalidated entry, keeping the state for when Polar is down
	 */
	public CachedCustomerState invalidatedAt(Instant time) {
		return new CachedCustomerState(this.state, time);
	}

}
