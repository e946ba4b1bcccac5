package dev.polarspring.client.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.web.util.UriUtils;

/**
 * A request body serialized once per call, so that every attempt sends the same bytes
 * without serializing again. Written straight to the request stream: the application's
 * message converters never see it.
 */
final class EncodedBody implements StreamingHttpOutputMessage.Body {

	private final byte[] content;

	private final MediaType contentType;

	private EncodedBody(byte[] content, MediaType contentType) {
		this.content = content;
		this.contentType = contentType;
	}

	/**
	 * Serializes the body of a request, merged with extra body properties.
	 * @param request the request
	 * @param extraProperties properties to add to (or replace in) the body's JSON object
	 * @return the body, or {@code null} when the request has none
	 * @throws IllegalArgumentException if extra properties are given for a request
	 * without a body, or for a body that is not a JSON object
	 */
	static @Nullable EncodedBody of(ApiRequest request, Map<String, @Nullable Object> extraProperties) {
		Object body = request.body();
		String operationId = request.operation().id();
		if (body == null) {
			if (!extraProperties.isEmpty()) {
				throw new IllegalArgumentException(operationId + " sends no request body, so the body properties "
						+ extraProperties.keySet() + " of its RequestOptions cannot be sent; remove them");
			}
			return null;
		}
		return switch (request.bodyFormat()) {
			case JSON -> new EncodedBody(json(body, extraProperties, operationId), MediaType.APPLICATION_JSON);
			case FORM ->
				new EncodedBody(form(body, extraProperties, operationId), MediaType.APPLICATION_FORM_URLENCODED);
			case NONE -> throw new IllegalStateException("A request with a body must have a body format");
		};
	}

	private static byte[] json(Object body, Map<String, @Nullable Object> extraProperties, String operationId) {
		if (extraProperties.isEmpty()) {
			return PolarJson.mapper().writeValueAsBytes(body);
		}
		return PolarJson.mapper().writeValueAsBytes(merge(body, extraProperties, operationId));
	}

	private static byte[] form(Object body, Map<String, @Nullable Object> extraProperties, String operationId) {
		StringBuilder form = new StringBuilder();
		for (Map.Entry<String, JsonNode> property : merge(body, extraProperties, operationId).properties()) {
			JsonNode value = property.getValue();
			if (value.isArray()) {
				value.forEach((element) -> appendFormField(form, property.getKey(), element));
			}
			else {
				appendFormField(form, property.getKey(), value);
			}
		}
		return form.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void appendFormField(StringBuilder form, String name, JsonNode value) {
		if (value.isNull() || value.isMissingNode()) {
			return;
		}
		String text = value.isValueNode() ? value.asString() : value.toString();
		if (!form.isEmpty()) {
			form.append('&');
		}
		form.append(UriUtils.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(UriUtils.encode(text, StandardCharsets.UTF_8));
	}

	private static ObjectNode merge(Object body, Map<String, @Nullable Object> extraProperties, String operationId) {
		JsonNode tree = PolarJson.mapper().valueToTree(body);
		if (!(tree instanceof ObjectNode object)) {
			throw new IllegalArgumentException("The request body of " + operationId
					+ " is not a JSON object, so body properties cannot be merged into it");
		}
		extraProperties.forEach((name, value) -> {
			if (value == null) {
				object.putNull(name);
			}
			else {
				object.set(name, PolarJson.mapper().valueToTree(value));
			}
		});
		return object;
	}

	MediaType contentType() {
		return this.contentType;
	}

	int length() {
		return this.content.length;
	}

	/**
	 * Returns the serialized body, for TRACE logging of JSON bodies; never modified.
	 * @return the bytes sent
	 */
	byte[] content() {
		return this.content;
	}

	@Override
	public void writeTo(OutputStream outputStream) throws IOException {
		outputStream.write(this.content);
	}

	@Override
	public boolean repeatable() {
		return true;
	}

}
