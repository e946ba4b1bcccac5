package dev.polarspring.sample.store;

import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.error.PolarApiException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.model.CustomerSession;
import dev.polarspring.client.model.CustomerSessionCustomerExternalIDCreate;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.client.resource.CustomerSessionsClient;
import dev.polarspring.client.resource.ProductsClient;
import dev.polarspring.client.resource.ProductsListParams;
import dev.polarspring.sample.entitlement.EntitlementRepository;

/**
 * The store: the catalog from Polar, a checkout on Polar for "Buy", the page Polar sends
 * the shopper back to, and the account page with what the shopper owns (from the
 * webhooks) and the way to Polar's customer portal.
 */
@Controller
class StoreController {

	private static final Log logger = LogFactory.getLog(StoreController.class);

	private final ProductsClient products;

	private final CheckoutsClient checkouts;

	private final CustomerSessionsClient customerSessions;

	private final EntitlementRepository entitlements;

	StoreController(ProductsClient products, CheckoutsClient checkouts, CustomerSessionsClient customerSessions,
			EntitlementRepository entitlements) {
		this.products = products;
		this.checkouts = checkouts;
		this.customerSessions = customerSessions;
		this.entitlements = entitlements;
	}

	@GetMapping("/")
	String catalog(Model model) {
		List<ProductCard> cards = this.products.list(ProductsListParams.builder().isArchived(false).build())
			.autoPager()
			.stream()
			.map(ProductCard::of)
			.toList();
		model.addAttribute("products", cards);
		return "catalog";
	}

	@PostMapping("/buy")
	String buy(@RequestParam String productId, HttpSession session, RedirectAttributes redirect) {
		// Polar fills in {CHECKOUT_ID} when it sends the shopper back.
		String successUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/success").build().toUriString()
				+ "?checkout_id={CHECKOUT_ID}";
		try {
			Checkout checkout = this.checkouts.create(CheckoutProductsCreate.builder()
				.products(List.of(productId))
				.externalCustomerId(Shopper.id(session))
				.successUrl(successUrl)
				.build());
			return "redirect:" + checkout.url();
		}
		catch (PolarApiException ex) {
			logger.warn("Polar refused the checkout for product " + productId + ": " + ex.getMessage());
			redirect.addFlashAttribute("error", "The checkout could not be started. Please try again.");
			return "redirect:/";
		}
	}

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
		model.addAttribute("productName", (checkout.product() != null) ? checkout.product().name() : "your order");
		model.addAttribute("status", checkout.status().toString());
		return "success";
	}

	@GetMapping("/account")
	String account(HttpSession session, Model model) {
		String shopperId = Shopper.id(session);
		model.addAttribute("shopperId", shopperId);
		model.addAttribute("entitlements", this.entitlements.findByExternalCustomerId(shopperId));
		return "account";
	}

	@PostMapping("/account/portal")
	String portal(HttpSession session, RedirectAttributes redirect) {
		String returnUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/account").toUriString();
		try {
			CustomerSession customerSession = this.customerSessions
				.create(CustomerSessionCustomerExternalIDCreate.builder()
					.externalCustomerId(Shopper.id(session))
					.returnUrl(returnUrl)
					.build());
			return "redirect:" + customerSession.customerPortalUrl();
		}
		catch (UnprocessableEntityException | NotFoundException ex) {
			// Polar knows a customer from their first checkout on.
			redirect.addFlashAttribute("error", "Buy something first: the customer portal opens after a purchase.");
			return "redirect:/account";
		}
	}

}
