package dev.polarspring.client.core;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

import dev.polarspring.client.error.AuthenticationException;
import dev.polarspring.client.error.BadRequestException;
import dev.polarspring.client.error.ConflictException;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.error.PermissionDeniedException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.error.UnexpectedStatusException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.error.ValidationError;

/**
 * Turns a non-2xx answer into the exception of its status family, reading Polar's error
 * body ({@code {"error": "...", "detail": "..."}}, or for 422 a {@code detail} list of
 * validation errors) when it has that shape.
 */
final class ApiErrorDecoder {

	private final Clock clock;

	ApiErrorDecoder(Clock clock) {
		this.clock = clock;
	}

	PolarApiException decode(String operationId, int status, HttpHeaders headers, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		JsonNode json = parse(body);
		String error = textField(json, "error");
		String detail = textField(json, "detail");
		return switch (status) {
			case 400 -> new BadRequestException(operationId, status, headers, text, error, detail);
			case 401 -> new AuthenticationException(operationId, status, headers, text, error, detail);
			case 403 -> new PermissionDeniedException(operationId, status, headers, text, error, detail);
			case 404 -> new NotFoundException(operationId, status, headers, text, error, detail);
			case 409 -> new ConflictException(operationId, status, headers, text, error, detail);
			case 422 -> new UnprocessableEntityException(operationId, status, headers, text, error, detail,
					validationErrors(json));
			case 429 -> new RateLimitException(operationId, status, headers, text, error, detail,
					RetryAfter.parse(headers, this.clock));
			default -> (status >= 500 && status < 600)
					? new InternalServerException(operationId, status, headers, text, error, detail)
					: new UnexpectedStatusException(operationId, status, headers, text, error, detail);
		};
	}

	private static @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = PolarJson.mapper().readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException notJson) {
			// Proxies and load balancers answer HTML or plain text; the raw body is kept
			// either way.
			return null;
		}
	}

	private static @Nullable String textField(@Nullable JsonNode json, String name) {
		if (json == null) {
			return null;
		}
		JsonNode field = json.get(name);
		return (field != null && field.isString()) ? field.asString() : null;
	}

	private static List<ValidationError> validationErrors(@Nullable JsonNode json) {
		List<ValidationError> errors = new ArrayList<>();
		JsonNode detail = (json != null) ? json.get("detail") : null;
		if (detail == null || !detail.isArray()) {
			return errors;
		}
		for (JsonNode entry : detail) {
			List<String> location = new ArrayList<>();
			JsonNode loc = entry.get("loc");
			if (loc != null && loc.isArray()) {
				loc.forEach((part) -> location.add(part.asString()));
			}
			errors.add(new ValidationError(location, entry.path("msg").asString(""), entry.path("type").asString("")));
		}
		return errors;
	}

}
