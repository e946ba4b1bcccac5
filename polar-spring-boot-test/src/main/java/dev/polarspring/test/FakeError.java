package dev.polarspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

import dev.polarspring.client.core.PolarJson;

/**
 * An error answer of the fake Polar, with the status, headers and body Polar sends for
 * it. Give one to {@link FakePolar#fail(String, FakeError)} or
 * {@link FakePolar#failNext(String, FakeError)}.
 *
 * <pre>{@code
 * fake.failNext("POST /v1/checkouts/", FakeError.validation("Field required", "missing", "body", "products"));
 * fake.fail("GET /v1/products/", FakeError.rateLimited(Duration.ofSeconds(2)));
 * }</pre>
 */
public final class FakeError {

	private final int status;

	private final Map<String, String> headers;

	private final String body;

	private FakeError(int status, Map<String, String> headers, String body) {
		this.status = status;
		this.headers = Map.copyOf(headers);
		this.body = body;
	}

	/**
	 * A 404, as Polar answers for an id that does not exist.
	 * @return {@code 404 {"error":"ResourceNotFound","detail":"Not found"}}
	 */
	public static FakeError notFound() {
		return polarError(404, "ResourceNotFound", "Not found");
	}

	/**
	 * A 401, as Polar answers for a missing, expired or revoked access token.
	 * @return {@code 401 {"error":"Unauthorized",...}} with
	 * {@code WWW-Authenticate: Bearer}
	 */
	public static FakeError unauthorized() {
		ObjectNode body = PolarJson.mapper().createObjectNode();
		body.put("error", "Unauthorized");
		body.put("detail", "The access token is missing, expired or revoked.");
		return new FakeError(401, Map.of("WWW-Authenticate", "Bearer"), body.toString());
	}

	/**
	 * A 403, as Polar answers when the token may not do what was asked.
	 * @param detail the explanation, such as
	 * {@code "License key only supports 3 activations."}
	 * @return {@code 403 {"error":"NotPermitted","detail":...}}
	 */
	public static FakeError notPermitted(String detail) {
		return polarError(403, "NotPermitted", detail);
	}

	/**
	 * A 422 with one validation error, in the shape of Polar's (FastAPI's) validation
	 * errors.
	 * @param message the message, such as {@code "Field required"}
	 * @param type the error type, such as {@code "missing"} or {@code "value_error"}
	 * @param location where the error is, such as {@code "body", "products", 0}
	 * @return {@code 422 {"detail":[{"loc":[...],"msg":...,"type":...}]}}
	 */
	public static FakeError validation(String message, String type, Object... location) {
		return validation(List.of(new Violation(List.of(location), message, type)));
	}

	/**
	 * A 422 with several validation errors.
	 * @param violations the errors, at least one
	 * @return {@code 422 {"detail":[...]}}
	 */
	public static FakeError validation(List<Violation> violations) {
		Assert.notEmpty(violations, "violations must not be empty");
		ObjectNode body = PolarJson.mapper().createObjectNode();
		ArrayNode detail = body.putArray("detail");
		for (Violation violation : violations) {
			ObjectNode entry = detail.addObject();
			ArrayNode loc = entry.putArray("loc");
			for (Object part : violation.location()) {
				if (part instanceof Number number) {
					loc.add(number.intValue());
				}
				else {
					loc.add(String.valueOf(part));
				}
			}
			entry.put("msg", violation.message());
			entry.put("type", violation.type());
		}
		return new FakeError(422, Map.of(), body.toString());
	}

	/**
	 * A 429, as Polar answers past its rate limit.
	 * @param retryAfter when to try again, sent as {@code Retry-After} in whole seconds
	 * @return {@code 429} with {@code Retry-After}
	 */
	public static FakeError rateLimited(Duration retryAfter) {
		Assert.isTrue(!retryAfter.isNegative(), "retryAfter must not be negative");
		return new FakeError(429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())), polarBody(
				"TooManyRequests", "Rate limit exceeded. Retry after " + retryAfter.toSeconds() + " seconds."));
	}

	/**
	 * A server error.
	 * @param status 500, 502, 503 or 504 (or any other 5xx)
	 * @return the error
	 */
	public static FakeError serverError(int status) {
		Assert.isTrue(status >= 500 && status <= 599, () -> "status must be 5xx, was " + status);
		return new FakeError(status, Map.of(), polarBody("InternalServerError", "Internal Server Error"));
	}

	/**
	 * Any answer, for what the other factories do not cover.
	 * @param status the HTTP status
	 * @param jsonBody the body, sent as {@code application/json}
	 * @return the error
	 */
	public static FakeError of(int status, String jsonBody) {
		return new FakeError(status, Map.of(), jsonBody);
	}

	private static FakeError polarError(int status, String error, String detail) {
		return new FakeError(status, Map.of(), polarBody(error, detail));
	}

	private static String polarBody(String error, String detail) {
		ObjectNode body = PolarJson.mapper().createObjectNode();
		body.put("error", error);
		body.put("detail", detail);
		return body.toString();
	}

	/**
	 * Returns a copy that also sends a header.
	 * @param name the header name
	 * @param value the header value
	 * @return the copy
	 */
	public FakeError withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new FakeError(this.status, headers, this.body);
	}

	/**
	 * Returns the status.
	 * @return the HTTP status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the headers sent besides {@code Content-Type}.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Returns the body.
	 * @return the JSON body
	 */
	public String body() {
		return this.body;
	}

	@Override
	public String toString() {
		return "FakeError{" + this.status + " " + this.body + "}";
	}

	/**
	 * One validation error of a 422 answer.
	 *
	 * @param location where the error is, such as {@code ["body", "products", 0]}
	 * @param message the message
	 * @param type the error type
	 */
	public record Violation(List<Object> location, String message, String type) {

		/**
		 * Creates a validation error.
		 * @param location where the error is
		 * @param message the message
		 * @param type the error type
		 */
		public Violation {
			location = List.copyOf(new ArrayList<>(location));
		}

	}

}
