package com.example.client;

// tag::portal[]
import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.model.CustomerOrder;
import dev.polarspring.client.model.CustomerSession;
import dev.polarspring.client.model.CustomerSessionCustomerExternalIDCreate;
import dev.polarspring.client.resource.CustomerPortalClient;

public class BillingPortal {

	private final PolarClient polar;

	public BillingPortal(PolarClient polar) {
		this.polar = polar;
	}

	public Page<CustomerOrder> orders(String userId) {
		CustomerPortalClient portal = this.polar.customerPortal(session(userId).token());
		return portal.orders().list();
	}

	/** The link to Polar's hosted portal, signed in as the user. */
	public String portalUrl(String userId) {
		return session(userId).customerPortalUrl();
	}

	private CustomerSession session(String userId) {
		return this.polar.customerSessions()
			.create(CustomerSessionCustomerExternalIDCreate.builder().externalCustomerId(userId).build());
	}

}
// end::portal[]
