package dev.polarspring.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A shopper with a cookie jar, going through the store and the fake Polar's pages over
 * HTTP the way a browser does (one request at a time, redirects looked at rather than
 * followed).
 */
final class StoreVisitor {

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String store;

	StoreVisitor(int port) {
		this.store = "http://localhost:" + port;
	}

	Page get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
	}

	Page post(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	Page post(String pathOrUrl, String name, String value) {
		String form = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/**
	 * Follows a "Buy" link: the starter's checkout endpoint, which answers a redirect to
	 * the fake's checkout page.
	 */
	Page buy(String product) {
		return get("/polar/checkout?products=" + URLEncoder.encode(product, StandardCharsets.UTF_8));
	}

	/**
	 * Buys a product on the store and pays on the fake's checkout page; answers the
	 * success page.
	 * @param product the product's alias or id
	 * @param email what the shopper types on the checkout page
	 */
	Page buyAndPay(String product, String email) {
		Page checkout = buy(product);
		if (checkout.status() != 303) {
			throw new IllegalStateException(
					"The checkout endpoint answered " + checkout.status() + ": " + checkout.body());
		}
		Page paid = post(checkout.location() + "/confirm", "customer_email", email);
		return get(paid.location());
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.store + pathOrUrl);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.uri().toString(), response.statusCode(),
					response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Disposition").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Page(String url, int status, String location, String contentDisposition, String body) {

		/**
		 * The text of the first element with this id, tags removed, entities decoded and
		 * spaces collapsed.
		 */
		String text(String id) {
			Matcher matcher = Pattern
				.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
				.matcher(this.body);
			return matcher.find()
					? HtmlUtils.htmlUnescape(matcher.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim())
					: "";
		}

	}

}
