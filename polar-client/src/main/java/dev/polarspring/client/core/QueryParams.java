package dev.polarspring.client.core;

/**
 * The query parameters of an operation, as an immutable object. Implemented by the
 * generated params classes, which write each parameter they hold under its wire name.
 */
@FunctionalInterface
public interface QueryParams {

	/**
	 * Writes every parameter that is set.
	 * @param query the writer to add the parameters to
	 */
	void writeTo(QueryWriter query);

}
