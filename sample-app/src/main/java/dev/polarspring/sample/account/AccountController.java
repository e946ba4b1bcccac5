package dev.polarspring.sample.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.sample.store.Catalog;
import dev.polarspring.sample.store.Shopper;

/**
 * The account page: what the shopper owns, read from Polar through
 * {@link PolarEntitlements} (cached, and refreshed by Polar's webhooks), and a link to
 * the starter's customer portal endpoint ({@code /polar/portal}) once Polar has something
 * to show there.
 */
@Controller
class AccountController {

	private final PolarEntitlements entitlements;

	private final Catalog catalog;

	private final BenefitDetails benefits;

	AccountController(PolarEntitlements entitlements, Catalog catalog, BenefitDetails benefits) {
		this.entitlements = entitlements;
		this.catalog = catalog;
		this.benefits = benefits;
	}

	@GetMapping("/account")
	String account(HttpSession session, Model model) {
		String shopperId = Shopper.id(session);
		model.addAttribute("shopperId", shopperId);
		model.addAttribute("account", Account.of(this.entitlements.of(shopperId), this.catalog.all(), this.benefits));
		return "account";
	}

}
