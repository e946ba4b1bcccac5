package dev.polarspring.autoconfigure.webhook;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint verifies the bytes Polar sent whatever the application's filters and JSON
 * settings: here a request-logging filter wraps every request, and Jackson is set to fail
 * on unknown properties and to expect camelCase names, none of which fits Polar's
 * payloads.
 */
@SpringBootTest(classes = WebhookRawBodyTests.FilteredApplication.class,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET,
				"spring.jackson.deserialization.fail-on-unknown-properties=true",
				"spring.jackson.property-naming-strategy=LOWER_CAMEL_CASE" })
@AutoConfigureMockMvc
class WebhookRawBodyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordedEvents events;

	@Test
	void verifiesAndDecodesTheRawBodyBehindAWrappingFilter() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/polar/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		headers.forEach(request::header);
		assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(202);
		assertThat(this.events.ordersPaid()).singleElement()
			.satisfies((event) -> assertThat(event.data().createdAt()).isNotNull());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FilteredApplication {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

		@Bean
		OncePerRequestFilter requestLoggingFilter() {
			return new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					chain.doFilter(new ContentCachingRequestWrapper(request, 1024 * 1024), response);
				}

			};
		}

	}

}
