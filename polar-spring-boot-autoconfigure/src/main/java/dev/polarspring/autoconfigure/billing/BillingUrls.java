package dev.polarspring.autoconfigure.billing;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Checks of the paths and URLs the billing properties hold, with messages naming the key.
 */
final class BillingUrls {

	private BillingUrls() {
	}

	static void checkPath(Errors errors, String field, String key, String path) {
		if (!path.startsWith("/")) {
			errors.rejectValue(field, key, key + " must start with '/', such as /polar/checkout; was '" + path + "'");
		}
	}

	/**
	 * A URL Polar sends the customer to: absolute http(s), or a path of this application.
	 */
	static void checkCallbackUrl(Errors errors, String field, String key, @Nullable String url) {
		if (url == null) {
			return;
		}
		try {
			URI uri = URI.create(url.replace("{CHECKOUT_ID}", "x"));
			boolean absolute = uri.isAbsolute() && isHttp(uri.getScheme()) && uri.getHost() != null;
			if (absolute || (!uri.isAbsolute() && url.startsWith("/") && !url.startsWith("//"))) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// Rejected below.
		}
		errors.rejectValue(field, key, key + " must be an absolute http(s) URL or a path of this application "
				+ "starting with '/', such as /account; was '" + url + "'");
	}

	static void checkOrigins(Errors errors, String field, String key, List<String> origins) {
		for (String origin : origins) {
			try {
				URI uri = URI.create(origin);
				String path = uri.getRawPath();
				if (isHttp(uri.getScheme()) && uri.getHost() != null && (path == null || path.isEmpty())
						&& uri.getRawQuery() == null) {
					continue;
				}
			}
			catch (IllegalArgumentException ex) {
				// Rejected below.
			}
			errors.rejectValue(field, key, key + " must list origins such as https://www.example.com "
					+ "(scheme, host and port, no path); was '" + origin + "'");
		}
	}

	private static boolean isHttp(@Nullable String scheme) {
		return scheme != null && List.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT));
	}

}
