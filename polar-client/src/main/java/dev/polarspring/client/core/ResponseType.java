package dev.polarspring.client.core;

import java.io.InputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;

import org.springframework.http.MediaType;

/**
 * What an operation answers with, and so how {@link ApiExecutor} reads the response body.
 * JSON is decoded from the response body's bytes with {@link PolarJson#mapper()}, never
 * with the application's mapper.
 *
 * <p>
 * Instances are immutable and cached per type, so calling {@link #json(Class)} on every
 * call costs a lookup.
 *
 * @param <T> the Java type of the answer
 */
public final class ResponseType<T> {

	private static final ClassValue<ResponseType<?>> JSON_TYPES = new ClassValue<>() {

		@Override
		protected ResponseType<?> computeValue(Class<?> type) {
			return new ResponseType<>(Kind.JSON, type.getSimpleName(), PolarJson.mapper().readerFor(type));
		}

	};

	private static final ClassValue<ResponseType<?>> JSON_LIST_TYPES = new ClassValue<>() {

		@Override
		protected ResponseType<?> computeValue(Class<?> elementType) {
			JavaType listType = PolarJson.mapper().getTypeFactory().constructCollectionType(List.class, elementType);
			return new ResponseType<>(Kind.JSON, "List<" + elementType.getSimpleName() + ">",
					PolarJson.mapper().readerFor(listType));
		}

	};

	private static final ResponseType<Void> NONE = new ResponseType<>(Kind.NONE, "no body", null);

	private static final ResponseType<String> TEXT = new ResponseType<>(Kind.TEXT, "text", null);

	private static final ResponseType<InputStream> STREAM = new ResponseType<>(Kind.STREAM, "stream", null);

	private final Kind kind;

	private final String description;

	private final @Nullable ObjectReader reader;

	private ResponseType(Kind kind, String description, @Nullable ObjectReader reader) {
		this.kind = kind;
		this.description = description;
		this.reader = reader;
	}

	/**
	 * An answer decoded from JSON into a type.
	 * @param <T> the type
	 * @param type the class to decode into, usually a generated model
	 * @return the response type
	 */
	@SuppressWarnings("unchecked")
	public static <T> ResponseType<T> json(Class<T> type) {
		return (ResponseType<T>) JSON_TYPES.get(type);
	}

	/**
	 * An answer decoded from a JSON array into a list.
	 * @param <E> the element type
	 * @param elementType the class of the elements
	 * @return the response type
	 */
	@SuppressWarnings("unchecked")
	public static <E> ResponseType<List<E>> jsonList(Class<E> elementType) {
		return (ResponseType<List<E>>) JSON_LIST_TYPES.get(elementType);
	}

	/**
	 * No answer worth reading (204, or a bodiless 202): the call returns {@code null}.
	 * @return the response type
	 */
	public static ResponseType<Void> none() {
		return NONE;
	}

	/**
	 * An answer read whole as text, such as a {@code text/csv} export.
	 * @return the response type
	 */
	public static ResponseType<String> text() {
		return TEXT;
	}

	/**
	 * An answer handed over as a stream, for exports too large to hold in memory. The
	 * caller must close the stream, which releases the connection.
	 * @return the response type
	 */
	public static ResponseType<InputStream> stream() {
		return STREAM;
	}

	static <T> ResponseType<T> json(JavaType type, String description) {
		return new ResponseType<>(Kind.JSON, description, PolarJson.mapper().readerFor(type));
	}

	Kind kind() {
		return this.kind;
	}

	ObjectReader reader() {
		if (this.reader == null) {
			throw new IllegalStateException(this + " is not decoded from JSON");
		}
		return this.reader;
	}

	MediaType accept() {
		return (this.kind == Kind.JSON || this.kind == Kind.NONE) ? MediaType.APPLICATION_JSON : MediaType.ALL;
	}

	@Override
	public String toString() {
		return "ResponseType{" + this.description + "}";
	}

	/**
	 * How the body is read.
	 */
	enum Kind {

		/** Decoded from JSON. */
		JSON,

		/** Ignored. */
		NONE,

		/** Read whole as text. */
		TEXT,

		/** Handed to the caller unread. */
		STREAM

	}

}
