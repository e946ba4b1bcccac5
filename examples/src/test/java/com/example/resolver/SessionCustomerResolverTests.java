package com.example.resolver;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import dev.polarspring.boot.billing.PolarCustomer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's customer resolver of an application without Spring Security.
 */
class SessionCustomerResolverTests {

	private final SessionCustomerResolver resolver = new SessionCustomerResolver();

	@Test
	void theSessionsUserIsTheCustomer() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession().setAttribute("userId", "user-42");
		request.getSession().setAttribute("email", "ada@example.com");
		assertThat(this.resolver.resolve(request)).contains(new PolarCustomer("user-42", "ada@example.com", null));
	}

	@Test
	void withoutASessionNobodyIsSignedIn() {
		assertThat(this.resolver.resolve(new MockHttpServletRequest())).isEmpty();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.getSession();
		assertThat(this.resolver.resolve(request)).isEmpty();
		assertThat(request.getSession(false)).isNotNull();
	}

}
