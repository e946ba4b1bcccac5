package dev.polarspring.boot.metering;

/**
 * Thrown by {@link PolarUsage#record} when the buffer is full: the event was not
 * recorded, and the caller decides what to do with it. The message says how many events
 * wait and why the sender could not send them.
 */
public class UsageBufferFullException extends IllegalStateException {

	private final String eventName;

	/**
	 * Creates the exception.
	 * @param message what happened and what to do
	 * @param eventName the name of the event that was not recorded
	 */
	public UsageBufferFullException(String message, String eventName) {
		super(message);
		this.eventName = eventName;
	}

	/**
	 * Returns the name of the event that was not recorded.
	 * @return the event name
	 */
	public String getEventName() {
		return this.eventName;
	}

}
