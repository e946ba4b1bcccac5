package com.example.billing;

// tag::checkouts[]
import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

import dev.polarspring.boot.billing.PolarCheckouts;
import dev.polarspring.boot.billing.PolarCustomer;
import dev.polarspring.boot.billing.PolarCustomerPortal;
import dev.polarspring.client.model.Checkout;

@RestController
class TeamCheckoutController {

	private final PolarCheckouts checkouts;

	private final PolarCustomerPortal portal;

	TeamCheckoutController(PolarCheckouts checkouts, PolarCustomerPortal portal) {
		this.checkouts = checkouts;
		this.portal = portal;
	}

	@GetMapping("/team/upgrade")
	RedirectView upgrade(Principal principal, @RequestParam int seats) {
		Checkout checkout = this.checkouts.checkout("pro")
			.customer(PolarCustomer.of(principal.getName()).withName("Team of " + principal.getName()))
			.seats((long) seats)
			.metadata("plan", "team")
			.successUrl("/team/welcome?checkout_id={CHECKOUT_ID}")
			.create();
		return new RedirectView(checkout.url());
	}

	@GetMapping("/team/billing")
	RedirectView billing(Principal principal) {
		return new RedirectView(this.portal.portalUrl(principal.getName(), "/team"));
	}

}
// end::checkouts[]
