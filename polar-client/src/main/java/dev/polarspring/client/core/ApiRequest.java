package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

import dev.polarspring.client.core.QueryWriter.QueryParameter;

/**
 * One call of an operation: its path parameters, query parameters and body. Built by the
 * generated resource clients and handed to {@link ApiExecutor}. Immutable.
 */
public final class ApiRequest {

	private final ApiOperation operation;

	private final String path;

	private final List<QueryParameter> query;

	private final @Nullable Object body;

	private final BodyFormat bodyFormat;

	private ApiRequest(ApiOperation operation, String path, List<QueryParameter> query, @Nullable Object body,
			BodyFormat bodyFormat) {
		this.operation = operation;
		this.path = path;
		this.query = List.copyOf(query);
		this.body = body;
		this.bodyFormat = bodyFormat;
	}

	/**
	 * Starts a request for an operation.
	 * @param operation the operation to call
	 * @return a new builder
	 */
	public static Builder builder(ApiOperation operation) {
		return new Builder(operation);
	}

	/**
	 * Returns the operation this request calls.
	 * @return the operation
	 */
	public ApiOperation operation() {
		return this.operation;
	}

	/**
	 * Returns the path with its parameters filled in and percent-encoded.
	 * @return the path, such as {@code /v1/products/a%2Fb}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Returns a copy of this request with a query parameter replaced (or added): how
	 * pagination asks for the next page.
	 * @param name the wire name
	 * @param value the new value, written as {@link QueryWriter#add(String, Object)} does
	 * @return the new request
	 */
	public ApiRequest withQueryParam(String name, Object value) {
		QueryWriter writer = new QueryWriter(this.query).remove(name).add(name, value);
		return new ApiRequest(this.operation, this.path, writer.parameters(), this.body, this.bodyFormat);
	}

	/**
	 * Returns the first value of a query parameter.
	 * @param name the wire name
	 * @return the raw value, or {@code null} when the parameter is not set
	 */
	@Nullable String queryParam(String name) {
		for (QueryParameter parameter : this.query) {
			if (parameter.name().equals(name)) {
				return parameter.value();
			}
		}
		return null;
	}

	List<QueryParameter> query() {
		return this.query;
	}

	@Nullable Object body() {
		return this.body;
	}

	BodyFormat bodyFormat() {
		return this.bodyFormat;
	}

	@Override
	public String toString() {
		// The path template, not the path: path parameters can be secrets (a checkout's
		// client secret,
		// a seat's invitation token). The body is left out: OAuth2 form bodies carry
		// client secrets.
		return "ApiRequest{operation=" + this.operation.id() + ", " + this.operation.method() + " "
				+ this.operation.pathTemplate() + ", query="
				+ this.query.stream().map(QueryParameter::name).distinct().toList() + ", body=" + this.bodyFormat + "}";
	}

	/**
	 * How a request body is encoded.
	 */
	enum BodyFormat {

		/** No body. */
		NONE,

		/** {@code application/json}. */
		JSON,

		/** {@code application/x-www-form-urlencoded}, from the body's JSON properties. */
		FORM

	}

	/**
	 * Builds an {@link ApiRequest}. Not thread-safe.
	 */
	public static final class Builder {

		private final ApiOperation operation;

		private final Map<String, String> pathParams = new LinkedHashMap<>();

		private final QueryWriter query = new QueryWriter();

		private @Nullable Object body;

		private BodyFormat bodyFormat = BodyFormat.NONE;

		private Builder(ApiOperation operation) {
			Assert.notNull(operation, "operation must not be null");
			this.operation = operation;
		}

		/**
		 * Sets a path parameter.
		 * @param name the placeholder name in the path template, such as {@code id}
		 * @param value the value; its {@code toString()} is percent-encoded into the path
		 * @return this builder
		 */
		public Builder pathParam(String name, Object value) {
			Objects.requireNonNull(value,
					() -> "Path parameter '" + name + "' of " + this.operation.id() + " must not be null");
			String text = value.toString();
			Assert.isTrue(!text.isEmpty(),
					() -> "Path parameter '" + name + "' of " + this.operation.id() + " must not be empty");
			this.pathParams.put(name, text);
			return this;
		}

		/**
		 * Adds the parameters of a params object.
		 * @param params the query parameters, or {@code null} for none
		 * @return this builder
		 */
		public Builder query(@Nullable QueryParams params) {
			if (params != null) {
				params.writeTo(this.query);
			}
			return this;
		}

		/**
		 * Adds one query parameter.
		 * @param name the wire name
		 * @param value the value, written as {@link QueryWriter#add(String, Object)}
		 * does; {@code null} is skipped
		 * @return this builder
		 */
		public Builder queryParam(String name, @Nullable Object value) {
			this.query.add(name, value);
			return this;
		}

		/**
		 * Sets a JSON body, serialized with {@link PolarJson#mapper()}.
		 * @param body the body, usually a generated request record
		 * @return this builder
		 */
		public Builder jsonBody(Object body) {
			Assert.notNull(body, () -> "The request body of " + this.operation.id() + " must not be null");
			this.body = body;
			this.bodyFormat = BodyFormat.JSON;
			return this;
		}

		/**
		 * Sets a form body: the object is turned into its JSON properties with
		 * {@link PolarJson#mapper()} and sent as
		 * {@code application/x-www-form-urlencoded}, a list property repeating its name
		 * and {@code null} properties left out.
		 * @param body the body, usually a generated request record
		 * @return this builder
		 */
		public Builder formBody(Object body) {
			Assert.notNull(body, () -> "The request body of " + this.operation.id() + " must not be null");
			this.body = body;
			this.bodyFormat = BodyFormat.FORM;
			return this;
		}

		/**
		 * Builds the request, filling the path template.
		 * @return the request
		 * @throws IllegalStateException if a placeholder of the path template has no
		 * value
		 */
		public ApiRequest build() {
			return new ApiRequest(this.operation, expandPath(), this.query.parameters(), this.body, this.bodyFormat);
		}

		private String expandPath() {
			String template = this.operation.pathTemplate();
			StringBuilder path = new StringBuilder(template.length() + 32);
			int position = 0;
			while (position < template.length()) {
				int open = template.indexOf('{', position);
				if (open < 0) {
					path.append(template, position, template.length());
					break;
				}
				int close = template.indexOf('}', open);
				Assert.state(close > open, () -> "Unbalanced '{' in path template " + template);
				path.append(template, position, open);
				String name = template.substring(open + 1, close);
				String value = this.pathParams.get(name);
				Assert.state(value != null,
						() -> "Path parameter '" + name + "' of " + this.operation.id() + " is not set");
				path.append(UriUtils.encode(value, StandardCharsets.UTF_8));
				position = close + 1;
			}
			return path.toString();
		}

	}

}
