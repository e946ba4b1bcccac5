package dev.polarspring.client.core;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Reports what a request body's builder rejects while the body is read from JSON, as
 * Jackson reported it when it drove the builder itself: a {@code null} its method for a
 * property refuses fails naming the property, a body missing a required property fails as
 * an instance that cannot be constructed. The generated deserializers of request bodies
 * call it; both are {@link JacksonException}s, so a response holding such a body fails to
 * decode as any other bad value does.
 */
public final class BuilderRejection {

	private BuilderRejection() {
	}

	/**
	 * Reports a value a builder method refused.
	 * @param context the context of the value being read
	 * @param parser the parser, still on the value
	 * @param body the request body
	 * @param ex what the builder method threw
	 * @return the exception to throw, with the path to the property
	 */
	public static JacksonException ofValue(DeserializationContext context, JsonParser parser, Class<?> body,
			RuntimeException ex) {
		// A value refused is a scalar null: the parser still names its property.
		@Nullable String property = parser.currentName();
		DatabindException refused = DatabindException.from(parser, ex.getMessage(), ex);
		return DatabindException.wrapWithPath(context, refused, (property != null)
				? new JacksonException.Reference(body, property) : new JacksonException.Reference(body));
	}

	/**
	 * Reports a body its builder could not build.
	 * @param context the context of the value being read
	 * @param parser the parser, on the body's last token
	 * @param builder the builder class
	 * @param ex what {@code build()} threw, naming the missing property
	 * @return the exception to throw
	 */
	public static JacksonException ofBuild(DeserializationContext context, JsonParser parser, Class<?> builder,
			RuntimeException ex) {
		return ValueInstantiationException.from(parser,
				"Cannot construct instance of `" + builder.getName() + "`, problem: " + ex.getMessage(),
				context.constructType(builder), ex);
	}

}
