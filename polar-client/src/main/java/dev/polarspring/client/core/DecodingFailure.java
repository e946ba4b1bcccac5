package dev.polarspring.client.core;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Describes why a body could not be decoded without quoting the body: Jackson's own
 * messages repeat the offending value, which can be a customer session token or another
 * secret. Used for API responses and, by the generated webhook decoder, for webhook
 * payloads.
 */
public final class DecodingFailure {

	private DecodingFailure() {
	}

	/**
	 * Names the kind of failure, the JSON path and the position in the body, never a
	 * value.
	 * @param ex the failure Jackson reported
	 * @return for example
	 * {@code MismatchedInputException at $.items[3].prices[0].amount (line 1,
	 * column 812)}
	 */
	public static String describe(JacksonException ex) {
		StringBuilder description = new StringBuilder(ex.getClass().getSimpleName()).append(" at ").append(path(ex));
		@Nullable TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			description.append(" (line ")
				.append(location.getLineNr())
				.append(", column ")
				.append(location.getColumnNr())
				.append(')');
		}
		return description.toString();
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.from() instanceof Map) {
				// A map key is data from the body (metadata keys are chosen by the
				// caller), not a schema name.
				path.append("[*]");
			}
			else if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
		}
		return path.toString();
	}

}
