package com.example.billing;

// tag::entitlements[]
import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.polarspring.boot.billing.PolarCustomerEntitlements;
import dev.polarspring.boot.billing.PolarEntitlements;

@RestController
class AccountController {

	private final PolarEntitlements entitlements;

	private final Reports reports;

	AccountController(PolarEntitlements entitlements, Reports reports) {
		this.entitlements = entitlements;
		this.reports = reports;
	}

	@GetMapping("/account")
	String account(Principal principal) {
		PolarCustomerEntitlements customer = this.entitlements.of(principal.getName());
		if (customer.isEmpty()) {
			return "Nothing yet: see our plans.";
		}
		String plan = customer.isSubscribed("pro") ? "Pro" : "no plan";
		String kit = customer.hasPurchased("starter") ? ", the starter kit" : "";
		String benefits = customer.hasBenefit("pro") ? ", the pro area" : "";
		return "You have " + plan + kit + benefits + ".";
	}
	// end::entitlements[]

	@GetMapping("/reports")
	String reports() {
		return String.join("\n", this.reports.proReports());
	}
	// tag::entitlements[]

}
// end::entitlements[]
