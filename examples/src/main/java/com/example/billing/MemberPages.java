package com.example.billing;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages {@link StoreSecurity} keeps for customers with a benefit, a subscription or a
 * purchase.
 */
@RestController
class MemberPages {

	@GetMapping("/pro/area")
	String proArea(Principal principal) {
		return "Welcome to the pro area, " + principal.getName() + ".";
	}

	@GetMapping("/members/lounge")
	String lounge() {
		return "The members' lounge.";
	}

	@GetMapping("/downloads/starter/kit.zip")
	String starterKit() {
		return "The starter kit.";
	}

}
