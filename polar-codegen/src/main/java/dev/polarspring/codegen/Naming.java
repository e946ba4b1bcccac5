package dev.polarspring.codegen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.palantir.javapoet.ClassName;
import org.jspecify.annotations.Nullable;

/**
 * How spec names become Java names. Every rule lives here, and nothing but the spec and
 * the fixed tables of this class decides a name, so names read like hand-written Java and
 * stay the same from one build to the next.
 *
 * <p>
 * <b>Component schemas</b> keep the spec's name (it already reads like a Java class name:
 * {@code Product}, {@code SubscriptionStatus}, {@code OAuth2Client}) except for these
 * shapes:
 * <ul>
 * <li>{@code ListResource_Product_} becomes {@code ProductList}; {@code ListResource__}
 * (no type argument) is named from its item type, see {@link #listTypeName(String)};</li>
 * <li>{@code ListResourceWithCursorPagination_Event_} becomes
 * {@code EventCursorList};</li>
 * <li>{@code CostMetadata-Output} becomes {@code CostMetadata} and
 * {@code CostMetadata-Input} becomes {@code CostMetadataInput} (the spec's pydantic
 * read/write split: the read side keeps the plain name);</li>
 * <li>{@code Body_oauth2_consent} becomes {@code Oauth2ConsentBody};</li>
 * <li>any other character that Java does not allow is dropped and the next letter
 * capitalised.</li>
 * </ul>
 *
 * <p>
 * <b>Inline schemas</b> (enums, unions and tuples declared in place) have no name of
 * their own. {@link ModelTypes} meets them by walking every reachable component (sorted
 * by name, properties in spec order), then every operation's parameters, request body and
 * responses; two with the same content (the same enum values; the same union members)
 * share one type, named where it is met first. The name is the first of these candidates
 * not already taken by another type:
 * <ul>
 * <li>enums ({@link #enumCandidates}): the schema's {@code title} when it is a PascalCase
 * name of two words or more ({@code CountryAlpha2}); otherwise owner + property
 * ({@code BaseFactorType}); a query parameter's enum tries the parameter name alone first
 * ({@code Timezone});</li>
 * <li>unions ({@link #unionCandidates}): a request body's {@code title}
 * ({@code SubscriptionCreate}); then the words the member names share at the start and at
 * the end ({@code CheckoutDiscountFixed...}, {@code CheckoutDiscountPercentage...} give
 * {@code CheckoutDiscount}; {@code ProductPriceFixedCreate}, ... give
 * {@code ProductPriceCreate}), if two words or more and not a member's own name; then the
 * shared start alone, then the shared end alone; then {@code Any} + the shared words when
 * they name a member ({@code LegacyRecurringProductPrice} or {@code ProductPrice} gives
 * {@code AnyProductPrice}); then owner + property;</li>
 * <li>tuples ({@link #tupleCandidates}): the property name ({@code tax_id} gives
 * {@code TaxId}), then owner + property.</li>
 * </ul>
 * Owner + property uses the singular for array items ({@code available_factors} items
 * give {@code ...AvailableFactor}). If every candidate is taken, generation fails naming
 * the schema.
 *
 * <p>
 * <b>Names kept apart.</b> A model type never shares a simple name with another type of
 * the client ({@link #reservedNames}): an IDE that imports the wrong
 * {@code OrderPaidEvent} gives a listener that compiles and never fires. Inline types
 * skip such names like names already taken; components follow two rules
 * ({@link #componentName}):
 * <ul>
 * <li>Events API objects: a member of a union named {@code <Qualifier>Event} whose own
 * name ends in {@code Event} takes the qualifier before {@code Event}
 * ({@link #eventMemberName}): {@code OrderPaidEvent} in {@code SystemEvent} becomes
 * {@code OrderPaidSystemEvent}, {@code MeterCreditEvent} {@code MeterCreditSystemEvent}.
 * The whole family is renamed, not only the names a webhook takes today, so a webhook
 * Polar adds later renames nothing. Webhook events are {@code <Type>Event} in the webhook
 * package ({@link #webhookEventName}).</li>
 * <li>Any other name the client already uses gets the suffix {@code Record}
 * ({@link #apartFrom}). The names the client uses are the generator's own (the webhook
 * package's types, {@code PolarResources}, {@code ModelTypeIndex}) and the fixed
 * <b>rename table</b> of hand-written classes a schema's name would clash with:
 * {@code WebhookDelivery} (the schema of a delivery Polar logged) becomes
 * {@code WebhookDeliveryRecord}, apart from
 * {@code dev.polarspring.client.webhook.WebhookDelivery} (the headers of one delivery),
 * and {@code ValidationError} becomes {@code ValidationErrorRecord}, apart from
 * {@code dev.polarspring.client.error.ValidationError}. A page of them follows its items
 * ({@code WebhookDeliveryRecordList}). If the suffixed name is taken too, the build
 * stops.</li>
 * </ul>
 * The table is written here rather than read from the client's source tree, so adding a
 * hand-written class never renames a public generated type. A test of
 * {@code polar-client} checks the table against its hand-written sources: a new clash
 * fails the build, saying to rename the class or extend the table.
 *
 * <p>
 * Properties become camelCase ({@code billing_address} to {@code billingAddress}); a name
 * that Java reserves, or that a record or {@code Object} already declares, gets the
 * suffix {@code Value} ({@code default} to {@code defaultValue}). Enum constants become
 * upper snake case ({@code github_repository} to {@code GITHUB_REPOSITORY},
 * {@code Etc/GMT+1} to {@code ETC_GMT_PLUS_1}, {@code 2xx} to {@code _2XX}).
 */
public final class Naming {

	/**
	 * The sealed interface of every webhook event (generated into the webhook package).
	 */
	public static final String WEBHOOK_EVENT_TYPE = "PolarWebhookEvent";

	/** The decoder of webhook bodies (generated into the webhook package). */
	public static final String WEBHOOK_DECODER = "PolarWebhookEvents";

	/**
	 * The webhook event of a type the SDK does not know (generated into the webhook
	 * package).
	 */
	public static final String UNKNOWN_WEBHOOK_EVENT = "UnknownWebhookEvent";

	/**
	 * The {@code webhook-id} and {@code webhook-timestamp} of a delivery (hand-written,
	 * webhook package).
	 */
	public static final String WEBHOOK_DELIVERY = "WebhookDelivery";

	/**
	 * The exception for a verified but unreadable webhook body (hand-written, webhook
	 * package).
	 */
	public static final String MALFORMED_WEBHOOK_PAYLOAD = "MalformedWebhookPayloadException";

	/**
	 * Reads a webhook body of the usual shape in one pass (hand-written, webhook
	 * package).
	 */
	public static final String WEBHOOK_PAYLOAD_READER = "WebhookPayloadReader";

	/**
	 * The base class of {@code PolarClient} holding the top-level resource clients
	 * (generated into the client package).
	 */
	public static final String POLAR_RESOURCES = "PolarResources";

	/**
	 * The list of every generated model and webhook type that the native hints read
	 * (generated into the aot package).
	 */
	public static final String MODEL_TYPE_INDEX = "ModelTypeIndex";

	/**
	 * The rename table: the hand-written classes of the client whose simple names a
	 * component schema would otherwise take. Checked against polar-client's sources by
	 * its {@code GeneratedNamesTests}.
	 */
	private static final List<ClassName> RENAME_TABLE = List.of(
			// Polar's 422 body items; the client's own is what exceptions carry.
			ClassName.get("dev.polarspring.client.error", "ValidationError"),
			// A delivery Polar logged; the client's own is the headers of one delivery.
			ClassName.get("dev.polarspring.client.webhook", "WebhookDelivery"));

	private static final String EVENT = "Event";

	private static final String APART_SUFFIX = "Record";

	private static final Pattern LIST_RESOURCE = Pattern.compile("ListResource_(.*)_");

	private static final Pattern CURSOR_LIST_RESOURCE = Pattern.compile("ListResourceWithCursorPagination_(.+)_");

	private static final Pattern BODY = Pattern.compile("Body_(.+)");

	private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
			"long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
			"strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
			"volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "hashCode",
			"toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

	private final SortedMap<String, ClassName> renameTable = new TreeMap<>();

	/**
	 * Creates the naming rules of the client, with its rename table.
	 */
	public Naming() {
		this(RENAME_TABLE);
	}

	/**
	 * Creates the naming rules with another rename table, for tests of the rules.
	 * @param keptApartFrom the classes whose simple names the model leaves free
	 */
	public Naming(Collection<ClassName> keptApartFrom) {
		for (ClassName type : keptApartFrom) {
			this.renameTable.merge(type.simpleName(), type, (first, second) -> first);
		}
	}

	/**
	 * Returns the rename table: the simple names no model type takes, each with the
	 * hand-written class that has it.
	 * @return the table, sorted by simple name
	 */
	public SortedMap<String, ClassName> renameTable() {
		return Collections.unmodifiableSortedMap(this.renameTable);
	}

	/**
	 * Returns the hand-written class of the rename table that has a simple name.
	 * @param simpleName a simple class name
	 * @return the class, or empty if the table does not have the name
	 */
	public Optional<ClassName> keptApartFrom(String simpleName) {
		return Optional.ofNullable(this.renameTable.get(simpleName));
	}

	/**
	 * Returns every simple name that the client uses outside the model package and that
	 * no model type may take: the webhook package's ({@link #webhookTypeNames}),
	 * {@code PolarResources}, {@code ModelTypeIndex} and the rename table's.
	 * @param eventTypes the webhook event types of the spec
	 * @return the names, sorted
	 */
	public Set<String> reservedNames(Collection<String> eventTypes) {
		Set<String> names = new TreeSet<>(webhookTypeNames(eventTypes));
		names.add(POLAR_RESOURCES);
		names.add(MODEL_TYPE_INDEX);
		names.addAll(this.renameTable.keySet());
		return names;
	}

	/**
	 * Returns the Java name of a component schema from its plain name: the Events API
	 * rule for each union it is a member of ({@link #eventMemberName}), then the suffix
	 * {@code Record} if the name is reserved ({@link #apartFrom}).
	 * @param plainName the name from {@link #typeName(String, UnaryOperator)}
	 * @param unionNames the Java names of the unions the schema is a member of, sorted by
	 * their schema names
	 * @param reserved the names no model type may take ({@link #reservedNames})
	 * @return the component's Java name
	 */
	public String componentName(String plainName, List<String> unionNames, Set<String> reserved) {
		String name = plainName;
		for (String union : unionNames) {
			name = eventMemberName(name, union);
		}
		return reserved.contains(name) ? apartFrom(name) : name;
	}

	/**
	 * Where an inline schema was met, which decides its candidate names.
	 */
	public enum Site {

		/** The schema of a property, or of a map's values. */
		PROPERTY,

		/** The schema of an array's items. */
		ITEMS,

		/** The schema of an operation's parameter. */
		PARAMETER,

		/** An operation's request or response body. */
		BODY

	}

	/**
	 * Returns the names an inline enum may take, in order of preference.
	 * @param title the schema's {@code title}, or an empty string
	 * @param owner the Java name of the type or operation the enum was met in
	 * @param property the property or parameter name on the wire
	 * @param site where the enum was met
	 * @return the candidates
	 */
	public List<String> enumCandidates(String title, String owner, String property, Site site) {
		List<String> candidates = new ArrayList<>();
		if (title.matches("[A-Z][A-Za-z0-9]*") && words(title).size() >= 2) {
			candidates.add(title);
		}
		if (site == Site.PARAMETER) {
			candidates.add(pascalCase(property));
		}
		candidates.add(owner + ownerSuffix(property, site));
		return candidates;
	}

	/**
	 * Returns the names an inline union of objects may take, in order of preference.
	 * @param title a request body's {@code title}, or null
	 * @param memberNames the Java names of the members, in spec order
	 * @param owner the Java name of the type or operation the union was met in
	 * @param property the property name on the wire
	 * @param site where the union was met
	 * @return the candidates
	 */
	public List<String> unionCandidates(@Nullable String title, List<String> memberNames, String owner, String property,
			Site site) {
		List<String> candidates = new ArrayList<>();
		if (title != null && !title.isBlank()) {
			candidates.add(pascalCase(title));
		}
		List<List<String>> memberWords = new ArrayList<>();
		memberNames.forEach((name) -> memberWords.add(words(name)));
		List<String> prefix = commonPrefix(memberWords);
		List<String> suffix = commonSuffix(memberWords, prefix.size());
		String both = String.join("", prefix) + String.join("", suffix);
		if (prefix.size() + suffix.size() >= 2 && !memberNames.contains(both)) {
			candidates.add(both);
		}
		if (prefix.size() >= 2 && !memberNames.contains(String.join("", prefix))) {
			candidates.add(String.join("", prefix));
		}
		if (suffix.size() >= 2 && !memberNames.contains(String.join("", suffix))) {
			candidates.add(String.join("", suffix));
		}
		if (memberNames.contains(both)) {
			candidates.add("Any" + both);
		}
		candidates.add(owner + ownerSuffix(property, site));
		return candidates;
	}

	/**
	 * Returns the names an inline tuple ({@code prefixItems}) may take, in order of
	 * preference.
	 * @param owner the Java name of the type or operation the tuple was met in
	 * @param property the property name on the wire
	 * @return the candidates
	 */
	public List<String> tupleCandidates(String owner, String property) {
		return List.of(pascalCase(property), owner + pascalCase(property));
	}

	private String ownerSuffix(String property, Site site) {
		String name = pascalCase(property);
		if (site == Site.ITEMS && name.endsWith("s") && !name.endsWith("ss")) {
			return name.substring(0, name.length() - 1);
		}
		return name;
	}

	private static List<String> commonPrefix(List<List<String>> words) {
		List<String> first = words.get(0);
		int length = first.size();
		for (List<String> other : words) {
			int i = 0;
			while (i < Math.min(length, other.size()) && other.get(i).equals(first.get(i))) {
				i++;
			}
			length = i;
		}
		return first.subList(0, length);
	}

	private static List<String> commonSuffix(List<List<String>> words, int prefixLength) {
		List<String> first = words.get(0);
		int length = first.size() - prefixLength;
		for (List<String> other : words) {
			int i = 0;
			int max = Math.min(length, other.size() - prefixLength);
			while (i < max && other.get(other.size() - 1 - i).equals(first.get(first.size() - 1 - i))) {
				i++;
			}
			length = i;
		}
		return first.subList(first.size() - length, first.size());
	}

	/**
	 * Returns the record name of a webhook event type: its words in PascalCase plus
	 * {@code Event} ({@code order.paid} gives {@code OrderPaidEvent}).
	 * @param type the event type
	 * @return the simple name of the event record
	 */
	public String webhookEventName(String type) {
		return pascalCase(type) + EVENT;
	}

	/**
	 * Returns every simple name of the webhook package: one record per event type, and
	 * the types the package always has.
	 * @param eventTypes the webhook event types of the spec
	 * @return the names, sorted
	 */
	public Set<String> webhookTypeNames(Collection<String> eventTypes) {
		Set<String> names = new TreeSet<>(List.of(WEBHOOK_EVENT_TYPE, WEBHOOK_DECODER, UNKNOWN_WEBHOOK_EVENT,
				WEBHOOK_DELIVERY, MALFORMED_WEBHOOK_PAYLOAD, WEBHOOK_PAYLOAD_READER));
		eventTypes.forEach((type) -> names.add(webhookEventName(type)));
		return names;
	}

	/**
	 * Returns the name of a member of an Events API union: a member named
	 * {@code <X>Event} of a union named {@code <Qualifier>Event} becomes
	 * {@code <X><Qualifier>Event} ({@code OrderPaidEvent} in {@code SystemEvent} gives
	 * {@code OrderPaidSystemEvent}); any other name is returned as it is.
	 * @param memberName the member's Java name
	 * @param unionName the union's Java name
	 * @return the member's name in the model
	 */
	public String eventMemberName(String memberName, String unionName) {
		List<String> union = words(unionName);
		List<String> member = words(memberName);
		if (union.size() < 2 || member.size() < 2 || !union.get(union.size() - 1).equals(EVENT)
				|| !member.get(member.size() - 1).equals(EVENT)) {
			return memberName;
		}
		String qualifier = String.join("", union.subList(0, union.size() - 1));
		String stem = memberName.substring(0, memberName.length() - EVENT.length());
		return stem.endsWith(qualifier) ? memberName : stem + qualifier + EVENT;
	}

	/**
	 * Returns the name a model type takes when its own is used elsewhere in the client:
	 * {@code WebhookDelivery} gives {@code WebhookDeliveryRecord}.
	 * @param name the name already used
	 * @return the name to use instead
	 */
	public String apartFrom(String name) {
		return name + APART_SUFFIX;
	}

	/**
	 * Returns the Java class name of a component schema, or an empty string for
	 * {@code ListResource__}, whose name depends on its item type (see
	 * {@link #listTypeName(String)}).
	 * @param schemaName the component name
	 * @return the simple class name
	 */
	public String typeName(String schemaName) {
		return typeName(schemaName, this::typeName);
	}

	/**
	 * Returns the Java class name of a component schema, naming the items of a page with
	 * a function of their schema name (the model passes the names its types finally
	 * took).
	 * @param schemaName the component name
	 * @param itemTypeName the Java name of a page's item schema
	 * @return the simple class name, or an empty string for {@code ListResource__}
	 */
	public String typeName(String schemaName, UnaryOperator<String> itemTypeName) {
		Matcher cursor = CURSOR_LIST_RESOURCE.matcher(schemaName);
		if (cursor.matches()) {
			return itemTypeName.apply(cursor.group(1)) + "CursorList";
		}
		Matcher list = LIST_RESOURCE.matcher(schemaName);
		if (list.matches()) {
			return list.group(1).isEmpty() ? "" : listTypeName(itemTypeName.apply(list.group(1)));
		}
		Matcher body = BODY.matcher(schemaName);
		if (body.matches()) {
			return pascalCase(body.group(1)) + "Body";
		}
		if (schemaName.endsWith("-Output")) {
			return typeName(schemaName.substring(0, schemaName.length() - "-Output".length()));
		}
		if (schemaName.endsWith("-Input")) {
			return typeName(schemaName.substring(0, schemaName.length() - "-Input".length())) + "Input";
		}
		return identifier(schemaName);
	}

	/**
	 * Returns the name of a page of items.
	 * @param itemTypeName the Java name of the item type
	 * @return {@code itemTypeName + "List"}
	 */
	public String listTypeName(String itemTypeName) {
		return itemTypeName + "List";
	}

	/**
	 * Returns the Java name of a property or parameter: camelCase, never a reserved word.
	 * @param wireName the name on the wire, such as {@code billing_address}
	 * @return the Java name, such as {@code billingAddress}
	 */
	public String propertyName(String wireName) {
		String result = camelCase(wireName);
		return RESERVED.contains(result) ? result + "Value" : result;
	}

	/**
	 * Turns any text into a camelCase identifier, words lower-cased
	 * ({@code list_webhook_endpoints} to {@code listWebhookEndpoints}); unlike
	 * {@link #propertyName(String)} it does not avoid reserved names, so the caller
	 * decides.
	 * @param text the text
	 * @return the camelCase identifier, {@code value} if the text has no word
	 */
	public String camelCase(String text) {
		List<String> words = words(text);
		if (words.isEmpty()) {
			return "value";
		}
		StringBuilder name = new StringBuilder(words.get(0).toLowerCase(Locale.ROOT));
		for (int i = 1; i < words.size(); i++) {
			name.append(capitalize(words.get(i).toLowerCase(Locale.ROOT)));
		}
		String result = name.toString();
		return Character.isDigit(result.charAt(0)) ? "_" + result : result;
	}

	/**
	 * Returns the Java name of an enum constant.
	 * @param value the wire value
	 * @return the constant name in upper snake case
	 */
	public String enumConstant(String value) {
		List<String> words = words(value.replace("+", " plus "));
		if (words.isEmpty()) {
			return "EMPTY";
		}
		String name = String.join("_", words).toUpperCase(Locale.ROOT);
		return Character.isDigit(name.charAt(0)) ? "_" + name : name;
	}

	/**
	 * Turns any text into PascalCase, keeping the capitals already there
	 * ({@code oauth2_consent} to {@code Oauth2Consent}, {@code taxId} to {@code TaxId}).
	 * @param text the text
	 * @return the PascalCase identifier
	 */
	public String pascalCase(String text) {
		StringBuilder name = new StringBuilder();
		for (String word : words(text)) {
			name.append(capitalize(word));
		}
		return name.toString();
	}

	/**
	 * Splits a name into the words Java names are made of: at underscores, dashes, dots,
	 * spaces, slashes and other punctuation, and where a lower-case letter or digit is
	 * followed by a capital ({@code billingAddress} to {@code billing}, {@code Address}).
	 * @param text the name
	 * @return the words, without separators
	 */
	public List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isLetterOrDigit(c) || c > 127) {
				flush(word, words);
				continue;
			}
			if (Character.isUpperCase(c) && word.length() > 0) {
				char previous = word.charAt(word.length() - 1);
				boolean nextIsLower = i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
				// "DiscountType" splits before T; "OAuth2Client" keeps "OAuth2" whole
				// apart from
				// the split before "Client"; "HTTPValidation" splits before "Validation".
				if (Character.isLowerCase(previous)
						|| (Character.isUpperCase(previous) && nextIsLower && word.length() > 1)) {
					flush(word, words);
				}
			}
			word.append(c);
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (word.length() > 0) {
			words.add(word.toString());
			word.setLength(0);
		}
	}

	private static String identifier(String schemaName) {
		StringBuilder name = new StringBuilder();
		boolean upperNext = true;
		for (char c : schemaName.toCharArray()) {
			if (Character.isLetterOrDigit(c) && c < 128) {
				name.append(upperNext ? Character.toUpperCase(c) : c);
				upperNext = false;
			}
			else {
				upperNext = true;
			}
		}
		return name.toString();
	}

	private static String capitalize(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
