package dev.polarspring.boot;

/**
 * Thrown at startup when the Polar starter cannot work with the application's
 * configuration: a {@code @PolarWebhook} method with no secret, two endpoints on one
 * path, a deduplication store without its database. It says what is wrong and what to do;
 * a failure analyzer prints the two as Spring Boot's "APPLICATION FAILED TO START"
 * report.
 */
public class PolarConfigurationException extends IllegalStateException {

	private final String description;

	private final String action;

	/**
	 * Creates an exception.
	 * @param description what is wrong, naming the property or method, in one sentence
	 * without a final period
	 * @param action what to do about it, starting with a verb in lower case, without a
	 * final period
	 */
	public PolarConfigurationException(String description, String action) {
		super(description + "; " + action);
		this.description = description;
		this.action = action;
	}

	/**
	 * Returns what is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
