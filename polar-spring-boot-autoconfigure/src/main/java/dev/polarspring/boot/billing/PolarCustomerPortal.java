package dev.polarspring.boot.billing;

import org.jspecify.annotations.Nullable;

import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.model.CustomerSession;
import dev.polarspring.client.model.CustomerSessionCustomerExternalIDCreate;
import dev.polarspring.client.resource.CustomerSessionsClient;

/**
 * Opens Polar's customer portal for the application's customers: a customer session for
 * their {@code external_customer_id}, whose URL signs them in to the portal where they
 * manage subscriptions, payment methods and invoices. The portal endpoint uses it; so can
 * a controller of your own.
 */
public final class PolarCustomerPortal {

	private final CustomerSessionsClient customerSessions;

	private final @Nullable String returnUrl;

	/**
	 * Creates the service.
	 * @param customerSessions the client sessions are created with
	 * @param returnUrl where the portal's back link goes by default, absolute or a path
	 * of this application, or {@code null} for none
	 */
	public PolarCustomerPortal(CustomerSessionsClient customerSessions, @Nullable String returnUrl) {
		this.customerSessions = customerSessions;
		this.returnUrl = returnUrl;
	}

	/**
	 * Returns the URL of a customer's portal, with the default back link.
	 * @param externalCustomerId the application's id of the user
	 * @return the portal URL, valid for a short while and for this customer only
	 * @throws UnknownCustomerException when Polar has no such customer yet
	 * @throws dev.polarspring.client.error.PolarException when Polar refuses the session
	 * or cannot be reached
	 */
	public String portalUrl(String externalCustomerId) {
		return portalUrl(externalCustomerId, this.returnUrl);
	}

	/**
	 * Returns the URL of a customer's portal.
	 * @param externalCustomerId the application's id of the user
	 * @param returnUrl where the portal's back link goes, absolute or a path of this
	 * application, or {@code null} for none
	 * @return the portal URL, valid for a short while and for this customer only
	 * @throws UnknownCustomerException when Polar has no such customer yet
	 * @throws dev.polarspring.client.error.PolarException when Polar refuses the session
	 * or cannot be reached
	 */
	public String portalUrl(String externalCustomerId, @Nullable String returnUrl) {
		CustomerSessionCustomerExternalIDCreate.Builder body = CustomerSessionCustomerExternalIDCreate.builder()
			.externalCustomerId(externalCustomerId);
		String back = CallbackUrls.absolute(returnUrl, "The customer portal's return URL");
		if (back != null) {
			body.returnUrl(back);
		}
		CustomerSession session;
		try {
			session = this.customerSessions.create(body.build());
		}
		catch (NotFoundException ex) {
			throw new UnknownCustomerException(externalCustomerId, ex);
		}
		catch (UnprocessableEntityException ex) {
			// Polar answers an unknown customer with a validation error on the id.
			boolean unknownCustomer = ex.getValidationErrors()
				.stream()
				.anyMatch((error) -> error.loc().contains("external_customer_id"));
			if (unknownCustomer) {
				throw new UnknownCustomerException(externalCustomerId, ex);
			}
			throw ex;
		}
		return session.customerPortalUrl();
	}

}
