package dev.polarspring.boot.billing;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.HttpRequestHandler;

import dev.polarspring.client.error.PolarException;

/**
 * {@code GET /polar/portal}: opens Polar's customer portal for the signed-in user (a
 * customer session, then {@code 303} to its URL), so "Manage billing" is a plain link.
 *
 * <p>
 * Answers: {@code 303} to the portal; {@code 401} when nobody is signed in; {@code 403}
 * for a request from another site (see {@link CrossSiteRequestGuard}); {@code 404} when
 * Polar has no customer for the user yet (they never bought anything); {@code 405} for
 * other methods; {@code 503} when Polar cannot be reached; {@code 502} when Polar refused
 * for another reason. Every answer but the redirect is a short plain text; none is
 * cached.
 */
public final class PolarPortalEndpoint implements HttpRequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(PolarPortalEndpoint.class);

	private final PolarCustomerPortal portal;

	private final BillingRequestGate gate;

	/**
	 * Creates the endpoint.
	 * @param portal opens the portal
	 * @param customers tells who the signed-in user is
	 * @param allowedOrigins origins besides this application's whose pages may link here
	 */
	public PolarPortalEndpoint(PolarCustomerPortal portal, PolarCustomerResolver customers,
			List<String> allowedOrigins) {
		this.portal = portal;
		this.gate = new BillingRequestGate("customer portal",
				"Please sign in first: the billing portal shows your account.", customers, allowedOrigins, logger);
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<PolarCustomer> customer = this.gate.admit(request, response);
		if (customer.isEmpty()) {
			return;
		}
		String url;
		try {
			url = this.portal.portalUrl(customer.get().externalId());
		}
		catch (UnknownCustomerException ex) {
			BillingAnswers.text(response, HttpServletResponse.SC_NOT_FOUND,
					"You have no billing account yet: it is created with your first purchase.");
			return;
		}
		catch (PolarException ex) {
			BillingAnswers.polarFailure(response, ex, "open the customer portal", logger);
			return;
		}
		BillingAnswers.redirect(response, url);
	}

	@Override
	public String toString() {
		return "PolarPortalEndpoint[" + this.gate + "]";
	}

}
