package dev.polarspring.boot.billing;

/**
 * Thrown when a product or benefit is named by something that is neither a Polar id nor
 * one of the configured aliases ({@code polar.products.<alias>},
 * {@code polar.benefits.<alias>}).
 */
public class UnknownAliasException extends IllegalArgumentException {

	private final String kind;

	private final String alias;

	/**
	 * Creates the exception.
	 * @param kind {@code product} or {@code benefit}
	 * @param alias what was given
	 */
	public UnknownAliasException(String kind, String alias) {
		super("'" + alias + "' is neither a " + kind + " id nor a " + kind + " alias: add polar." + kind + "s." + alias
				+ "=<" + kind + " id> to the configuration, or use the " + kind + "'s id");
		this.kind = kind;
		this.alias = alias;
	}

	/**
	 * Returns what kind of thing was named.
	 * @return {@code product} or {@code benefit}
	 */
	public String getKind() {
		return this.kind;
	}

	/**
	 * Returns what was given.
	 * @return the unknown alias
	 */
	public String getAlias() {
		return this.alias;
	}

}
