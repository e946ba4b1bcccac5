package dev.polarspring.sample.store;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * Who is shopping. This sample has no sign-in: each browser session is a guest with an id
 * of its own, which the checkout hands to Polar as the customer's external id, and which
 * every webhook about that customer carries back. A real store passes its user id
 * instead.
 */
public final class Shopper {

	/** The session attribute that holds the shopper's id. */
	public static final String SESSION_ATTRIBUTE = "shopperId";

	private Shopper() {
	}

	/**
	 * Returns the id of the session's shopper, giving the session one on its first visit.
	 * @param session the HTTP session
	 * @return an id such as {@code guest-3f9c2a71}
	 */
	public static String id(HttpSession session) {
		Object id = session.getAttribute(SESSION_ATTRIBUTE);
		if (id instanceof String existing) {
			return existing;
		}
		String created = "guest-" + UUID.randomUUID().toString().substring(0, 8);
		session.setAttribute(SESSION_ATTRIBUTE, created);
		return created;
	}

}
