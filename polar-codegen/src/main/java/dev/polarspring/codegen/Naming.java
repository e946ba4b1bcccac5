package dev.polarspring.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How spec names become Java names. Every rule lives here so that names read like hand-written
 * Java and stay the same from one build to the next.
 *
 * <p>Component schemas keep the spec's name (it already reads like a Java class name: {@code Product},
 * {@code SubscriptionStatus}, {@code OAuth2Client}) except for these shapes:
 * <ul>
 * <li>{@code ListResource_Product_} becomes {@code ProductList}; {@code ListResource__} (no type
 * argument) is named from its item type, see {@link #listTypeName(String)};</li>
 * <li>{@code ListResourceWithCursorPagination_Event_} becomes {@code EventCursorList};</li>
 * <li>{@code CostMetadata-Output} becomes {@code CostMetadata} and {@code CostMetadata-Input}
 * becomes {@code CostMetadataInput} (the spec's pydantic read/write split: the read side keeps
 * the plain name);</li>
 * <li>{@code Body_oauth2_consent} becomes {@code Oauth2ConsentBody};</li>
 * <li>any other character that Java does not allow is dropped and the next letter capitalised.</li>
 * </ul>
 * Schemas without a name of their own (enums, unions and tuples declared inline) are named by
 * {@link ModelTypes}, which tries the candidates documented there in order and takes the first
 * one not already used by another type.
 *
 * <p>Properties become camelCase ({@code billing_address} to {@code billingAddress}); a name
 * that Java reserves, or that a record or {@code Object} already declares, gets the suffix
 * {@code Value} ({@code default} to {@code defaultValue}). Enum constants become upper snake
 * case ({@code github_repository} to {@code GITHUB_REPOSITORY}, {@code Etc/GMT+1} to
 * {@code ETC_GMT_PLUS_1}, {@code 2xx} to {@code _2XX}).
 */
public final class Naming {

	private static final Pattern LIST_RESOURCE = Pattern.compile("ListResource_(.*)_");

	private static final Pattern CURSOR_LIST_RESOURCE = Pattern.compile("ListResourceWithCursorPagination_(.+)_");

	private static final Pattern BODY = Pattern.compile("Body_(.+)");

	private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
			"hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

	/**
	 * Returns the Java class name of a component schema, or an empty string for
	 * {@code ListResource__}, whose name depends on its item type (see
	 * {@link #listTypeName(String)}).
	 * @param schemaName the component name
	 * @return the simple class name
	 */
	public String typeName(String schemaName) {
		Matcher cursor = CURSOR_LIST_RESOURCE.matcher(schemaName);
		if (cursor.matches()) {
			return typeName(cursor.group(1)) + "CursorList";
		}
		Matcher list = LIST_RESOURCE.matcher(schemaName);
		if (list.matches()) {
			return list.group(1).isEmpty() ? "" : listTypeName(typeName(list.group(1)));
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
	 * {@link #propertyName(String)} it does not avoid reserved names, so the caller decides.
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
	 * spaces, slashes and other punctuation, and where a lower-case letter or digit is followed
	 * by a capital ({@code billingAddress} to {@code billing}, {@code Address}).
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
				// "DiscountType" splits before T; "OAuth2Client" keeps "OAuth2" whole apart from
				// the split before "Client"; "HTTPValidation" splits before "Validation".
				if (Character.isLowerCase(previous) || (Character.isUpperCase(previous) && nextIsLower && word.length() > 1)) {
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
