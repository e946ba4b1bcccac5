package dev.polarspring.test;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Posts deliveries through MockMvc, so a test without a server port exercises the same
 * endpoint, filters included.
 */
final class MockMvcWebhookTransport implements WebhookTransport {

	private final MockMvc mockMvc;

	private final String path;

	MockMvcWebhookTransport(MockMvc mockMvc, String path) {
		this.mockMvc = mockMvc;
		this.path = path;
	}

	@Override
	public int post(byte[] body, Map<String, String> headers) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		headers.forEach(request::header);
		try {
			return this.mockMvc.perform(request).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException("MockMvc failed to deliver the webhook to " + this.path, ex);
		}
	}

	@Override
	public String toString() {
		return "MockMvc " + this.path;
	}

}
