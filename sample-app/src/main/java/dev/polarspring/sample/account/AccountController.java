package dev.polarspring.sample.account;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.polarspring.boot.billing.PolarCustomerEntitlements;
import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.sample.activity.WebhookActivityRepository;
import dev.polarspring.sample.store.Catalog;
import dev.polarspring.sample.store.Shopper;
import dev.polarspring.sample.store.ShopperEmails;

/**
 * The account page: what the shopper owns, read from Polar through
 * {@link PolarEntitlements} (cached, and refreshed by Polar's webhooks), and a link to
 * the starter's customer portal endpoint ({@code /polar/portal}) once Polar has something
 * to show there; the downloads the shopper made, as Polar's meter counts them; below, the
 * webhooks Polar sent about the shopper.
 */
@Controller
class AccountController {

	private final PolarEntitlements entitlements;

	private final Catalog catalog;

	private static final int SHOWN_WEBHOOKS = 20;

	private final BenefitDetails benefits;

	private final MeterNames meterNames;

	private final WebhookActivityRepository activities;

	private final ShopperEmails emails;

	AccountController(PolarEntitlements entitlements, Catalog catalog, BenefitDetails benefits, MeterNames meterNames,
			WebhookActivityRepository activities, ShopperEmails emails) {
		this.emails = emails;
		this.entitlements = entitlements;
		this.catalog = catalog;
		this.benefits = benefits;
		this.meterNames = meterNames;
		this.activities = activities;
	}

	@GetMapping("/account")
	String account(HttpSession session, Model model) {
		String shopperId = Shopper.id(session);
		model.addAttribute("shopperId", shopperId);
		model.addAttribute("email", this.emails.of(shopperId).orElse(null));
		PolarCustomerEntitlements owned = this.entitlements.of(shopperId);
		model.addAttribute("account",
				Account.of(owned, this.catalog.all(), this.benefits, this.meterNames.usage(owned.activeMeters())));
		model.addAttribute("activities", this.activities.latest(shopperId, SHOWN_WEBHOOKS));
		return "account";
	}

}
