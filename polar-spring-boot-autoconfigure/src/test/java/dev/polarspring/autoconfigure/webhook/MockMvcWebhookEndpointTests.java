package dev.polarspring.autoconfigure.webhook;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The default endpoint's answers through MockMvc.
 */
@SpringBootTest(classes = WebhookTestApplication.class,
		properties = { "polar.webhook.secret=" + TestDeliveries.SECRET, "polar.webhook.max-body-size=64KB" })
@AutoConfigureMockMvc
class MockMvcWebhookEndpointTests extends WebhookEndpointAnswersTests {

	@Autowired
	MockMvc mvc;

	@Override
	Answer post(String path, byte[] body, Map<String, String> headers) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		headers.forEach(request::header);
		return answer(this.mvc.perform(request).andReturn().getResponse());
	}

	@Override
	Answer get(String path) throws Exception {
		return answer(this.mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse());
	}

	private static Answer answer(MockHttpServletResponse response) throws Exception {
		return new Answer(response.getStatus(), response.getContentAsString());
	}

}
