package dev.polarspring.sample.account;

/**
 * A meter reading of the shopper, as the account page shows it.
 *
 * @param name the meter's name, such as {@code Downloads}
 * @param units the units consumed in the current period, such as {@code 2}
 */
public record MeterUsage(String name, String units) {

	/**
	 * Creates a reading from Polar's numbers.
	 * @param name the meter's name
	 * @param consumedUnits the units consumed
	 * @return the reading, whole numbers without a fraction
	 */
	public static MeterUsage of(String name, double consumedUnits) {
		boolean whole = consumedUnits == Math.rint(consumedUnits) && Math.abs(consumedUnits) < 1e15;
		return new MeterUsage(name, whole ? Long.toString((long) consumedUnits) : Double.toString(consumedUnits));
	}

}
