package dev.polarspring.codegen.operation;

import java.util.List;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the spec, read into what its generated method needs.
 *
 * @param operationId the spec's operation id, such as {@code products:list}
 * @param group the {@code x-speakeasy-group} split at dots, such as
 * {@code [customer_portal, orders]}
 * @param methodName the Java method name, such as {@code listWebhookEndpoints}
 * @param constantName the name of the {@code ApiOperation} constant, such as
 * {@code LIST_WEBHOOK_ENDPOINTS}
 * @param httpMethod the upper-case HTTP method
 * @param path the path template
 * @param auth how the operation authenticates
 * @param authDescription who may call it, such as "an organization, personal or OAuth2
 * access token"
 * @param scopes the scopes the spec lists, without repeats, in spec order
 * @param pathParameters the path parameters, in the order of the path template
 * @param query the query parameters, or {@code null} when the operation has none
 * @param body the request body, or {@code null} when the operation takes none
 * @param response what a successful call answers
 * @param errors the error statuses the spec lists, by status
 * @param description the Javadoc text of the operation, escaped, paragraphs separated by
 * blank lines
 * @param deprecated whether the spec marks the operation deprecated
 */
record ResourceOperation(String operationId, List<String> group, String methodName, String constantName,
		String httpMethod, String path, Auth auth, String authDescription, List<String> scopes,
		List<PathParameter> pathParameters, @Nullable QueryParameters query, @Nullable Body body, Response response,
		List<ErrorResponse> errors, String description, boolean deprecated) {

	/**
	 * Returns the group as the spec writes it, such as {@code customer_portal.orders}:
	 * the operation's resource.
	 * @return the dotted group path
	 */
	String resource() {
		return String.join(".", this.group);
	}

	/**
	 * How an operation authenticates; the constants match the runtime's
	 * {@code AuthScheme}.
	 */
	enum Auth {

		/** No security requirement: no {@code Authorization} header. */
		NONE,

		/** {@code oidc}, {@code pat} or {@code oat}: the client's access token. */
		ACCESS_TOKEN,

		/**
		 * {@code customer_session} or {@code member_session}: a customer-portal session
		 * token.
		 */
		CUSTOMER_SESSION

	}

	/**
	 * A path parameter, passed positionally.
	 *
	 * @param wireName the placeholder name in the path template
	 * @param javaName the Java parameter name
	 * @param type the Java type
	 * @param description the Javadoc text
	 */
	record PathParameter(String wireName, String javaName, TypeName type, String description) {
	}

	/**
	 * The query parameters of an operation: one params class.
	 *
	 * @param className the params class
	 * @param parameters the parameters, in spec order
	 */
	record QueryParameters(ClassName className, List<QueryParameter> parameters) {

		/**
		 * Tells whether any parameter is required, so the params object cannot be left
		 * out.
		 * @return whether a parameter is required
		 */
		boolean hasRequired() {
			return this.parameters.stream().anyMatch(QueryParameter::required);
		}

	}

	/**
	 * One query parameter.
	 *
	 * @param wireName the name on the wire
	 * @param javaName the Java name of the field, accessor and builder method
	 * @param shape how the value is held and written
	 * @param valueType the value type (boxed); for a list its element type, for a map its
	 * value type
	 * @param required whether the spec requires it
	 * @param deprecated whether the spec marks it deprecated
	 * @param sensitive whether the value is a credential, kept out of {@code toString()}
	 * @param description the Javadoc text
	 */
	record QueryParameter(String wireName, String javaName, Shape shape, TypeName valueType, boolean required,
			boolean deprecated, boolean sensitive, String description) {
	}

	/**
	 * How a query parameter's value is held and written.
	 */
	enum Shape {

		/** One value, written once. */
		VALUE,

		/**
		 * A list (an array, or the spec's single-or-list filters), the name repeated per
		 * element.
		 */
		LIST,

		/** A deep object ({@code metadata[key]=value}), held as a map. */
		MAP

	}

	/**
	 * The request body.
	 *
	 * @param type the Java type of the body
	 * @param form whether it is sent form-encoded rather than as JSON
	 * @param required whether the spec requires it
	 * @param description the Javadoc text
	 */
	record Body(TypeName type, boolean form, boolean required, String description) {
	}

	/**
	 * What a successful call answers.
	 *
	 * @param kind how the answer is read
	 * @param type the Java type: the item type of a page, the element type of a list, the
	 * decoded type of JSON; {@code null} for text and no answer
	 * @param nullable whether a successful answer may have no body (a 202 beside a 200)
	 * @param description the Javadoc text of the success response, such as "Product
	 * updated."
	 * @param emptyDescription for a nullable answer, the description of the bodiless
	 * status
	 */
	record Response(ResponseKind kind, @Nullable TypeName type, boolean nullable, String description,
			String emptyDescription) {

		/**
		 * The Java type of an answer that has one (a page, a list, JSON).
		 * @return the type
		 * @throws IllegalStateException for text and no answer, which have none
		 */
		TypeName requiredType() {
			if (this.type == null) {
				throw new IllegalStateException("A " + this.kind + " answer has no Java type");
			}
			return this.type;
		}

	}

	/**
	 * How a successful answer is read.
	 */
	enum ResponseKind {

		/** A page of a list operation. */
		PAGE,

		/** A JSON value decoded into a type. */
		JSON,

		/** A JSON array decoded into a list. */
		JSON_LIST,

		/** A JSON value the spec gives no schema: a {@code JsonNode}. */
		JSON_TREE,

		/** Text, such as a CSV export. */
		TEXT,

		/** No answer worth reading (204, a bodiless or empty 202). */
		NONE

	}

	/**
	 * An error status the spec lists for the operation.
	 *
	 * @param status the HTTP status
	 * @param description the spec's description of it
	 */
	record ErrorResponse(int status, String description) {
	}

}
