package dev.polarspring.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the default endpoint, in an application with no webhook code of its
 * own. The subclasses send the deliveries through MockMvc and through a real port.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class WebhookEndpointAnswersTests {

	static final String PATH = "/polar/webhooks";

	static final String[] PROPERTIES = { "polar.webhook.secret=" + TestDeliveries.SECRET,
			"polar.webhook.max-body-size=64KB" };

	@Autowired
	RecordedEvents events;

	@Autowired
	MeterRegistry meterRegistry;

	/**
	 * Posts a delivery.
	 * @param path where to
	 * @param body the raw body
	 * @param headers the request headers
	 * @return the answer
	 */
	abstract Answer post(String path, byte[] body, Map<String, String> headers) throws Exception;

	abstract Answer get(String path) throws Exception;

	@BeforeEach
	void clearEvents() {
		this.events.clear();
	}

	@Test
	void acceptsASignedDeliveryAndPublishesTheTypedEvent() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		Answer answer = post(PATH, body, headers);
		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.body()).isEmpty();
		assertThat(this.events.ordersPaid()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("order.paid");
			assertThat(event.data().id()).isEqualTo(PolarJson.mapper().readTree(body).get("data").get("id").asString());
			assertThat(event.delivery().id()).isEqualTo(headers.get("webhook-id"));
			assertThat(event.delivery().timestamp())
				.isEqualTo(Instant.ofEpochSecond(Long.parseLong(headers.get("webhook-timestamp"))));
		});
		assertThat(this.events.all()).singleElement().isInstanceOf(OrderPaidEvent.class);
	}

	@Test
	void publishesEveryEventTypeToTheCommonListenerOnly() throws Exception {
		byte[] body = TestDeliveries.body("subscription.created");
		assertThat(post(PATH, body, TestDeliveries.signed(body)).status()).isEqualTo(202);
		assertThat(this.events.all()).singleElement()
			.extracting(PolarWebhookEvent::type)
			.isEqualTo("subscription.created");
		assertThat(this.events.ordersPaid()).isEmpty();
	}

	@Test
	void refusesADeliveryWithoutSignatureAndPublishesNothing(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		headers.remove("webhook-signature");
		Answer answer = post(PATH, body, headers);
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.body()).isEmpty();
		assertThat(this.events.all()).isEmpty();
		assertThat(output).contains("no webhook-signature header");
	}

	@Test
	void refusesADeliverySignedWithAnotherSecretAndPublishesNothing(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Answer answer = post(PATH, body, TestDeliveries.signed("whsec_another", TestDeliveries.newId(), body));
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.body()).isEmpty();
		assertThat(this.events.all()).isEmpty();
		assertThat(output).contains("No v1 signature").doesNotContain(TestDeliveries.SECRET);
	}

	@Test
	void refusesATamperedBody() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("order.paid", "order.pAid")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(post(PATH, tampered, headers).status()).isEqualTo(403);
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void refusesASignedBodyThatIsNotAnEvent() throws Exception {
		byte[] body = "{not json".getBytes(StandardCharsets.UTF_8);
		Answer answer = post(PATH, body, TestDeliveries.signed(body));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEmpty();
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void refusesABodyOverTheLimit() throws Exception {
		byte[] body = new byte[64 * 1024 + 1];
		Arrays.fill(body, (byte) ' ');
		Answer answer = post(PATH, body, TestDeliveries.signed(body));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void acceptsABodyAtTheLimit() throws Exception {
		byte[] event = TestDeliveries.body("order.paid");
		byte[] body = Arrays.copyOf(event, 64 * 1024);
		// JSON allows trailing whitespace: the event padded to exactly the limit.
		Arrays.fill(body, event.length, body.length, (byte) ' ');
		assertThat(post(PATH, body, TestDeliveries.signed(body)).status()).isEqualTo(202);
		assertThat(this.events.ordersPaid()).hasSize(1);
	}

	@Test
	void acceptsAnUnknownTypeAndPublishesItAsTheUnknownEvent(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.unknownType();
		Answer answer = post(PATH, body, TestDeliveries.signed(body));
		assertThat(answer.status()).isEqualTo(202);
		assertThat(this.events.all()).singleElement()
			.isInstanceOf(UnknownWebhookEvent.class)
			.extracting(PolarWebhookEvent::type)
			.isEqualTo("invoice.teleported");
		assertThat(output).contains("WARN").contains("'invoice.teleported'").contains("UnknownWebhookEvent");
	}

	@Test
	void answers500WithoutDetailWhenAListenerThrowsAndDispatchesPolarsRetry(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		this.events.failWith(new IllegalStateException("warehouse down: password=hunter2"));
		Answer failed = post(PATH, body, headers);
		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.body()).isEmpty();
		assertThat(output).contains("ERROR").contains(headers.get("webhook-id")).contains("warehouse down");
		this.events.failWith(null);
		assertThat(post(PATH, body, headers).status()).isEqualTo(202);
		assertThat(this.events.all()).hasSize(1);
	}

	@Test
	void acceptsADeliveryAlreadyProcessedWithoutDispatchingItAgain() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		assertThat(post(PATH, body, headers).status()).isEqualTo(202);
		assertThat(post(PATH, body, headers).status()).isEqualTo(202);
		assertThat(this.events.ordersPaid()).hasSize(1);
		assertThat(this.events.all()).hasSize(1);
	}

	@Test
	void answersOnlyPost() throws Exception {
		assertThat(get(PATH).status()).isEqualTo(405);
	}

	@Test
	void timesDeliveriesByTypeAndOutcome() throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed(body);
		double acceptedBefore = count("order.paid", "accepted");
		double duplicateBefore = count("order.paid", "duplicate");
		double rejectedBefore = count("none", "rejected_signature");
		post(PATH, body, headers);
		post(PATH, body, headers);
		post(PATH, body, TestDeliveries.signed("whsec_another", TestDeliveries.newId(), body));
		assertThat(count("order.paid", "accepted")).isEqualTo(acceptedBefore + 1);
		assertThat(count("order.paid", "duplicate")).isEqualTo(duplicateBefore + 1);
		assertThat(count("none", "rejected_signature")).isEqualTo(rejectedBefore + 1);
		assertThat(this.meterRegistry.get("polar.webhook.deliveries")
			.tags("endpoint", PATH, "type", "order.paid", "outcome", "accepted")
			.timer()
			.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void refusesAWebhookIdLongerThanAStoreHolds(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		String longId = "msg_" + "x".repeat(252);
		Answer answer = post(PATH, body, TestDeliveries.signed(TestDeliveries.SECRET, longId, body));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEmpty();
		assertThat(this.events.all()).isEmpty();
		assertThat(output).contains("its webhook-id is 256 characters long, over the 255");
		String longestId = "msg_" + "x".repeat(251);
		assertThat(post(PATH, body, TestDeliveries.signed(TestDeliveries.SECRET, longestId, body)).status())
			.isEqualTo(202);
	}

	@Test
	void namesTheWebhookIdOfEveryRefusal(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> forged = TestDeliveries.signed("whsec_another", TestDeliveries.newId(), body);
		post(PATH, body, forged);
		byte[] notAnEvent = "{not json".getBytes(StandardCharsets.UTF_8);
		Map<String, String> malformed = TestDeliveries.signed(notAnEvent);
		post(PATH, notAnEvent, malformed);
		assertThat(output).contains("WARN")
			.contains("Refused webhook delivery " + forged.get("webhook-id") + " to " + PATH + " (403)")
			.contains("Refused signed webhook delivery " + malformed.get("webhook-id") + " to " + PATH + " (400)");
	}

	@Test
	void keepsAForgedWebhookIdOutOfTheLogLineItCouldBreak(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		Map<String, String> headers = TestDeliveries.signed("whsec_another", "msg_1\tFAKE LOG LINE", body);
		assertThat(post(PATH, body, headers).status()).isEqualTo(403);
		assertThat(output).contains("Refused webhook delivery msg_1?FAKE?LOG?LINE").doesNotContain("msg_1\tFAKE");
	}

	@Test
	void hintsAtMillisecondsWhenTheTimestampIsInMilliseconds(CapturedOutput output) throws Exception {
		byte[] body = TestDeliveries.body("order.paid");
		String id = TestDeliveries.newId();
		String millis = String.valueOf(System.currentTimeMillis());
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		headers.put("webhook-id", id);
		headers.put("webhook-timestamp", millis);
		headers.put("webhook-signature", "v1," + java.util.Base64.getEncoder()
			.encodeToString(hmac(id + "." + millis + "." + new String(body, StandardCharsets.UTF_8))));
		assertThat(post(PATH, body, headers).status()).isEqualTo(403);
		assertThat(output).contains("The webhook-timestamp " + millis + " looks like milliseconds")
			.contains("Instant.getEpochSecond()");
	}

	@Test
	void logsEachAcceptedDeliveryAtDebug(CapturedOutput output) throws Exception {
		org.springframework.boot.logging.LoggingSystem logging = org.springframework.boot.logging.LoggingSystem
			.get(getClass().getClassLoader());
		logging.setLogLevel("dev.polarspring.boot.webhook", org.springframework.boot.logging.LogLevel.DEBUG);
		try {
			byte[] body = TestDeliveries.body("order.paid");
			Map<String, String> headers = TestDeliveries.signed(body);
			assertThat(post(PATH, body, headers).status()).isEqualTo(202);
			assertThat(output)
				.contains("Webhook delivery " + headers.get("webhook-id") + " (order.paid) dispatched; answered 202");
		}
		finally {
			logging.setLogLevel("dev.polarspring.boot.webhook", null);
		}
	}

	private static byte[] hmac(String content) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(TestDeliveries.SECRET.getBytes(StandardCharsets.UTF_8),
				"HmacSHA256"));
		return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
	}

	private double count(String type, String outcome) {
		Timer timer = this.meterRegistry.find("polar.webhook.deliveries")
			.tags("endpoint", PATH, "type", type, "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	record Answer(int status, String body) {
	}

}
