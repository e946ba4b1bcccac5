package dev.polarspring.boot.billing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.HttpRequestHandler;

import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.model.Checkout;

/**
 * {@code GET /polar/checkout?products=pro}: creates a Polar checkout for the signed-in
 * user and answers {@code 303} to it, so a template links to a purchase with
 * {@code <a href="/polar/checkout?products=pro">}.
 *
 * <p>
 * {@code products} names one or more products by alias or id (repeated, or separated by
 * commas; the first is selected). {@code seats} sets the number of seats for seat-based
 * pricing. Nothing else comes from the request: the success and return URLs, metadata and
 * discount are those of {@code polar.checkout.*}, so a link can neither redirect the
 * customer elsewhere nor forge metadata or a discount.
 *
 * <p>
 * Answers: {@code 303} to the checkout; {@code 400} for no product, an unknown alias, bad
 * seats, or a checkout Polar refused as invalid; {@code 401} when nobody is signed in;
 * {@code 403} for a request from another site (see {@link CrossSiteRequestGuard});
 * {@code 405} for other methods; {@code 503} when Polar cannot be reached; {@code 502}
 * when Polar refused for another reason. Every answer but the redirect is a short plain
 * text; none is cached.
 */
public final class PolarCheckoutEndpoint implements HttpRequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(PolarCheckoutEndpoint.class);

	private static final long MAX_SEATS = 10_000;

	private static final String BAD_SEATS = "seats must be a whole number from 1 to " + MAX_SEATS + ".";

	private final PolarCheckouts checkouts;

	private final BillingRequestGate gate;

	/**
	 * Creates the endpoint.
	 * @param checkouts creates the checkouts
	 * @param customers tells who the signed-in user is
	 * @param allowedOrigins origins besides this application's whose pages may link here
	 */
	public PolarCheckoutEndpoint(PolarCheckouts checkouts, PolarCustomerResolver customers,
			List<String> allowedOrigins) {
		this.checkouts = checkouts;
		this.gate = new BillingRequestGate("checkout",
				"Please sign in first: the checkout is made out to your account.", customers, allowedOrigins, logger);
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<PolarCustomer> customer = this.gate.admit(request, response);
		if (customer.isEmpty()) {
			return;
		}
		List<String> products = products(request);
		if (products.isEmpty()) {
			BillingAnswers.text(response, HttpServletResponse.SC_BAD_REQUEST,
					"Name the product to buy: ?products=<product>.");
			return;
		}
		@Nullable Long seats;
		try {
			seats = seats(request.getParameter("seats"));
		}
		catch (IllegalArgumentException ex) {
			BillingAnswers.text(response, HttpServletResponse.SC_BAD_REQUEST, BAD_SEATS);
			return;
		}
		Checkout checkout;
		try {
			PolarCheckouts.Builder builder = this.checkouts.checkout(products).customer(customer.get());
			if (seats != null) {
				builder.seats(seats);
			}
			checkout = builder.create();
		}
		catch (UnknownAliasException ex) {
			logger.warn("Refused a checkout: {}", ex.getMessage());
			BillingAnswers.text(response, HttpServletResponse.SC_BAD_REQUEST,
					"There is no product '" + ex.getAlias() + "'.");
			return;
		}
		catch (UnprocessableEntityException ex) {
			String errors = BillingAnswers.validationErrors(ex);
			logger.warn("Polar refused a checkout for {}: {}", products, errors);
			BillingAnswers.text(response, HttpServletResponse.SC_BAD_REQUEST,
					"Polar, our payment provider, refused this checkout: " + errors + ".");
			return;
		}
		catch (PolarException ex) {
			BillingAnswers.polarFailure(response, ex, "create a checkout for " + products, logger);
			return;
		}
		BillingAnswers.redirect(response, checkout.url());
	}

	private static List<String> products(HttpServletRequest request) {
		List<String> products = new ArrayList<>();
		String[] values = request.getParameterValues("products");
		if (values != null) {
			for (String value : values) {
				for (String product : value.split(",")) {
					if (!product.isBlank()) {
						products.add(product.trim());
					}
				}
			}
		}
		return products;
	}

	private static @Nullable Long seats(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long seats = Long.parseLong(value.trim());
			if (seats >= 1 && seats <= MAX_SEATS) {
				return seats;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below with the same message as a number out of range.
		}
		throw new IllegalArgumentException(BAD_SEATS);
	}

	@Override
	public String toString() {
		return "PolarCheckoutEndpoint[" + this.gate + "]";
	}

}
