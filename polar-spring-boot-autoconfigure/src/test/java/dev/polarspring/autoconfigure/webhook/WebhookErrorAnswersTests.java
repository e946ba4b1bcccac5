package dev.polarspring.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.polarspring.boot.webhook.PolarWebhook;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.SubscriptionCreatedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link Error} thrown by a {@code @PolarWebhook} method or a listener is a failed
 * delivery like any other, on a real server: 500 with an empty body (no error page), the
 * failure counted, the delivery released so Polar's retry is dispatched.
 */
@SpringBootTest(classes = WebhookErrorAnswersTests.ErrorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "polar.webhook.secret=" + TestDeliveries.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class WebhookErrorAnswersTests {

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	Failures failures;

	@Autowired
	MeterRegistry meterRegistry;

	@BeforeEach
	void clear() {
		this.failures.method.set(null);
		this.failures.listener.set(null);
	}

	@Test
	void anErrorFromAWebhookMethodIsABodiless500ThatIsCountedAndRetried(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		double failedBefore = failed("order.paid");
		this.failures.method.set(new AssertionError("stock ledger corrupted"));
		HttpResponse<String> failed = post(body, headers);
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).isEmpty();
		assertThat(failed("order.paid")).isEqualTo(failedBefore + 1);
		assertThat(output).contains("A handler of webhook delivery " + headers.get("webhook-id"))
			.contains("stock ledger corrupted");
		this.failures.method.set(null);
		assertThat(post(body, headers).statusCode()).isEqualTo(202);
	}

	@Test
	void anErrorFromAListenerIsABodiless500ThatIsCounted() throws Exception {
		byte[] body = TestDeliveries.body("subscription.created");
		double failedBefore = failed("subscription.created");
		this.failures.listener.set(new NoClassDefFoundError("com/example/Missing"));
		HttpResponse<String> failed = post(body, TestDeliveries.signed(body));
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).isEmpty();
		assertThat(failed("subscription.created")).isEqualTo(failedBefore + 1);
	}

	private double failed(String type) {
		Timer timer = this.meterRegistry.find("polar.webhook.deliveries")
			.tags("endpoint", "/polar/webhooks", "type", type, "outcome", "failed")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/polar/webhooks"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "application/json");
		headers.forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ErrorApplication {

		@Bean
		Failures failures() {
			return new Failures();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	static class Failures {

		final AtomicReference<@Nullable Error> method = new AtomicReference<>();

		final AtomicReference<@Nullable Error> listener = new AtomicReference<>();

		@PolarWebhook
		void on(OrderPaidEvent event) {
			Error error = this.method.get();
			if (error != null) {
				throw error;
			}
		}

		@EventListener
		void on(SubscriptionCreatedEvent event) {
			Error error = this.listener.get();
			if (error != null) {
				throw error;
			}
		}

	}

}
