package dev.polarspring.boot.billing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests the billing endpoints accept: those from this application's pages or an
 * allowed origin, by Fetch Metadata where the browser sends it, by Origin and Referer
 * otherwise.
 */
class CrossSiteRequestGuardTests {

	private final CrossSiteRequestGuard guard = new CrossSiteRequestGuard(List.of("https://WWW.example.com:443"));

	private static MockHttpServletRequest request(String... headers) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/polar/checkout");
		request.setScheme("https");
		request.setServerName("shop.example.com");
		request.setServerPort(443);
		for (int i = 0; i < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	@Test
	void fetchMetadataDecidesWhereBrowsersSendIt() {
		assertThat(this.guard.permits(request("Sec-Fetch-Site", "same-origin"))).isTrue();
		assertThat(this.guard.permits(request("Sec-Fetch-Site", "none"))).isTrue();
		assertThat(this.guard.permits(request("Sec-Fetch-Site", "same-site"))).isFalse();
		assertThat(this.guard.permits(request("Sec-Fetch-Site", "cross-site", "Referer", "https://evil.example/")))
			.isFalse();
		assertThat(this.guard.permits(request("Sec-Fetch-Site", "cross-site", "Referer", "https://www.example.com/p")))
			.isTrue();
	}

	@Test
	void originAndRefererDecideOtherwise() {
		assertThat(this.guard.permits(request())).isTrue();
		assertThat(this.guard.permits(request("Referer", "https://shop.example.com/pricing"))).isTrue();
		assertThat(this.guard.permits(request("Origin", "https://shop.example.com"))).isTrue();
		assertThat(this.guard.permits(request("Origin", "https://www.example.com"))).isTrue();
		assertThat(this.guard.permits(request("Referer", "http://shop.example.com/pricing"))).isFalse();
		assertThat(this.guard.permits(request("Origin", "null"))).isFalse();
		assertThat(this.guard.permits(request("Referer", "https://shop.example.com.evil.example/"))).isFalse();
	}

	@Test
	void prefetchesAreRefused() {
		assertThat(this.guard.permits(request("Sec-Fetch-Site", "same-origin", "Sec-Purpose", "prefetch;prerender")))
			.isFalse();
	}

	@Test
	void originsAreNormalized() {
		assertThat(CrossSiteRequestGuard.origin("HTTPS://Shop.Example.com:443/a?b"))
			.isEqualTo("https://shop.example.com");
		assertThat(CrossSiteRequestGuard.origin("http://localhost:8080/")).isEqualTo("http://localhost:8080");
		assertThat(CrossSiteRequestGuard.origin("null")).isNull();
		assertThat(CrossSiteRequestGuard.origin("not a url")).isNull();
	}

}
