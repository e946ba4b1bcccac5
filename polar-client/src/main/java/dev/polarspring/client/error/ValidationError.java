package dev.polarspring.client.error;

import java.util.List;

/**
 * One entry of a 422 answer: where the invalid value is, what is wrong with it, and the
 * error type Polar's validation assigned.
 *
 * @param loc the path to the invalid value, such as
 * {@code ["body", "prices", "0", "price_amount"]}; list indexes are given as text
 * @param msg the explanation, such as {@code Field required}
 * @param type the validation error type, such as {@code missing}
 */
public record ValidationError(List<String> loc, String msg, String type) {

	/**
	 * Creates a validation error.
	 * @param loc the path to the invalid value
	 * @param msg the explanation
	 * @param type the validation error type
	 */
	public ValidationError {
		loc = List.copyOf(loc);
	}

	/**
	 * Returns the location as one dotted path, convenient in messages.
	 * @return the location, such as {@code body.prices.0.price_amount}
	 */
	public String location() {
		return String.join(".", this.loc);
	}

}
