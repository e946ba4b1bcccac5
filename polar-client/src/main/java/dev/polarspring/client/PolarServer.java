package dev.polarspring.client;

/**
 * The Polar environments. Tokens are issued per environment: a sandbox token is rejected
 * by production and the other way round.
 */
public enum PolarServer {

	/**
	 * Polar's live environment, {@code https://api.polar.sh}.
	 */
	PRODUCTION("https://api.polar.sh"),

	/**
	 * Polar's test environment, {@code https://sandbox-api.polar.sh}: no real money
	 * moves.
	 */
	SANDBOX("https://sandbox-api.polar.sh");

	private final String baseUrl;

	PolarServer(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Returns the environment's base URL.
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

}
