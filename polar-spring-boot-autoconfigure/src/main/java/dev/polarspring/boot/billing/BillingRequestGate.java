package dev.polarspring.boot.billing;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;

/**
 * What every billing endpoint checks before it calls Polar: the request is a {@code GET},
 * it comes from this application's own pages (see {@link CrossSiteRequestGuard}), and
 * somebody is signed in. A request that fails a check is answered here ({@code 405},
 * {@code 403} or {@code 401}, plain text); the endpoint only sees the admitted customer.
 */
final class BillingRequestGate {

	private final String requestName;

	private final String signInMessage;

	private final PolarCustomerResolver customers;

	private final CrossSiteRequestGuard guard;

	private final Logger logger;

	/**
	 * Creates a gate.
	 * @param requestName what the request is, for the refusal log line, such as
	 * {@code checkout}
	 * @param signInMessage the answer to a request nobody signed in made
	 * @param customers tells who the signed-in user is
	 * @param allowedOrigins origins besides this application's whose pages may link here
	 * @param logger the endpoint's logger
	 */
	BillingRequestGate(String requestName, String signInMessage, PolarCustomerResolver customers,
			List<String> allowedOrigins, Logger logger) {
		this.requestName = requestName;
		this.signInMessage = signInMessage;
		this.customers = customers;
		this.guard = new CrossSiteRequestGuard(allowedOrigins);
		this.logger = logger;
	}

	/**
	 * Admits a request, or answers it.
	 * @param request the request
	 * @param response its response, written when the request is refused
	 * @return the signed-in customer, or empty when the request was refused and answered
	 * @throws IOException if the refusal cannot be written
	 */
	Optional<PolarCustomer> admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"GET".equals(request.getMethod())) {
			BillingAnswers.methodNotAllowed(response);
			return Optional.empty();
		}
		if (!this.guard.permits(request)) {
			this.logger.warn("Refused a {} request from another site (Sec-Fetch-Site: {}, Origin: {}, Referer: {})",
					this.requestName, request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
					request.getHeader("Referer"));
			BillingAnswers.crossSite(response);
			return Optional.empty();
		}
		Optional<PolarCustomer> customer = this.customers.resolve(request);
		if (customer.isEmpty()) {
			BillingAnswers.text(response, HttpServletResponse.SC_UNAUTHORIZED, this.signInMessage);
		}
		return customer;
	}

	/**
	 * Names the customer resolver only: the origins and messages are configuration, not
	 * state worth printing.
	 */
	@Override
	public String toString() {
		return this.customers.toString();
	}

}
