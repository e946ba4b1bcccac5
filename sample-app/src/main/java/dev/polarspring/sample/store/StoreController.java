package dev.polarspring.sample.store;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.resource.CheckoutsClient;

/**
 * The catalog, and the page Polar sends the shopper back to after paying. "Buy" is a
 * plain link to the starter's checkout endpoint ({@code /polar/checkout?products=...}),
 * which creates the checkout for the shopper ({@link ShopperCustomerResolver}) and
 * redirects to Polar; no controller code here.
 */
@Controller
class StoreController {

	private final Catalog catalog;

	private final CheckoutsClient checkouts;

	StoreController(Catalog catalog, CheckoutsClient checkouts) {
		this.catalog = catalog;
		this.checkouts = checkouts;
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
		if (!Shopper.id(session).equals(checkout.externalCustomerId())) {
			// Someone else's checkout id: show nothing of it.
			return "redirect:/account";
		}
		model.addAttribute("confirmation", CheckoutConfirmation.of(checkout));
		return "success";
	}

}
