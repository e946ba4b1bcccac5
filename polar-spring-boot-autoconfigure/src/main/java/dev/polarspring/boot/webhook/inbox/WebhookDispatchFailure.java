package dev.polarspring.boot.webhook.inbox;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What made a dispatch fail, as the inbox keeps it: the exception's class and its
 * message, shortened to {@value #MAX_MESSAGE_LENGTH} characters. The stack trace is
 * logged, not stored.
 *
 * @param type the exception's class name
 * @param message its message, if it has one
 */
public record WebhookDispatchFailure(String type, @Nullable String message) {

	/**
	 * The longest message kept.
	 */
	public static final int MAX_MESSAGE_LENGTH = 1000;

	private static final int MAX_TYPE_LENGTH = 255;

	/**
	 * Checks and shortens the components.
	 * @param type the exception's class name
	 * @param message its message
	 */
	public WebhookDispatchFailure {
		Objects.requireNonNull(type, "type must not be null");
		type = shorten(type, MAX_TYPE_LENGTH);
		message = (message != null) ? shorten(message, MAX_MESSAGE_LENGTH) : null;
	}

	/**
	 * Describes what a dispatch threw, looking through the wrapper a checked exception
	 * comes in.
	 * @param failure what the dispatch threw
	 * @return the failure
	 */
	public static WebhookDispatchFailure of(Throwable failure) {
		Throwable cause = (failure instanceof UndeclaredThrowableException undeclared
				&& undeclared.getUndeclaredThrowable() != null) ? undeclared.getUndeclaredThrowable() : failure;
		return new WebhookDispatchFailure(cause.getClass().getName(), cause.getMessage());
	}

	private static String shorten(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 3) + "...";
	}

}
