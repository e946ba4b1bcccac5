package dev.polarspring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A meter of the fake Polar: it reads the ingested events of one name, counting them or
 * summing a metadata property, and each customer's reading shows in the
 * {@code active_meters} of their state ({@code GET /v1/customers/{id}/state}) from their
 * first matching event on.
 *
 * <pre>{@code
 * FakePolar fake = FakePolar.builder()
 *     .meters(FakeMeter.count("Downloads", "download"), FakeMeter.sum("Storage", "upload", "bytes"))
 *     .start();
 * }</pre>
 */
public final class FakeMeter {

	private final String name;

	private final String eventName;

	private final @Nullable String property;

	private FakeMeter(String name, String eventName, @Nullable String property) {
		Assert.isTrue(name != null && name.length() >= 3, "name must have at least 3 characters, as Polar requires");
		Assert.hasText(eventName, "eventName must not be empty");
		this.name = name;
		this.eventName = eventName;
		this.property = property;
	}

	/**
	 * A meter that counts the events of a name.
	 * @param name the meter's name, as invoices show it; at least 3 characters
	 * @param eventName the events it counts, such as {@code download}
	 * @return the meter
	 */
	public static FakeMeter count(String name, String eventName) {
		return new FakeMeter(name, eventName, null);
	}

	/**
	 * A meter that sums a numeric metadata property of the events of a name.
	 * @param name the meter's name, as invoices show it; at least 3 characters
	 * @param eventName the events it reads, such as {@code upload}
	 * @param property the metadata key summed, such as {@code bytes}
	 * @return the meter
	 */
	public static FakeMeter sum(String name, String eventName, String property) {
		Assert.hasText(property, "property must not be empty");
		return new FakeMeter(name, eventName, property);
	}

	/**
	 * Returns no meters, the catalog's default.
	 * @return an empty list
	 */
	public static List<FakeMeter> defaults() {
		return List.of();
	}

	/**
	 * Returns the name.
	 * @return the meter's name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the name of the events the meter reads.
	 * @return the event name
	 */
	public String eventName() {
		return this.eventName;
	}

	/**
	 * Returns the metadata property summed.
	 * @return the key, or {@code null} for a meter that counts
	 */
	public @Nullable String property() {
		return this.property;
	}

	@Override
	public String toString() {
		return "FakeMeter{" + this.name + ": " + ((this.property != null) ? "sum of " + this.property : "count")
				+ " of '" + this.eventName + "' events}";
	}

}
