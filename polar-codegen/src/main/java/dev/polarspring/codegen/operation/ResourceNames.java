package dev.polarspring.codegen.operation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.lang.model.SourceVersion;

import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;

/**
 * How groups and operations become the names of resource clients, their methods and their
 * params classes.
 *
 * <ul>
 * <li>A client is named for its full group path in PascalCase plus {@code Client}
 * ({@code checkout-links} gives {@code CheckoutLinksClient},
 * {@code customer_portal.orders} gives {@code CustomerPortalOrdersClient}). A word is
 * spelled as the spec's schema names that start with it as a whole word spell it, when
 * they all agree ({@code oauth2} becomes {@code OAuth2}, as in
 * {@code OAuth2ClientPublic}); otherwise it is capitalised.</li>
 * <li>When that name equals, ignoring case, the Java name of any component schema of the
 * spec (reachable or not, so a later spec cannot rename a client) or of a generated model
 * type, the client is named {@code ...ApiClient} instead: {@code oauth2} gives
 * {@code OAuth2ApiClient} because the spec has a schema {@code OAuth2Client}.</li>
 * <li>The accessor of a client is the camelCase of the last group segment
 * ({@code checkoutLinks()}, {@code customerSession()}).</li>
 * <li>A method is the camelCase of {@code x-speakeasy-name-override}
 * ({@code list_webhook_endpoints} gives {@code listWebhookEndpoints}); its
 * {@code ApiOperation} constant the upper snake case
 * ({@code LIST_WEBHOOK_ENDPOINTS}).</li>
 * <li>A params class is the client's name without {@code Client} plus the method in
 * PascalCase plus {@code Params} ({@code ProductsListParams},
 * {@code CustomerPortalOrdersListParams}).</li>
 * </ul>
 * A name that would still collide, or a method named by a Java keyword, stops generation
 * with a message saying which rule to extend.
 */
final class ResourceNames {

	private final Naming naming;

	private final Set<String> modelNames = new HashSet<>();

	private final Set<String> schemaNames;

	ResourceNames(ModelTypes types) {
		this.naming = types.naming();
		this.schemaNames = types.spec().schemas().keySet();
		for (String schemaName : this.schemaNames) {
			String javaName = this.naming.typeName(schemaName);
			if (!javaName.isEmpty()) {
				this.modelNames.add(javaName.toLowerCase(Locale.ROOT));
			}
		}
		for (ModelType type : types.all()) {
			this.modelNames.add(type.className().simpleName().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * Returns the PascalCase name of a group path, the stem of its client and params
	 * class names.
	 * @param group the group path, such as {@code [customer_portal, orders]}
	 * @return the stem, such as {@code CustomerPortalOrders}
	 */
	String stem(List<String> group) {
		StringBuilder stem = new StringBuilder();
		for (String segment : group) {
			for (String word : this.naming.words(segment)) {
				Set<String> spellings = spellings(word);
				stem.append((spellings.size() == 1) ? spellings.iterator().next()
						: this.naming.pascalCase(word.toLowerCase(Locale.ROOT)));
			}
		}
		return stem.toString();
	}

	/**
	 * Returns the simple name of a group's client class.
	 * @param group the group path
	 * @return the class name, such as {@code ProductsClient} or {@code OAuth2ApiClient}
	 */
	String clientName(List<String> group) {
		String stem = stem(group);
		String name = stem + "Client";
		if (isModelName(name)) {
			name = stem + "ApiClient";
		}
		if (isModelName(name)) {
			throw new IllegalStateException("The client of group " + String.join(".", group)
					+ " collides with a model type named " + name + "; extend the rules in ResourceNames");
		}
		return name;
	}

	/**
	 * Returns the simple name of an operation's params class.
	 * @param group the group path
	 * @param methodName the operation's method name
	 * @return the class name, such as {@code ProductsListParams}
	 */
	String paramsName(List<String> group, String methodName) {
		String name = stem(group) + this.naming.pascalCase(methodName) + "Params";
		if (isModelName(name)) {
			throw new IllegalStateException("The params class " + name
					+ " collides with a model type of the same name; " + "extend the rules in ResourceNames");
		}
		return name;
	}

	/**
	 * Returns the accessor of a client in its parent.
	 * @param segment the last segment of the group path, such as {@code checkout-links}
	 * @return the accessor name, such as {@code checkoutLinks}
	 */
	String accessorName(String segment) {
		return this.naming.propertyName(segment);
	}

	/**
	 * Returns the Java method name of an operation.
	 * @param nameOverride the {@code x-speakeasy-name-override}, such as
	 * {@code get_external}
	 * @param operationId the operation id, for the error message
	 * @return the method name, such as {@code getExternal}
	 */
	String methodName(String nameOverride, String operationId) {
		String name = this.naming.camelCase(nameOverride);
		if (SourceVersion.isKeyword(name)) {
			throw new IllegalStateException(
					"Operation " + operationId + " would become a method named by the Java keyword '" + name
							+ "'; extend the rules in ResourceNames");
		}
		return name;
	}

	/**
	 * Returns the name of an operation's {@code ApiOperation} constant.
	 * @param methodName the method name
	 * @return the constant name, such as {@code GET_EXTERNAL}
	 */
	String constantName(String methodName) {
		return this.naming.enumConstant(methodName);
	}

	/**
	 * Returns the Java name of a parameter.
	 * @param wireName the name on the wire, such as {@code external_customer_id}
	 * @return the Java name, such as {@code externalCustomerId}
	 */
	String parameterName(String wireName) {
		return this.naming.propertyName(wireName);
	}

	/**
	 * Returns how the schema names that start with a word spell it, counting only those
	 * where the word is whole: the name ends there or goes on with a capitalised word
	 * ({@code OAuth2Client} spells {@code oauth2}; {@code OrganizationSSO...} does not
	 * spell {@code organizations}, nor {@code Customer} {@code custom}).
	 */
	private Set<String> spellings(String word) {
		int length = word.length();
		Set<String> spellings = new TreeSet<>();
		for (String schemaName : this.schemaNames) {
			if (schemaName.length() >= length && schemaName.regionMatches(true, 0, word, 0, length)
					&& Character.isUpperCase(schemaName.charAt(0))
					&& (schemaName.length() == length
							|| (schemaName.length() > length + 1 && Character.isUpperCase(schemaName.charAt(length))
									&& Character.isLowerCase(schemaName.charAt(length + 1))))) {
				spellings.add(schemaName.substring(0, length));
			}
		}
		return spellings;
	}

	private boolean isModelName(String name) {
		return this.modelNames.contains(name.toLowerCase(Locale.ROOT));
	}

}
