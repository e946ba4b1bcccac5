package dev.polarspring.test;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.HtmlUtils;

/**
 * The pages the fake Polar serves in place of Polar's hosted ones: the checkout page with
 * its "Pay" button, the confirmation page and the customer portal. Plain HTML, no
 * scripts, so a browser test (or a person trying the sample offline) can click through
 * them.
 */
final class FakeCheckoutPages {

	private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
			+ "padding:0 1rem;color:#1b1b1f}.banner{background:#fff4d6;padding:.5rem .75rem;border-radius:.4rem;"
			+ "font-size:.9rem}button{background:#0062ff;color:#fff;border:0;border-radius:.4rem;padding:.7rem 1.4rem;"
			+ "font-size:1rem;cursor:pointer}input{padding:.5rem;font-size:1rem;width:100%;box-sizing:border-box}"
			+ "li{margin:.3rem 0}";

	private FakeCheckoutPages() {
	}

	static String checkout(ObjectNode checkout) {
		JsonNode product = checkout.get("product");
		String total = money(checkout.get("total_amount").asLong(), checkout.get("currency").asString());
		String interval = product.path("recurring_interval").isString()
				? " / " + product.get("recurring_interval").asString() : "";
		StringBuilder body = new StringBuilder();
		body.append("<h1 id=\"product\">").append(escape(product.get("name").asString())).append("</h1>");
		if (product.path("description").isString()) {
			body.append("<p>").append(escape(product.get("description").asString())).append("</p>");
		}
		body.append("<p id=\"total\"><strong>").append(total).append(interval).append("</strong></p>");
		if (!checkout.get("status").asString().equals("open")) {
			String status = checkout.get("status").asString();
			body.append("<p id=\"status\">")
				.append(status.equals("succeeded") ? "This checkout is paid."
						: "This checkout is " + escape(status) + ".")
				.append("</p><p><a href=\"")
				.append(escape(successUrl(checkout)))
				.append("\">Continue</a></p>");
			return page("Checkout", body.toString());
		}
		String email = checkout.path("customer_email").isString() ? checkout.get("customer_email").asString() : "";
		body.append("<form method=\"post\" action=\"/checkout/")
			.append(escape(checkout.get("client_secret").asString()))
			.append("/confirm\"><p><label>Email<br><input id=\"email\" type=\"email\" name=\"customer_email\" value=\"")
			.append(escape(email))
			.append("\" required></label></p><p><button id=\"pay\" type=\"submit\">Pay ")
			.append(total)
			.append("</button></p></form>");
		return page("Checkout", body.toString());
	}

	static String confirmation(ObjectNode checkout) {
		return page("Thank you",
				"<h1>Thank you!</h1><p id=\"status\">Checkout " + escape(checkout.get("status").asString()) + ".</p>");
	}

	static String notFound() {
		return page("Not found", "<h1>Checkout not found</h1><p>It may have expired or the fake Polar was reset.</p>");
	}

	static String subscriptionNotFound() {
		return page("Not found", "<h1>Subscription not found</h1><p>It is not one of this customer's.</p>");
	}

	static String portalSessionExpired() {
		return page("Session expired",
				"<h1>Customer portal</h1><p>This link has expired. Open the portal again from the application.</p>");
	}

	static String portal(ObjectNode customerState, List<ObjectNode> orders, List<ObjectNode> licenseKeys,
			@Nullable String returnUrl, String sessionToken) {
		StringBuilder body = new StringBuilder("<h1>Customer portal</h1><p id=\"customer\">")
			.append(escape(customerState.get("email").asString()))
			.append("</p><h2>Subscriptions</h2><ul id=\"subscriptions\">");
		for (JsonNode subscription : customerState.get("active_subscriptions")) {
			String periodEnd = escape(subscription.get("current_period_end").asString().substring(0, 10));
			body.append("<li>")
				.append(money(subscription.get("amount").asLong(), subscription.get("currency").asString()))
				.append(" / ")
				.append(escape(subscription.get("recurring_interval").asString()));
			if (subscription.get("cancel_at_period_end").asBoolean()) {
				body.append(", canceled, ends ").append(periodEnd);
			}
			else {
				// As Polar's portal: canceling keeps the subscription until the period
				// ends.
				String id = escape(subscription.get("id").asString());
				body.append(", renews ")
					.append(periodEnd)
					.append(" <form method=\"post\" action=\"/portal/subscriptions/")
					.append(id)
					.append("/cancel\"><input type=\"hidden\" name=\"customer_session_token\" value=\"")
					.append(escape(sessionToken))
					.append("\"><button id=\"cancel-")
					.append(id)
					.append("\" type=\"submit\">Cancel subscription</button></form>");
			}
			body.append("</li>");
		}
		if (customerState.get("active_subscriptions").isEmpty()) {
			body.append("<li>None</li>");
		}
		body.append("</ul><h2>Orders</h2><ul id=\"orders\">");
		for (ObjectNode order : orders) {
			body.append("<li>")
				.append(escape(order.get("description").asString()))
				.append(", ")
				.append(money(order.get("total_amount").asLong(), order.get("currency").asString()))
				.append(", ")
				.append(escape(order.get("status").asString()))
				.append("</li>");
		}
		if (orders.isEmpty()) {
			body.append("<li>None</li>");
		}
		body.append("</ul>");
		if (!licenseKeys.isEmpty()) {
			// As Polar's portal: the customer's keys in full, to copy into the
			// application.
			body.append("<h2>License keys</h2><ul id=\"license-keys\">");
			for (ObjectNode licenseKey : licenseKeys) {
				body.append("<li><code class=\"license-key\">")
					.append(escape(licenseKey.get("key").asString()))
					.append("</code>, ")
					.append(escape(licenseKey.get("status").asString()))
					.append(", ")
					.append(licenseKey.get("activations").size())
					.append(" of ")
					.append(licenseKey.get("limit_activations").asInt())
					.append(" activations</li>");
			}
			body.append("</ul>");
		}
		if (returnUrl != null) {
			body.append("<p><a id=\"return\" href=\"").append(escape(returnUrl)).append("\">Back</a></p>");
		}
		return page("Customer portal", body.toString());
	}

	/** The success URL with Polar's {@code {CHECKOUT_ID}} placeholder filled in. */
	static String successUrl(ObjectNode checkout) {
		String id = checkout.get("id").asString();
		return checkout.get("success_url").asString().replace("{CHECKOUT_ID}", id).replace("%7BCHECKOUT_ID%7D", id);
	}

	/** An amount in the smallest unit of its currency, formatted like {@code $19.00}. */
	static String money(long amount, String currencyCode) {
		Currency currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(currency);
		return format.format(BigDecimal.valueOf(amount, currency.getDefaultFractionDigits()));
	}

	private static String page(String title, String body) {
		// The empty icon keeps browsers from asking for /favicon.ico, which the fake has
		// not.
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<link rel=\"icon\" href=\"data:,\"><title>" + escape(title) + " - Fake Polar</title><style>" + STYLE
				+ "</style></head><body>" + "<p class=\"banner\">Fake Polar: a test double. No payment is made.</p>"
				+ body + "</body></html>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
