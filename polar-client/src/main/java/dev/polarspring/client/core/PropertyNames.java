package dev.polarspring.client.core;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;
import tools.jackson.databind.DeserializationContext;

/**
 * The property names of a record, matched as the parser reads them: each name read is its
 * index in the record's list, without the parser looking the name up in its symbol table
 * and the deserializer then comparing strings (the parser matches the bytes of the name
 * directly). Jackson's own bean deserializers read names this way.
 *
 * <p>
 * One instance per generated record deserializer, created when it is resolved;
 * thread-safe.
 */
public final class PropertyNames {

	/** A property the record does not declare, to be skipped. */
	public static final int UNKNOWN = PropertyNameMatcher.MATCH_UNKNOWN_NAME;

	/** No more properties: the object ends, or the parser has no more of it. */
	public static final int END = PropertyNameMatcher.MATCH_END_OBJECT;

	private final PropertyNameMatcher matcher;

	private PropertyNames(PropertyNameMatcher matcher) {
		this.matcher = matcher;
	}

	/**
	 * Creates the names of a record.
	 * @param context the context resolving the record's deserializer
	 * @param names the property names on the wire, in the order of their indexes
	 * @return the names
	 */
	public static PropertyNames of(DeserializationContext context, String... names) {
		List<Named> named = new ArrayList<>(names.length);
		for (String name : names) {
			named.add(Named.fromString(name));
		}
		// false: the matcher interns the names itself.
		return new PropertyNames(context.tokenStreamFactory().constructNameMatcher(named, false));
	}

	/**
	 * Moves to the first property of an object and matches its name.
	 * @param parser the parser, on the object's start or its first property (as a union
	 * hands it on)
	 * @param context the context, which reports any other token
	 * @param type the record being read
	 * @return the property's index, {@link #UNKNOWN}, or {@link #END} for an empty object
	 */
	public int first(JsonParser parser, DeserializationContext context, Class<?> type) {
		if (parser.isExpectedStartObjectToken()) {
			return next(parser);
		}
		if (parser.hasToken(JsonToken.PROPERTY_NAME)) {
			return parser.currentNameMatch(this.matcher);
		}
		if (!parser.hasToken(JsonToken.END_OBJECT)) {
			context.handleUnexpectedToken(type, parser);
		}
		return END;
	}

	/**
	 * Moves to the next property and matches its name; the parser is on the last token of
	 * the value before.
	 * @param parser the parser
	 * @return the property's index, {@link #UNKNOWN}, or {@link #END}
	 */
	public int next(JsonParser parser) {
		int match = parser.nextNameMatch(this.matcher);
		// Any other token ends the properties, as nextName() returning null would: only
		// the end of a buffered part of an object gives one (a JSON object's syntax
		// errors are the parser's to report).
		return (match == PropertyNameMatcher.MATCH_ODD_TOKEN) ? END : match;
	}

}
