package dev.polarspring.client.core;

/**
 * How an operation authenticates, from the security requirements of the API
 * specification.
 */
public enum AuthScheme {

	/**
	 * No authentication: no {@code Authorization} header is sent (for example the OAuth2
	 * token endpoint, which authenticates with its form body).
	 */
	NONE,

	/**
	 * An organization access token, a personal access token or an OAuth2 access token,
	 * sent as {@code Authorization: Bearer <token>}.
	 */
	ACCESS_TOKEN,

	/**
	 * A customer or member session token, sent as {@code Authorization: Bearer <token>}:
	 * the customer-portal operations.
	 */
	CUSTOMER_SESSION

}
