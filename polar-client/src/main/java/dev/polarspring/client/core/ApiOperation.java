package dev.polarspring.client.core;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One operation of the Polar API, as the specification describes it. Generated resource
 * clients hold one constant per operation.
 *
 * @param id the specification's {@code operationId}, such as {@code products:list} or
 * {@code customer_portal:customers:get}; names the operation in logs, observations and
 * exceptions
 * @param resource the resource the operation belongs to, such as {@code products}
 * @param method the HTTP method
 * @param pathTemplate the path with {@code {name}} placeholders, such as
 * {@code /v1/products/{id}}
 * @param auth how the operation authenticates
 */
public record ApiOperation(String id, String resource, HttpMethod method, String pathTemplate, AuthScheme auth) {

	/**
	 * Creates an operation, checking its parts.
	 * @param id the operation id
	 * @param resource the resource
	 * @param method the HTTP method
	 * @param pathTemplate the path template, starting with {@code /}
	 * @param auth how the operation authenticates
	 */
	public ApiOperation {
		Assert.hasText(id, "id must not be empty");
		Assert.hasText(resource, "resource must not be empty");
		Assert.notNull(method, "method must not be null");
		Assert.isTrue(pathTemplate != null && pathTemplate.startsWith("/"),
				() -> "pathTemplate must start with '/', was " + pathTemplate);
		Assert.notNull(auth, "auth must not be null");
	}

}
