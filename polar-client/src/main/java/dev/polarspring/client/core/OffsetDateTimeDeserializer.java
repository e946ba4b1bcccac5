package dev.polarspring.client.core;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the timestamps Polar sends ({@code 2026-01-02T03:04:05.123456Z}, or with an
 * offset such as {@code +00:00}) without going through {@code DateTimeFormatter}, whose
 * general parsing dominated the decoding of a page of products. The result is what
 * Jackson's own deserializer gives: the same instant at the context's time zone (UTC).
 * Anything else (another layout, a number, a time zone other than UTC) goes to Jackson's
 * deserializer, which also reports errors.
 */
final class OffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

	private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

	OffsetDateTimeDeserializer() {
		super(OffsetDateTime.class);
	}

	@Override
	public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING)
				&& context.isEnabled(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
				&& UTC.hasSameRules(context.getTimeZone())) {
			// The parser's characters, not a String made of them.
			OffsetDateTime parsed = parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
			if (parsed != null) {
				return parsed;
			}
		}
		return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
	}

	/**
	 * Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}, returning the
	 * instant at UTC.
	 * @param text the text
	 * @return the date-time, or {@code null} if the text has another layout or is not a
	 * valid date
	 */
	static @Nullable OffsetDateTime parse(String text) {
		return parse(text.toCharArray(), 0, text.length());
	}

	/**
	 * Parses the layout {@link #parse(String)} reads from characters.
	 * @param chars the characters
	 * @param offset where the text starts
	 * @param length its length
	 * @return the date-time, or {@code null}
	 */
	static @Nullable OffsetDateTime parse(char[] chars, int offset, int length) {
		if (length < 20 || chars[offset + 4] != '-' || chars[offset + 7] != '-' || chars[offset + 10] != 'T'
				|| chars[offset + 13] != ':' || chars[offset + 16] != ':') {
			return null;
		}
		int year = digits(chars, offset, 4);
		int month = digits(chars, offset + 5, 2);
		int day = digits(chars, offset + 8, 2);
		int hour = digits(chars, offset + 11, 2);
		int minute = digits(chars, offset + 14, 2);
		int second = digits(chars, offset + 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int position = 19;
		int nanos = 0;
		if (chars[offset + position] == '.') {
			int start = ++position;
			while (position < length && position - start < 9 && isDigit(chars[offset + position])) {
				nanos = nanos * 10 + (chars[offset + position++] - '0');
			}
			int fractionDigits = position - start;
			if (fractionDigits == 0) {
				return null;
			}
			for (int i = fractionDigits; i < 9; i++) {
				nanos *= 10;
			}
		}
		ZoneOffset zone = zone(chars, offset, length, position);
		if (zone == null) {
			return null;
		}
		try {
			OffsetDateTime dateTime = OffsetDateTime.of(year, month, day, hour, minute, second, nanos, zone);
			return (zone.getTotalSeconds() == 0) ? dateTime : dateTime.withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException invalid) {
			// Such as February 30th: Jackson's deserializer reports it in its own words.
			return null;
		}
	}

	private static @Nullable ZoneOffset zone(char[] chars, int offset, int length, int position) {
		int remaining = length - position;
		if (remaining == 1 && chars[offset + position] == 'Z') {
			return ZoneOffset.UTC;
		}
		char sign = (remaining == 6) ? chars[offset + position] : ' ';
		if ((sign != '+' && sign != '-') || chars[offset + position + 3] != ':') {
			return null;
		}
		int hours = digits(chars, offset + position + 1, 2);
		int minutes = digits(chars, offset + position + 4, 2);
		if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
			return null;
		}
		int seconds = (hours * 3600 + minutes * 60) * ((sign == '-') ? -1 : 1);
		return ZoneOffset.ofTotalSeconds(seconds);
	}

	private static int digits(char[] chars, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = chars[i];
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
