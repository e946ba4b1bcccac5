package dev.polarspring.benchmarks.corpus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The scalar values of a corpus: strings shaped by their schema's format and pattern and
 * by the property's name (an {@code email} looks like an address, a {@code description}
 * like a sentence or two, an {@code *_url} like a URL), numbers within the schema's
 * bounds, timestamps with Polar's microseconds. Every value comes from one seeded random
 * source, so a corpus is the same on every run.
 */
final class SampleValues {

	/** Polar's timestamps: UTC, microseconds. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private static final List<String> WORDS = List.of("priority", "support", "analytics", "export", "seats", "team",
			"workspace", "storage", "usage", "credits", "license", "access", "private", "repository", "community",
			"channel", "download", "templates", "insights", "reports", "audit", "history", "sync", "webhooks", "api",
			"requests", "monthly", "yearly", "starter", "growth", "scale", "enterprise", "custom", "domain", "branding",
			"onboarding", "sessions", "backups", "regions", "alerts");

	private static final List<String> SENTENCES = List.of("Everything in the previous plan, plus more room to grow.",
			"Billed at the start of each period; cancel any time from the customer portal.",
			"Includes priority support with a response within one business day.",
			"Usage above the included credits is billed at the end of the period.",
			"Access is granted as soon as the payment succeeds and revoked when the subscription ends.",
			"Seats can be assigned to any member of your team from the dashboard.",
			"Downloads include every release published while the subscription is active.",
			"Our most popular plan for small teams shipping every week.");

	private static final List<String> FIRST_NAMES = List.of("ada", "grace", "alan", "edsger", "barbara", "donald",
			"margaret", "ken", "radia", "linus");

	private static final List<String> KEYS = List.of("plan", "tier", "region", "source", "campaign", "internal_id",
			"team_size", "referrer", "crm_id", "segment", "channel", "cohort");

	/** How the spec's decimal-as-string patterns (Pydantic's) begin. */
	private static final String DECIMAL_PATTERN = "^(?!^[-+.]*$)";

	private final SplittableRandom random;

	private long serial;

	SampleValues(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Returns a string for a string schema.
	 * @param schema the schema, for its format, pattern and length bounds
	 * @param name the property or map key the value is for, or empty
	 * @return the string
	 * @throws IllegalStateException for a pattern this corpus has no sample of
	 */
	String string(JsonNode schema, String name) {
		String pattern = schema.path("pattern").asString("");
		String text = switch (schema.path("format").asString("")) {
			case "uuid", "uuid4" -> uuid();
			case "date-time" -> timestamp();
			case "date" -> timestamp().substring(0, 10);
			case "email" -> email();
			case "uri" -> url(name);
			case "ipvanyaddress" -> "203.0.113." + (1 + this.random.nextInt(254));
			case "duration" -> "PT" + (1 + this.random.nextInt(48)) + "H";
			case "color" -> String.format(Locale.ROOT, "#%06x", this.random.nextInt(0x1000000));
			default -> pattern.isEmpty() ? named(name) : matching(pattern);
		};
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		int min = schema.path("minLength").asInt(0);
		if (text.length() > max) {
			text = text.substring(0, max);
		}
		StringBuilder padded = new StringBuilder(text);
		while (padded.length() < min) {
			padded.append('x');
		}
		text = padded.toString();
		if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).find()) {
			throw new IllegalStateException("The sample '" + text + "' does not match the pattern " + pattern);
		}
		return text;
	}

	/**
	 * Returns an integer within the schema's bounds, of a size its name suggests.
	 * @param schema the schema
	 * @param name the property name
	 * @return the integer
	 */
	long integer(JsonNode schema, String name) {
		long low;
		long high;
		if (name.contains("amount")) {
			low = 100;
			high = 99_900;
		}
		else if (name.endsWith("size")) {
			low = 10_000;
			high = 5_000_000;
		}
		else if (name.contains("count") || name.contains("seats") || name.contains("quantity") || name.contains("order")
				|| name.contains("limit") || name.contains("months")) {
			low = 1;
			high = 12;
		}
		else {
			low = 0;
			high = 1_000;
		}
		if (schema.has("minimum")) {
			low = Math.max(low, schema.path("minimum").asLong());
		}
		if (schema.has("exclusiveMinimum")) {
			low = Math.max(low, schema.path("exclusiveMinimum").asLong() + 1);
		}
		if (schema.has("maximum")) {
			high = Math.min(high, schema.path("maximum").asLong());
		}
		if (schema.has("exclusiveMaximum")) {
			high = Math.min(high, schema.path("exclusiveMaximum").asLong() - 1);
		}
		if (high < low) {
			high = low;
		}
		return low + this.random.nextLong(high - low + 1);
	}

	/**
	 * Returns a number with two decimals within the schema's bounds.
	 * @param schema the schema
	 * @return the number
	 */
	double number(JsonNode schema) {
		double low = schema.path("minimum").asDouble(schema.path("exclusiveMinimum").asDouble(0) + 0.01);
		double high = schema.path("maximum").asDouble(Math.max(low, 0) + 500);
		long cents = Math.round(low * 100) + this.random.nextLong(Math.max(1, Math.round((high - low) * 100)));
		return cents / 100.0;
	}

	/**
	 * Returns a boolean.
	 * @return the value
	 */
	boolean bool() {
		return this.random.nextBoolean();
	}

	/**
	 * Returns how many items or entries to make.
	 * @param min the schema's lower bound
	 * @param max the schema's upper bound
	 * @param usualMin the fewest the corpus makes when the schema allows it
	 * @param usualMax the most the corpus makes when the schema allows it
	 * @return the count
	 */
	int count(int min, int max, int usualMin, int usualMax) {
		int low = Math.max(min, usualMin);
		int high = Math.max(low, Math.min(max, usualMax));
		return low + this.random.nextInt(high - low + 1);
	}

	/**
	 * Returns a key of a map such as {@code metadata}.
	 * @param map the map's property name
	 * @param index the entry's position in the map, so that the keys of one map differ
	 * @param maxLength the longest key the schema allows
	 * @return the key
	 */
	String key(String map, int index, int maxLength) {
		String key = KEYS.get((index + this.random.nextInt(KEYS.size())) % KEYS.size()) + "_" + index;
		return (key.length() > maxLength) ? key.substring(0, maxLength) : key;
	}

	private String named(String name) {
		if (name.endsWith("_id") || name.equals("id")) {
			return uuid();
		}
		if (name.contains("email")) {
			return email();
		}
		if (name.contains("url") || name.contains("uri") || name.contains("link")) {
			return url(name);
		}
		if (name.contains("description")) {
			// Descriptions are Markdown paragraphs on Polar; the spec bounds the short
			// ones.
			return sentences(2 + this.random.nextInt(3));
		}
		if (name.contains("note") || name.contains("message") || name.contains("body")) {
			return sentences(2);
		}
		if (name.contains("currency")) {
			return "usd";
		}
		if (name.equals("country")) {
			return "US";
		}
		if (name.contains("mime_type")) {
			return "image/png";
		}
		if (name.contains("hex") || name.contains("etag")) {
			return hex(32);
		}
		if (name.contains("base64")) {
			return "q83vEjRWeJq8" + hex(16) + "=";
		}
		if (name.equals("path")) {
			return uuid() + "/product_media/" + word() + "-" + word() + ".png";
		}
		if (name.contains("name") || name.contains("label") || name.contains("title")) {
			return capitalized(word()) + " " + word() + " " + (1 + this.random.nextInt(99));
		}
		if (name.contains("key")) {
			return "POLAR-" + hex(8).toUpperCase(Locale.ROOT) + "-" + hex(8).toUpperCase(Locale.ROOT);
		}
		return word() + "-" + word();
	}

	private String matching(String pattern) {
		if (pattern.startsWith(DECIMAL_PATTERN)) {
			return this.random.nextInt(100) + "." + (1 + this.random.nextInt(99));
		}
		return switch (pattern) {
			case "^[a-z0-9-_]+$" -> word() + "-" + word();
			case "usd" -> "usd";
			case "^[0-9]+\\.[0-9]+$" -> (1 + this.random.nextInt(9)) + "." + this.random.nextInt(10);
			case "^A[A-Z0-9]+$" -> "A" + hex(10).toUpperCase(Locale.ROOT);
			case "^(rk|sk)_" -> "sk_live_" + hex(24);
			default -> pattern.startsWith("^(image") || pattern.startsWith("^image") ? "image/png" : fail(pattern);
		};
	}

	private static String fail(String pattern) {
		throw new IllegalStateException(
				"The corpus has no sample for the pattern " + pattern + "; add one to SampleValues.matching");
	}

	private String uuid() {
		return new UUID((this.random.nextLong() & ~0xF000L) | 0x4000L,
				(this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
			.toString();
	}

	private String timestamp() {
		long seconds = this.random.nextLong(300L * 24 * 3600);
		// Six digits, the last never 0, so the text is written back exactly as read.
		long micros = this.random.nextLong(100_000) * 10 + 1 + this.random.nextInt(9);
		return TIMESTAMP.format(EPOCH.plusSeconds(seconds).plusNanos(micros * 1_000));
	}

	private String email() {
		return FIRST_NAMES.get(this.random.nextInt(FIRST_NAMES.size())) + "." + (++this.serial) + "@example.com";
	}

	private String url(String name) {
		return "https://cdn.example.com/" + (name.isEmpty() ? "assets" : name.replace('_', '-')) + "/" + uuid()
				+ ".png";
	}

	private String sentences(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((i > 0) ? " " : "").append(SENTENCES.get(this.random.nextInt(SENTENCES.size())));
		}
		return text.toString();
	}

	private String word() {
		return WORDS.get(this.random.nextInt(WORDS.size()));
	}

	private String hex(int digits) {
		StringBuilder hex = new StringBuilder(digits);
		for (int i = 0; i < digits; i++) {
			hex.append(Character.forDigit(this.random.nextInt(16), 16));
		}
		return hex.toString();
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
