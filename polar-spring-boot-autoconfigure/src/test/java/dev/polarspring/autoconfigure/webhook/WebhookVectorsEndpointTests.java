package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.WebhookClaim;
import dev.polarspring.boot.webhook.WebhookDeduplicationStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.polarspring.client.SettableClock;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import dev.polarspring.client.webhook.WebhookVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the shared webhook vectors through an endpoint: one endpoint per secret
 * of the vectors ({@code polar.webhook.endpoints}), the application's clock set to each
 * case's {@code now}.
 */
@SpringBootTest(classes = WebhookVectorsEndpointTests.VectorsApplication.class)
@AutoConfigureMockMvc
class WebhookVectorsEndpointTests {

	private static final List<WebhookVector> VECTORS = WebhookVector.load();

	private static final List<String> SECRETS = VECTORS.stream().map(WebhookVector::secret).distinct().toList();

	@Autowired
	MockMvc mvc;

	@Autowired
	SettableClock clock;

	@Autowired
	RecordedEvents events;

	@DynamicPropertySource
	static void endpointPerSecret(DynamicPropertyRegistry registry) {
		for (int i = 0; i < SECRETS.size(); i++) {
			String secret = SECRETS.get(i);
			registry.add("polar.webhook.endpoints.vectors-" + i + ".path", () -> pathFor(secret));
			registry.add("polar.webhook.endpoints.vectors-" + i + ".secret", () -> secret);
		}
	}

	static List<WebhookVector> vectors() {
		return VECTORS;
	}

	@BeforeEach
	void clear() {
		this.events.clear();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void endpointAnswersAsTheCaseExpects(WebhookVector vector) throws Exception {
		this.clock.set(Instant.ofEpochSecond(vector.now()));
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(pathFor(vector.secret()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(vector.bodyBytes());
		vector.headers().forEach(request::header);
		int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
		switch (vector.expect()) {
			case "accepted", "accepted-either-key" -> {
				assertThat(status).isEqualTo(202);
				assertThat(this.events.all()).singleElement().isNotInstanceOf(UnknownWebhookEvent.class);
			}
			case "accepted-unknown" -> {
				assertThat(status).isEqualTo(202);
				assertThat(this.events.all()).singleElement().isInstanceOf(UnknownWebhookEvent.class);
			}
			case "rejected-signature" -> {
				assertThat(status).isEqualTo(403);
				assertThat(this.events.all()).isEmpty();
			}
			case "rejected-payload" -> {
				assertThat(status).isEqualTo(400);
				assertThat(this.events.all()).isEmpty();
			}
			default -> throw new IllegalStateException("Unexpected outcome '" + vector.expect() + "' in " + vector);
		}
		if (vector.type() != null && status == 202) {
			assertThat(this.events.all()).extracting(PolarWebhookEvent::type).containsExactly(vector.type());
		}
	}

	private static String pathFor(String secret) {
		return "/vectors/" + SECRETS.indexOf(secret);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class VectorsApplication {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

		@Bean
		SettableClock clock() {
			return new SettableClock();
		}

		@Bean
		WebhookDeduplicationStore neverDuplicate() {
			// Several cases reuse one webhook-id on purpose; each case stands alone here.
			AtomicLong tokens = new AtomicLong();
			return new WebhookDeduplicationStore() {

				@Override
				public WebhookClaim claim(String deliveryId) {
					return WebhookClaim.claimed(deliveryId, tokens.incrementAndGet());
				}

				@Override
				public void complete(WebhookClaim claim) {
				}

				@Override
				public void release(WebhookClaim claim) {
				}

			};
		}

	}

}
