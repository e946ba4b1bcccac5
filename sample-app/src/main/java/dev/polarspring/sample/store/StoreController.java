package dev.polarspring.sample.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.sample.activity.WebhookActivityRepository;

/**
 * The catalog, and the page Polar sends the shopper back to after paying. "Buy" is a
 * plain link to the starter's checkout endpoint ({@code /polar/checkout?products=...}),
 * which creates the checkout for the shopper ({@link ShopperCustomerResolver}) and
 * redirects to Polar; no controller code here.
 */
@Controller
class StoreController {

	/**
	 * How long the success page waits for Polar's {@code order.paid}, refreshing itself,
	 * before it says the webhooks may not be set up.
	 */
	private static final Duration WEBHOOK_WAIT = Duration.ofMinutes(1);

	private static final int SHOWN_WEBHOOKS = 20;

	private final Catalog catalog;

	private final CheckoutsClient checkouts;

	private final WebhookActivityRepository activities;

	StoreController(Catalog catalog, CheckoutsClient checkouts, WebhookActivityRepository activities) {
		this.catalog = catalog;
		this.checkouts = checkouts;
		this.activities = activities;
	}

	@GetMapping("/")
	String catalog(Model model) {
		model.addAttribute("products",
				this.catalog.forSale()
					.stream()
					.map((product) -> ProductCard.of(product, this.catalog.checkoutName(product)))
					.toList());
		return "catalog";
	}

	/**
	 * The success URL of every checkout ({@code polar.checkout.success-url}); Polar fills
	 * in the checkout id.
	 */
	@GetMapping("/success")
	String success(@RequestParam("checkout_id") String checkoutId, HttpSession session, Model model) {
		Checkout checkout;
		try {
			checkout = this.checkouts.get(checkoutId);
		}
		catch (NotFoundException ex) {
			return "redirect:/account";
		}
		String shopperId = Shopper.id(session);
		if (!shopperId.equals(checkout.externalCustomerId())) {
			// Someone else's checkout id: show nothing of it.
			return "redirect:/account";
		}
		CheckoutConfirmation confirmation = CheckoutConfirmation.of(checkout);
		model.addAttribute("confirmation", confirmation);
		if (confirmation.paid()) {
			if (this.activities.processed(shopperId, "order.paid", checkout.id())) {
				model.addAttribute("access", "Polar's order.paid webhook has arrived: your access is ready.");
			}
			else if (paidAt(checkout).plus(WEBHOOK_WAIT).isAfter(Instant.now())) {
				model.addAttribute("access", "Waiting for Polar's order.paid webhook. This page refreshes by itself.");
				model.addAttribute("refreshSeconds", 1);
			}
			else {
				model.addAttribute("access", "Polar's order.paid webhook has not arrived. If it never does, check "
						+ "the store's webhook endpoint in Polar's dashboard and POLAR_WEBHOOK_SECRET.");
			}
		}
		model.addAttribute("activities", this.activities.latest(shopperId, SHOWN_WEBHOOKS));
		return "success";
	}

	private static Instant paidAt(Checkout checkout) {
		OffsetDateTime modified = checkout.modifiedAt();
		return ((modified != null) ? modified : checkout.createdAt()).toInstant();
	}

}
