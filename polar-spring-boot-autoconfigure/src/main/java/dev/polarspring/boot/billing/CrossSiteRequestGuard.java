package dev.polarspring.boot.billing;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Keeps other sites from opening the billing endpoints for a signed-in user.
 *
 * <p>
 * The endpoints are links ({@code GET}), so a page on another site could send the user's
 * browser to them: {@code SameSite=Lax} session cookies, the default of browsers and of
 * Spring Session, are sent with such top-level navigations, and Spring Security checks
 * CSRF tokens on unsafe methods only. A request is therefore accepted only when it comes
 * from this application's own pages or from an allowed origin:
 * <ul>
 * <li>Browsers send {@code Sec-Fetch-Site}: {@code same-origin} (a link on this site) and
 * {@code none} (typed, bookmarked) are accepted; {@code same-site} and {@code cross-site}
 * only when the {@code Origin} or {@code Referer} is an allowed origin.</li>
 * <li>Without it (older browsers, other clients), an {@code Origin} or {@code Referer},
 * when sent, must be this application's origin or an allowed one; a request with neither
 * is accepted, as nothing marks it as coming from another site.</li>
 * <li>Speculative loads ({@code Sec-Purpose: prefetch}) are refused, so a prefetching
 * browser never creates a checkout nobody opened.</li>
 * </ul>
 */
final class CrossSiteRequestGuard {

	private final Set<String> allowedOrigins;

	/**
	 * Creates a guard.
	 * @param allowedOrigins origins besides this application's whose pages may link to
	 * the endpoints, such as {@code https://www.example.com}
	 */
	CrossSiteRequestGuard(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins.stream()
			.map(CrossSiteRequestGuard::origin)
			.filter((origin) -> origin != null)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Returns whether a request may be answered.
	 * @param request the request
	 * @return {@code true} when it comes from this application or an allowed origin
	 */
	boolean permits(HttpServletRequest request) {
		String purpose = request.getHeader("Sec-Purpose");
		if (purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch")) {
			return false;
		}
		String source = sourceOrigin(request);
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			String normalized = site.trim().toLowerCase(Locale.ROOT);
			return normalized.equals("same-origin") || normalized.equals("none")
					|| (source != null && this.allowedOrigins.contains(source));
		}
		if (source == null) {
			return request.getHeader("Origin") == null;
		}
		return source.equals(origin(CallbackUrls.applicationUrl(request))) || this.allowedOrigins.contains(source);
	}

	/** The origin the request says it comes from: its Origin, else its Referer's. */
	private static @Nullable String sourceOrigin(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin != null) {
			return origin(origin);
		}
		String referer = request.getHeader("Referer");
		return (referer != null) ? origin(referer) : null;
	}

	/**
	 * Returns the origin of a URL ({@code scheme://host[:port]}, lower case, default port
	 * left out), or {@code null} for {@code null} origins and what is not a URL.
	 */
	static @Nullable String origin(String url) {
		try {
			URI uri = URI.create(url.trim());
			String scheme = uri.getScheme();
			String host = uri.getHost();
			if (scheme == null || host == null) {
				return null;
			}
			scheme = scheme.toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http"))
					|| (port == 443 && scheme.equals("https"));
			return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
