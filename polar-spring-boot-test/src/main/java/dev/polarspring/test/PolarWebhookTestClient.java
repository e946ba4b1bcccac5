package dev.polarspring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.Assert;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import dev.polarspring.client.webhook.WebhookSigner;

/**
 * Sends webhook deliveries to an application the way Polar does: the event as
 * {@code {"type":..., "timestamp":..., "data":...}}, signed with the application's secret
 * in the Standard Webhooks headers, over a real port or through MockMvc. Each method
 * answers with the HTTP status the application gave.
 *
 * <pre>{@code
 * PolarWebhookTestClient webhooks = PolarWebhookTestClient.mockMvc(mockMvc, "whsec_test");
 * assertThat(webhooks.send(orderPaid)).isEqualTo(202);
 * assertThat(webhooks.send(orderPaid)).isEqualTo(202);                 // same webhook-id: a duplicate
 * assertThat(webhooks.sendWithBadSignature(orderPaid)).isEqualTo(403);
 * }</pre>
 *
 * <p>
 * The {@code webhook-id} of a typed event is its {@link PolarWebhookEvent#delivery()} id,
 * so sending one event twice is a redelivery, as Polar's retries are. The
 * {@code webhook-timestamp} is the client's clock at sending time. Thread-safe.
 */
public final class PolarWebhookTestClient {

	/**
	 * Where the starter's endpoint listens unless {@code polar.webhook.path} says
	 * otherwise.
	 */
	public static final String DEFAULT_PATH = "/polar/webhooks";

	private static final String WRONG_SECRET = "whsec_" + "not-the-application-secret";

	private final WebhookTransport transport;

	private final WebhookSigner signer;

	private final Clock clock;

	private PolarWebhookTestClient(WebhookTransport transport, WebhookSigner signer, Clock clock) {
		this.transport = transport;
		this.signer = signer;
		this.clock = clock;
	}

	/**
	 * Creates a client that posts to a URL, such as a test's random port.
	 * @param endpoint the endpoint, such as {@code http://localhost:8080/polar/webhooks}
	 * @param secret the application's webhook secret ({@code polar.webhook.secret})
	 * @return the client
	 */
	public static PolarWebhookTestClient to(URI endpoint, String secret) {
		Assert.notNull(endpoint, "endpoint must not be null");
		Assert.isTrue(endpoint.isAbsolute(), () -> "endpoint must be an absolute URL, was " + endpoint);
		return new PolarWebhookTestClient(new HttpWebhookTransport(endpoint), signer(secret), Clock.systemUTC());
	}

	/**
	 * Creates a client that posts to the default endpoint path through MockMvc.
	 * @param mockMvc the application's MockMvc
	 * @param secret the application's webhook secret ({@code polar.webhook.secret})
	 * @return the client
	 */
	public static PolarWebhookTestClient mockMvc(MockMvc mockMvc, String secret) {
		return mockMvc(mockMvc, DEFAULT_PATH, secret);
	}

	/**
	 * Creates a client that posts to a path through MockMvc, for an application whose
	 * endpoint is elsewhere ({@code polar.webhook.path} or a {@code @PolarWebhook}
	 * method).
	 * @param mockMvc the application's MockMvc
	 * @param path the endpoint path, such as {@code /billing/polar}
	 * @param secret the endpoint's webhook secret
	 * @return the client
	 */
	public static PolarWebhookTestClient mockMvc(MockMvc mockMvc, String path, String secret) {
		Assert.notNull(mockMvc, "mockMvc must not be null");
		Assert.isTrue(path.startsWith("/"), () -> "path must start with '/', was '" + path + "'");
		return new PolarWebhookTestClient(new MockMvcWebhookTransport(mockMvc, path), signer(secret),
				Clock.systemUTC());
	}

	/**
	 * Creates a client for an application that cannot receive webhooks: every delivery
	 * fails with an {@link IllegalStateException} carrying the reason, and so does the
	 * {@link FakePolar} call that sent it (a payment, a redelivery).
	 * {@code @AutoConfigureFakePolar} sets it when the test's application has a webhook
	 * secret but neither a port nor MockMvc.
	 * @param reason why nothing can be delivered and how to get deliveries
	 * @return the client
	 */
	public static PolarWebhookTestClient unreachable(String reason) {
		Assert.hasText(reason, "reason must not be empty");
		return new PolarWebhookTestClient(new WebhookTransport() {

			@Override
			public int post(byte[] body, Map<String, String> headers) {
				throw new UndeliverableWebhookException(reason);
			}

			@Override
			public String toString() {
				return "nowhere";
			}

		}, WebhookSigner.of(WRONG_SECRET), Clock.systemUTC());
	}

	private static WebhookSigner signer(String secret) {
		Assert.hasText(secret, "secret must not be empty: pass the application's polar.webhook.secret");
		return WebhookSigner.of(secret);
	}

	/**
	 * Returns a client that stamps deliveries with another clock, to test the timestamp
	 * tolerance.
	 * @param clock the clock for {@code webhook-timestamp}
	 * @return the new client; this one is unchanged
	 */
	public PolarWebhookTestClient withClock(Clock clock) {
		Assert.notNull(clock, "clock must not be null");
		return new PolarWebhookTestClient(this.transport, this.signer, clock);
	}

	/**
	 * Sends an event, correctly signed, with its delivery id as {@code webhook-id}.
	 * @param event the event, typed or unknown
	 * @return the HTTP status the application answered with
	 */
	public int send(PolarWebhookEvent event) {
		return deliver(event.delivery().id(), payload(event), this.signer);
	}

	/**
	 * Sends a raw body, correctly signed, with a new {@code webhook-id}. For malformed
	 * payloads and event types this version of the client does not know.
	 * @param json the body, sent byte for byte
	 * @return the HTTP status the application answered with
	 */
	public int sendJson(String json) {
		return sendJson(newWebhookId(), json);
	}

	/**
	 * Sends a raw body, correctly signed, with the given {@code webhook-id}.
	 * @param webhookId the {@code webhook-id}; the same id twice is a redelivery
	 * @param json the body, sent byte for byte
	 * @return the HTTP status the application answered with
	 */
	public int sendJson(String webhookId, String json) {
		Assert.hasText(webhookId, "webhookId must not be empty");
		return deliver(webhookId, json.getBytes(StandardCharsets.UTF_8), this.signer);
	}

	/**
	 * Sends an event signed with another secret, as a forged delivery would be.
	 * @param event the event
	 * @return the HTTP status the application answered with; 403 from the starter's
	 * endpoint
	 */
	public int sendWithBadSignature(PolarWebhookEvent event) {
		return deliver(event.delivery().id(), payload(event), WebhookSigner.of(WRONG_SECRET));
	}

	/**
	 * Serializes an event as Polar's delivery body: {@code {"type":..., "timestamp":...,
	 * "data":...}}, or for an unknown event the JSON it was read from.
	 * @param event the event
	 * @return the body as UTF-8 bytes
	 */
	public static byte[] payload(PolarWebhookEvent event) {
		if (event instanceof UnknownWebhookEvent unknown) {
			return PolarJson.mapper().writeValueAsBytes(unknown.raw());
		}
		ObjectNode body = PolarJson.mapper().createObjectNode();
		body.put("type", event.type());
		body.set("timestamp", PolarJson.mapper().valueToTree(event.timestamp()));
		body.set("data", PolarJson.mapper().valueToTree(event.data()));
		return PolarJson.mapper().writeValueAsBytes(body);
	}

	/**
	 * Signs and posts one delivery. Shared with {@link FakePolar}, which sends its
	 * webhooks here.
	 */
	int deliver(String webhookId, byte[] body, WebhookSigner signer) {
		Map<String, String> headers = signer.headers(webhookId, this.clock.instant(), body);
		return this.transport.post(body, headers);
	}

	int deliver(String webhookId, byte[] body) {
		return deliver(webhookId, body, this.signer);
	}

	static String newWebhookId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	@Override
	public String toString() {
		return "PolarWebhookTestClient{" + this.transport + "}";
	}

}
