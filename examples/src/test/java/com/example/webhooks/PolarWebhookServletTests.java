package com.example.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's webhook receiver without Spring, in a plain servlet.
 */
class PolarWebhookServletTests {

	private static final String BODY = "{\"type\": \"shop.example\", \"timestamp\": \"2026-10-01T09:00:00Z\", "
			+ "\"data\": {}}";

	private final List<PolarWebhookEvent> received = new CopyOnWriteArrayList<>();

	private final PolarWebhookServlet servlet = new PolarWebhookServlet("whsec_test", this.received::add);

	@Test
	void aSignedDeliveryIsHandled() throws Exception {
		assertThat(post(BODY, "whsec_test")).isEqualTo(202);
		assertThat(this.received).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("shop.example");
			assertThat(event.delivery().id()).isEqualTo("msg_1");
		});
	}

	@Test
	void aForgedDeliveryIsRefused() throws Exception {
		assertThat(post(BODY, "whsec_other")).isEqualTo(403);
		assertThat(this.received).isEmpty();
	}

	@Test
	void aSignedBodyThatIsNoEventIsMalformed() throws Exception {
		assertThat(post("[1, 2, 3]", "whsec_test")).isEqualTo(400);
		assertThat(this.received).isEmpty();
	}

	private int post(String body, String secret) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/polar/webhooks");
		request.setContent(bytes);
		WebhookSigner.of(secret).headers("msg_1", Instant.now(), bytes).forEach(request::addHeader);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		return response.getStatus();
	}

}
