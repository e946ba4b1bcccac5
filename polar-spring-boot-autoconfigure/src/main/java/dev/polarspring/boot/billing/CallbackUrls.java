package dev.polarspring.boot.billing;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the URLs Polar sends customers back to into absolute ones: Polar needs absolute
 * URLs, configuration is easier with paths. A path is resolved against the application
 * that serves the current request (scheme, host, port and context path as the servlet
 * container reports them, so behind a proxy set {@code server.forward-headers-strategy}).
 */
final class CallbackUrls {

	private CallbackUrls() {
	}

	/**
	 * Returns the URL as Polar needs it.
	 * @param url an absolute URL, a path starting with {@code /}, or {@code null}
	 * @param what the property or argument the URL comes from, for the error message
	 * @return the absolute URL, or {@code null}
	 * @throws IllegalStateException for a path outside of a web request
	 */
	static @Nullable String absolute(@Nullable String url, String what) {
		if (url == null || URI.create(url.replace("{CHECKOUT_ID}", "x")).isAbsolute()) {
			return url;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			throw new IllegalStateException(what + " is the path '" + url + "', which is resolved against the "
					+ "current request; outside of a web request give an absolute URL");
		}
		return applicationUrl(servlet.getRequest()) + url;
	}

	/**
	 * Returns the URL of the application a request reached, without a trailing slash.
	 */
	static String applicationUrl(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = (port == 80 && "http".equals(scheme)) || (port == 443 && "https".equals(scheme))
				|| port <= 0;
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
	}

}
