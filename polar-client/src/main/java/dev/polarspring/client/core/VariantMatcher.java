package dev.polarspring.client.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Chooses the variant of a union that has no discriminator property, from what each
 * variant's schema declares.
 *
 * <p>
 * A variant accepts a JSON object when
 * <ol>
 * <li>every constant it declares is there with that value (its own {@code const}
 * properties, and those of an object it requires, such as {@code benefit.type} of a
 * benefit grant);</li>
 * <li>every property it requires is present, and those that may not be null are not
 * null;</li>
 * <li>if it allows no other properties, the object has none it does not declare.</li>
 * </ol>
 * Among the variants that accept, the most specific wins: the most constants matched,
 * then the most of the object's properties declared, then the fewest declared properties
 * (the tightest fit); a tie goes to the variant listed first in the spec. When no variant
 * accepts, the union reads the object as its {@code Unknown} variant. As in a JSON tree,
 * a property that appears twice counts with its last value.
 *
 * <p>
 * The object is copied once into a token buffer ({@link #buffer}), noting on the way only
 * what the rules look at: which properties are present, which are not null, and the
 * values at the constants' paths; the chosen variant then reads the buffered tokens.
 * Building a tree to choose, then reading the variant back from the tree, was most of the
 * cost of these unions.
 *
 * <p>
 * Generated union deserializers hold one, built once from the spec; thread-safe once
 * built.
 *
 * @param <T> the union type
 */
public final class VariantMatcher<T> {

	private static final Object[] NO_CONSTANTS = {};

	private final List<Variant<? extends T>> variants;

	/** Every property name a variant's rules mention, by its bit in the masks. */
	private final Map<String, Integer> names = new HashMap<>();

	/** The constants' paths, from the object down; a leaf holds its value's slot. */
	private final PathStep constantPaths = new PathStep();

	private final int words;

	private final int slots;

	private final Rule[] rules;

	/**
	 * The mentioned names by their UTF-8 bytes, for a scan of an object's bytes, followed
	 * by the names only a constant's path starts with.
	 */
	private final ObjectScanner.Names nameBytes;

	/**
	 * The constants' paths' first steps, by the index of their name in
	 * {@link #nameBytes}.
	 */
	private final @Nullable PathStep[] stepsByName;

	/**
	 * Creates a matcher.
	 * @param variants the variants, in the spec's order (which breaks ties)
	 */
	public VariantMatcher(List<Variant<? extends T>> variants) {
		this.variants = List.copyOf(variants);
		Set<String> mentioned = new LinkedHashSet<>();
		for (Variant<? extends T> variant : this.variants) {
			mentioned.addAll(variant.required);
			mentioned.addAll(variant.notNull);
			mentioned.addAll(variant.declared);
		}
		for (String name : mentioned) {
			this.names.put(name, this.names.size());
		}

		this.words = Math.max(1, (this.names.size() + 63) / 64);
		Map<JsonPointer, Integer> slotsByPath = new HashMap<>();
		for (Variant<? extends T> variant : this.variants) {
			for (Map.Entry<JsonPointer, Object> constant : variant.constants) {
				slotsByPath.computeIfAbsent(constant.getKey(), (path) -> {
					int slot = slotsByPath.size();
					this.constantPaths.add(path, slot);
					return slot;
				});
			}
		}
		this.slots = slotsByPath.size();
		this.constantPaths.index();
		// The scan looks each name up once: the mentioned names, then those only a
		// constant's path starts with.
		List<String> scanned = new ArrayList<>(mentioned);
		this.constantPaths.names().stream().filter((name) -> !mentioned.contains(name)).forEach(scanned::add);
		this.nameBytes = new ObjectScanner.Names(scanned);
		this.stepsByName = new PathStep[scanned.size()];
		for (int i = 0; i < scanned.size(); i++) {
			this.stepsByName[i] = this.constantPaths.next(scanned.get(i));
		}
		this.rules = new Rule[this.variants.size()];
		for (int i = 0; i < this.rules.length; i++) {
			this.rules[i] = new Rule(this.variants.get(i), this.names, this.words, slotsByPath);
		}
	}

	/**
	 * Starts describing one variant.
	 * @param type the variant class
	 * @param <V> the variant type
	 * @return the variant description
	 */
	public static <V> Variant<V> variant(Class<V> type) {
		return new Variant<>(type);
	}

	/**
	 * Reads a JSON value into a token buffer, noting what the variants' rules look at. A
	 * value that is not an object is read as a tree: no variant accepts it. An object in
	 * a document in memory ({@link LookaheadParser}) is looked through instead, and left
	 * for the variant to read from the parser.
	 * @param parser the parser, on the first token of the value (or on the first property
	 * of an object, as Jackson may hand an object on); left on its last token
	 * @param context the context of the value being read
	 * @return the buffered value
	 */
	public Buffered buffer(JsonParser parser, DeserializationContext context) {
		if (parser instanceof LookaheadParser lookahead) {
			Buffered scanned = scan(lookahead);
			if (scanned != null) {
				return scanned;
			}
		}
		String name;
		if (parser.isExpectedStartObjectToken()) {
			name = parser.nextName();
		}
		else if (parser.hasToken(JsonToken.PROPERTY_NAME)) {
			name = parser.currentName();
		}
		else if (parser.hasToken(JsonToken.END_OBJECT)) {
			name = null;
		}
		else {
			return new Buffered(context.readTree(parser));
		}
		TokenBuffer tokens = context.bufferForInputBuffering(parser);
		Buffered json = new Buffered(tokens, parser, this.words,
				(this.slots > 0) ? new Object[this.slots] : NO_CONSTANTS);
		tokens.writeStartObject();
		for (; name != null; name = parser.nextName()) {
			JsonToken value = parser.nextToken();
			tokens.writeName(name);
			json.note(this.names.getOrDefault(name, -1), value);
			PathStep step = this.constantPaths.next(name);
			if (step != null) {
				copyNoting(parser, tokens, step, json.constants);
			}
			else {
				tokens.copyCurrentStructure(parser);
			}
		}
		tokens.writeEndObject();
		return json;
	}

	/**
	 * Notes what the rules look at from the bytes of the object the parser is on, reading
	 * none of it.
	 * @return the object, to be read from the parser, or null when its bytes do not tell
	 */
	private @Nullable Buffered scan(LookaheadParser parser) {
		int start = parser.objectStart();
		if (start < 0) {
			return null;
		}
		Buffered json = new Buffered(parser, this.words, (this.slots > 0) ? new Object[this.slots] : NO_CONSTANTS);
		Scan scan = new Scan(json, this.nameBytes, this.stepsByName, this.names.size(), this.constantPaths);
		return (ObjectScanner.properties(parser.buffer(), start, parser.end(), scan) >= 0) ? json : null;
	}

	/**
	 * Notes each property of an object's bytes, as {@link #buffer} notes each it reads.
	 */
	private static final class Scan implements ObjectScanner.Visitor {

		private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

		private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

		private static final PathStep[] NO_STEPS = {};

		private final Buffered json;

		/** The names noted: the mentioned ones, or none below the object. */
		private final ObjectScanner.@Nullable Names names;

		/** The steps below this one, by the index of their name in {@link #names}. */
		private final @Nullable PathStep[] steps;

		/** How many of the names are mentioned by the rules. */
		private final int mentioned;

		private final PathStep step;

		Scan(Buffered json, ObjectScanner.@Nullable Names names, @Nullable PathStep[] steps, int mentioned,
				PathStep step) {
			this.json = json;
			this.names = names;
			this.steps = steps;
			this.mentioned = mentioned;
			this.step = step;
		}

		@Override
		public int property(byte[] bytes, int nameStart, int nameEnd, int valueStart, int end) {
			PathStep next;
			if (this.names != null) {
				int name = this.names.find(bytes, nameStart, nameEnd);
				this.json.note((name < this.mentioned) ? name : -1,
						(bytes[valueStart] == 'n') ? JsonToken.VALUE_NULL : JsonToken.VALUE_STRING);
				next = (name >= 0) ? this.steps[name] : null;
			}
			else {
				next = this.step.next(bytes, nameStart, nameEnd);
			}
			if (next == null) {
				return ObjectScanner.skipValue(bytes, valueStart, end);
			}
			if (next.next != null) {
				// A value seen again: what the one before held below this step is gone.
				next.clear(this.json.constants);
			}
			if (next.slot >= 0) {
				byte first = bytes[valueStart];
				Object constant;
				if (first == '"') {
					constant = ObjectScanner.plainString(bytes, valueStart, end);
					if (constant == null) {
						// An escape: left to the parser.
						return ObjectScanner.FAIL;
					}
				}
				else if (ObjectScanner.isLiteral(bytes, valueStart, end, TRUE)) {
					constant = Boolean.TRUE;
				}
				else if (ObjectScanner.isLiteral(bytes, valueStart, end, FALSE)) {
					constant = Boolean.FALSE;
				}
				else {
					constant = null;
				}
				this.json.constants[next.slot] = constant;
			}
			if (next.next == null || bytes[valueStart] != '{') {
				return ObjectScanner.skipValue(bytes, valueStart, end);
			}
			return ObjectScanner.properties(bytes, valueStart + 1, end, new Scan(this.json, null, NO_STEPS, 0, next));
		}

	}

	/**
	 * Copies the value the parser is on, keeping the values at the constants' paths below
	 * it; a value seen again replaces what was kept from the one before.
	 */
	private static void copyNoting(JsonParser parser, TokenBuffer tokens, PathStep step, Object[] constants) {
		if (step.next != null) {
			// A value seen again: what the one before held below this step is gone.
			step.clear(constants);
		}
		JsonToken value = parser.currentToken();
		if (step.slot >= 0) {
			constants[step.slot] = switch (value) {
				case VALUE_STRING -> parser.getString();
				case VALUE_TRUE -> Boolean.TRUE;
				case VALUE_FALSE -> Boolean.FALSE;
				default -> null;
			};
		}
		if (value != JsonToken.START_OBJECT || step.next == null) {
			tokens.copyCurrentStructure(parser);
			return;
		}
		tokens.writeStartObject();
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			parser.nextToken();
			tokens.writeName(name);
			PathStep next = step.next(name);
			if (next != null) {
				copyNoting(parser, tokens, next, constants);
			}
			else {
				tokens.copyCurrentStructure(parser);
			}
		}
		tokens.writeEndObject();
	}

	/**
	 * Returns the variant a buffered JSON value is.
	 * @param json the value, buffered by this matcher
	 * @return the variant class, or null if no variant accepts the value
	 */
	public @Nullable Class<? extends T> match(Buffered json) {
		if (json.tree != null) {
			return null;
		}
		int best = -1;
		int bestConstants = 0;
		int bestDeclaredPresent = 0;
		int bestDeclared = 0;
		for (int i = 0; i < this.rules.length; i++) {
			Rule rule = this.rules[i];
			if (!rule.accepts(json)) {
				continue;
			}
			int declaredPresent = rule.declaredPresent(json);
			if (best < 0 || compare(rule.constantSlots.length, declaredPresent, rule.declaredCount, bestConstants,
					bestDeclaredPresent, bestDeclared) > 0) {
				best = i;
				bestConstants = rule.constantSlots.length;
				bestDeclaredPresent = declaredPresent;
				bestDeclared = rule.declaredCount;
			}
		}
		return (best >= 0) ? this.variants.get(best).type : null;
	}

	/**
	 * Compares two fits: the most constants, then the most properties declared, then the
	 * fewest declared properties.
	 */
	private static int compare(int constants, int declaredPresent, int declared, int otherConstants,
			int otherDeclaredPresent, int otherDeclared) {
		if (constants != otherConstants) {
			return Integer.compare(constants, otherConstants);
		}
		if (declaredPresent != otherDeclaredPresent) {
			return Integer.compare(declaredPresent, otherDeclaredPresent);
		}
		return Integer.compare(otherDeclared, declared);
	}

	/**
	 * A JSON value buffered to choose its variant: the object's tokens, to be read once
	 * by the chosen variant, and what the variants' rules look at; or, for a value that
	 * is not an object, its tree.
	 */
	public static final class Buffered {

		private final @Nullable TokenBuffer tokens;

		private final @Nullable JsonParser source;

		private final @Nullable JsonNode tree;

		/** Bit per mentioned name: present. */
		private final long[] present;

		/** Bit per mentioned name: present and not null (the last value counts). */
		private final long[] notNull;

		/** The values at the constants' paths: a String, a Boolean, or null. */
		private final Object[] constants;

		/** Whether the object has a property no variant mentions. */
		private boolean unmentioned;

		private Buffered(JsonNode tree) {
			this.tokens = null;
			this.source = null;
			this.tree = tree;
			this.present = new long[0];
			this.notNull = this.present;
			this.constants = NO_CONSTANTS;
		}

		/** An object looked through: its tokens are still the parser's to read. */
		private Buffered(LookaheadParser source, int words, Object[] constants) {
			this.tokens = null;
			this.source = source;
			this.tree = null;
			this.present = new long[words];
			this.notNull = new long[words];
			this.constants = constants;
		}

		private Buffered(TokenBuffer tokens, JsonParser source, int words, Object[] constants) {
			this.tokens = tokens;
			this.source = source;
			this.tree = null;
			this.present = new long[words];
			this.notNull = new long[words];
			this.constants = constants;
		}

		/**
		 * Notes a property: {@code name} is the index of a name a rule mentions, or
		 * negative for any other.
		 */
		private void note(int name, JsonToken value) {
			if (name < 0) {
				this.unmentioned = true;
				return;
			}
			int word = name >>> 6;
			long bit = 1L << name;
			this.present[word] |= bit;
			if (value == JsonToken.VALUE_NULL) {
				this.notNull[word] &= ~bit;
			}
			else {
				this.notNull[word] |= bit;
			}
		}

		/**
		 * Returns a parser over the object, on its first token: one over its copied
		 * tokens, or the parser it is in when it was looked through.
		 * @param context the context of the value being read
		 * @return the parser
		 * @throws IllegalStateException if the value is not an object (read {@link #tree}
		 * instead)
		 */
		public JsonParser tokens(DeserializationContext context) {
			if (this.source == null) {
				throw new IllegalStateException("Not an object: no variant reads it; read its tree");
			}
			return (this.tokens != null) ? this.tokens.asParserOnFirstToken(context, this.source) : this.source;
		}

		/**
		 * Whether {@link #tokens} gives a parser of its own, to be closed when read,
		 * rather than the parser the object is still in.
		 * @return whether the object's tokens were copied
		 */
		public boolean copied() {
			return this.tokens != null;
		}

		/**
		 * Returns the value as a tree, for a value no variant accepts.
		 * @param context the context of the value being read
		 * @return the tree
		 */
		public JsonNode tree(DeserializationContext context) {
			if (this.tree != null) {
				return this.tree;
			}
			if (!copied()) {
				return context.readTree(tokens(context));
			}
			try (JsonParser parser = tokens(context)) {
				return context.readTree(parser);
			}
		}

	}

	/**
	 * One step of the constants' paths: the property names below it, and the slot of the
	 * value when a constant sits here.
	 */
	private static final class PathStep {

		private @Nullable Map<String, PathStep> next;

		private int slot = -1;

		/** Every slot at or below this step, cleared when the property appears again. */
		private int[] slotsBelow = {};

		void add(JsonPointer path, int slot) {
			this.slotsBelow = Arrays.copyOf(this.slotsBelow, this.slotsBelow.length + 1);
			this.slotsBelow[this.slotsBelow.length - 1] = slot;
			if (path.matches()) {
				this.slot = slot;
				return;
			}
			if (this.next == null) {
				this.next = new HashMap<>();
			}
			this.next.computeIfAbsent(path.getMatchingProperty(), (name) -> new PathStep()).add(path.tail(), slot);
		}

		/** The names of the steps below, by their bytes, and the steps in that order. */
		private ObjectScanner.@Nullable Names nextNames;

		private PathStep[] nextSteps = {};

		@Nullable PathStep next(String name) {
			return (this.next != null) ? this.next.get(name) : null;
		}

		@Nullable PathStep next(byte[] bytes, int from, int to) {
			if (this.nextNames == null) {
				return null;
			}
			int index = this.nextNames.find(bytes, from, to);
			return (index >= 0) ? this.nextSteps[index] : null;
		}

		/** Returns the names of the steps below. */
		Set<String> names() {
			return (this.next != null) ? this.next.keySet() : Set.of();
		}

		/** Indexes the names below, once every path is added. */
		void index() {
			if (this.next == null) {
				return;
			}
			List<String> names = new ArrayList<>(this.next.size());
			List<PathStep> steps = new ArrayList<>(this.next.size());
			this.next.forEach((name, step) -> {
				names.add(name);
				steps.add(step);
				step.index();
			});
			this.nextNames = new ObjectScanner.Names(names);
			this.nextSteps = steps.toArray(new PathStep[0]);
		}

		void clear(Object[] constants) {
			for (int slot : this.slotsBelow) {
				constants[slot] = null;
			}
		}

	}

	/**
	 * One variant's rules, compiled to masks over the mentioned names and slots of the
	 * constants.
	 */
	private static final class Rule {

		private final long[] required;

		private final long[] notNull;

		private final long[] declared;

		private final int declaredCount;

		private final boolean closed;

		private final int[] constantSlots;

		private final Object[] constantValues;

		Rule(Variant<?> variant, Map<String, Integer> names, int words, Map<JsonPointer, Integer> slots) {
			this.required = mask(variant.required, names, words);
			// A non-null property must be present too.
			this.notNull = mask(variant.notNull, names, words);
			this.declared = mask(variant.declared, names, words);
			this.declaredCount = variant.declared.size();
			this.closed = variant.closed;
			this.constantSlots = new int[variant.constants.size()];
			this.constantValues = new Object[variant.constants.size()];
			for (int i = 0; i < this.constantSlots.length; i++) {
				Map.Entry<JsonPointer, Object> constant = variant.constants.get(i);
				// Every constant's pointer was given a slot when the slots were numbered.
				this.constantSlots[i] = Objects.requireNonNull(slots.get(constant.getKey()));
				this.constantValues[i] = constant.getValue();
			}
		}

		private static long[] mask(Set<String> set, Map<String, Integer> names, int words) {
			long[] mask = new long[words];
			for (String name : set) {
				// Every name a variant declares was numbered.
				int bit = Objects.requireNonNull(names.get(name));
				mask[bit >>> 6] |= 1L << bit;
			}
			return mask;
		}

		boolean accepts(Buffered json) {
			for (int i = 0; i < this.constantSlots.length; i++) {
				// A Boolean constant equals only a JSON boolean, a String only a string.
				if (!this.constantValues[i].equals(json.constants[this.constantSlots[i]])) {
					return false;
				}
			}
			if (this.closed && json.unmentioned) {
				return false;
			}
			for (int word = 0; word < this.required.length; word++) {
				long present = json.present[word];
				if ((this.required[word] & ~present) != 0 || (this.notNull[word] & ~json.notNull[word]) != 0
						|| (this.closed && (present & ~this.declared[word]) != 0)) {
					return false;
				}
			}
			return true;
		}

		int declaredPresent(Buffered json) {
			int count = 0;
			for (int word = 0; word < this.declared.length; word++) {
				count += Long.bitCount(json.present[word] & this.declared[word]);
			}
			return count;
		}

	}

	/**
	 * What one variant's schema declares. Described once, before the matcher is built,
	 * and not changed after.
	 *
	 * @param <V> the variant type
	 */
	public static final class Variant<V> {

		private final Class<V> type;

		private final List<Map.Entry<JsonPointer, Object>> constants = new ArrayList<>();

		private Set<String> required = Set.of();

		private Set<String> notNull = Set.of();

		private Set<String> declared = Set.of();

		private boolean closed;

		private Variant(Class<V> type) {
			this.type = type;
		}

		/**
		 * Declares a constant.
		 * @param pointer the JSON pointer of the property, such as {@code /benefit/type};
		 * each step names an object's property
		 * @param value the constant, a {@code String} or a {@code Boolean}
		 * @return this description
		 * @throws IllegalArgumentException if the value is neither
		 */
		public Variant<V> constant(String pointer, Object value) {
			if (!(value instanceof String) && !(value instanceof Boolean)) {
				throw new IllegalArgumentException("A constant is a String or a Boolean, not " + value.getClass());
			}
			this.constants.add(Map.entry(JsonPointer.compile(pointer), value));
			return this;
		}

		/**
		 * Declares the required properties.
		 * @param names the property names
		 * @return this description
		 */
		public Variant<V> required(String... names) {
			this.required = Set.of(names);
			return this;
		}

		/**
		 * Declares the required properties that may not be null.
		 * @param names the property names
		 * @return this description
		 */
		public Variant<V> notNull(String... names) {
			this.notNull = Set.of(names);
			return this;
		}

		/**
		 * Declares every property of the variant.
		 * @param names the property names
		 * @return this description
		 */
		public Variant<V> declared(String... names) {
			this.declared = Set.of(names);
			return this;
		}

		/**
		 * Declares that the variant allows no other properties.
		 * @return this description
		 */
		public Variant<V> closed() {
			this.closed = true;
			return this;
		}

	}

}
