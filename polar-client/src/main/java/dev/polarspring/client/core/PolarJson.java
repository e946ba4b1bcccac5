package dev.polarspring.client.core;

import java.time.OffsetDateTime;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The SDK's own JSON mapper.
 *
 * <p>
 * The client never uses the application's {@code ObjectMapper}: every model carries its
 * wire names in annotations, and this mapper's settings are fixed, so an application's
 * Jackson customisations (naming strategies, failure features, date formats) cannot break
 * decoding of Polar's responses or webhook payloads.
 */
public final class PolarJson {

	private static final JsonMapper MAPPER = JsonMapper.builder(new LookaheadJsonFactory())
		// Polar adds fields without a new API version; an unknown field must never fail a
		// call.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// Integer properties are cents and counts: 1.9 is an error, never 1. Number and
		// untyped values (metadata) keep what Polar sent, big integers included.
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		// Timestamps are in every model; the general java.time parser was most of a
		// page's decoding.
		.addModule(new SimpleModule("polar-date-times").addDeserializer(OffsetDateTime.class,
				new OffsetDateTimeDeserializer()))
		.build();

	private PolarJson() {
	}

	/**
	 * Returns the shared, thread-safe mapper used for every request body, response and
	 * webhook payload.
	 * @return the SDK's JSON mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
