package dev.polarspring.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.Stream;

import com.palantir.javapoet.ClassName;

/**
 * How spec names become Java names. Every rule lives here so that names read like
 * hand-written Java and stay the same from one build to the next.
 *
 * <p>
 * Component schemas keep the spec's name (it already reads like a Java class name:
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
 * Schemas without a name of their own (enums, unions and tuples declared inline) are
 * named by {@link ModelTypes}, which tries the candidates documented there in order and
 * takes the first one not already used by another type.
 *
 * <p>
 * <b>Names kept apart.</b> A model type never shares a simple name with a type of the
 * client's other packages: an IDE that imports the wrong {@code OrderPaidEvent} gives a
 * listener that compiles and never fires. Two rules keep them apart:
 * <ul>
 * <li>Events API objects: a member of a union named {@code <Qualifier>Event} whose own
 * name ends in {@code Event} takes the qualifier before {@code Event}
 * ({@link #eventMemberName}): {@code OrderPaidEvent} in {@code SystemEvent} becomes
 * {@code OrderPaidSystemEvent}, {@code MeterCreditEvent} {@code MeterCreditSystemEvent}.
 * The whole family is renamed, not only the names a webhook takes today, so a webhook
 * Polar adds later renames nothing. Webhook events are {@code <Type>Event} in the webhook
 * package ({@link #webhookEventName}).</li>
 * <li>Any other name the client already uses (a webhook event, the webhook package's own
 * types, a hand-written class given to {@link #Naming(Collection)}) gets the suffix
 * {@code Record} ({@link #apartFrom}): the schema {@code WebhookDelivery} (a delivery
 * Polar logged) becomes {@code WebhookDeliveryRecord}, apart from the hand-written
 * {@code dev.polarspring.client.webhook.WebhookDelivery} (the headers of one delivery),
 * and {@code ValidationError} becomes {@code ValidationErrorRecord}, apart from
 * {@code dev.polarspring.client.error.ValidationError}. A page of them follows its items
 * ({@code WebhookDeliveryRecordList}). If the suffixed name is taken too, the build
 * stops.</li>
 * </ul>
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

	private final SortedMap<String, ClassName> handWritten = new TreeMap<>();

	/**
	 * Creates the naming rules for a model generated on its own, next to no hand-written
	 * class.
	 */
	public Naming() {
		this(List.of());
	}

	/**
	 * Creates the naming rules for a model generated next to hand-written classes, whose
	 * simple names the model leaves free.
	 * @param handWrittenTypes the hand-written top-level classes of the client
	 */
	public Naming(Collection<ClassName> handWrittenTypes) {
		for (ClassName type : handWrittenTypes) {
			this.handWritten.merge(type.simpleName(), type, (first, second) -> first);
		}
	}

	/**
	 * Creates the naming rules for the model of a client whose hand-written sources are
	 * in a directory: every top-level class there keeps its simple name to itself.
	 * @param sourceRoot the root of the hand-written sources, such as
	 * {@code src/main/java}
	 * @return the naming rules
	 * @throws IOException if the directory cannot be read
	 */
	public static Naming keepingApartFrom(Path sourceRoot) throws IOException {
		List<ClassName> types = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sourceRoot)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
				String name = file.getFileName().toString().replace(".java", "");
				if (name.equals("package-info") || name.equals("module-info")) {
					continue;
				}
				List<String> packages = new ArrayList<>();
				sourceRoot.relativize(file.getParent()).forEach((part) -> packages.add(part.toString()));
				types.add(ClassName.get(String.join(".", packages), name));
			}
		}
		return new Naming(types);
	}

	/**
	 * Returns the hand-written class of a simple name.
	 * @param simpleName a simple class name
	 * @return the hand-written class, or empty if no hand-written class has that name
	 */
	public Optional<ClassName> handWritten(String simpleName) {
		return Optional.ofNullable(this.handWritten.get(simpleName));
	}

	/**
	 * Returns the simple names of the hand-written classes, sorted.
	 * @return the hand-written names
	 */
	public Set<String> handWrittenNames() {
		return Collections.unmodifiableSet(this.handWritten.keySet());
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
				WEBHOOK_DELIVERY, MALFORMED_WEBHOOK_PAYLOAD));
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
