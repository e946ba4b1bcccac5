package dev.polarspring.boot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.polarspring.client.webhook.MalformedWebhookPayloadException;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.WebhookReceiver;
import dev.polarspring.client.webhook.WebhookVerificationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestHandler;

/**
 * One webhook endpoint: reads a delivery's raw body with a bound, verifies it, reads the
 * event and hands it to the {@link WebhookDeliveryProcessor} (which dispatches it now, or
 * stores it for the inbox workers), then answers with the status alone.
 *
 * <p>
 * It is a plain {@link HttpRequestHandler}: the body is read from the servlet input
 * stream before anything else sees it, so no message converter, argument resolver or JSON
 * setting of the application takes part, and what is verified is exactly the bytes Polar
 * signed. Answers carry no body, so nothing about the secret, the signature or a
 * listener's failure leaks.
 */
final class WebhookEndpoint implements HttpRequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebhookEndpoint.class);

	private static final String NO_TYPE = "none";

	private static final int MAX_LOGGED_ID_LENGTH = 64;

	private final String path;

	private final WebhookReceiver receiver;

	private final List<WebhookHandlerMethod> handlers;

	private final int maxBodySize;

	private final WebhookDeliveryProcessor processor;

	private final WebhookDeliveryMetrics metrics;

	WebhookEndpoint(String path, WebhookReceiver receiver, List<WebhookHandlerMethod> handlers, int maxBodySize,
			WebhookDeliveryProcessor processor, WebhookDeliveryMetrics metrics) {
		this.path = path;
		this.receiver = receiver;
		this.handlers = List.copyOf(handlers);
		this.maxBodySize = maxBodySize;
		this.processor = processor;
		this.metrics = metrics;
	}

	String path() {
		return this.path;
	}

	List<WebhookHandlerMethod> handlers() {
		return this.handlers;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, "POST");
			response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		long start = System.nanoTime();
		String type = NO_TYPE;
		WebhookOutcome outcome;
		try {
			byte[] body = readBody(request);
			if (body == null) {
				logger.warn("Refused webhook delivery {} to {} (413): the body is over polar.webhook.max-body-size "
						+ "({} bytes)", printableId(request), this.path, this.maxBodySize);
				outcome = WebhookOutcome.TOO_LARGE;
			}
			else {
				PolarWebhookEvent event = this.receiver.receive(body, request::getHeader);
				type = event.type();
				outcome = (event.delivery().id().length() > WebhookDeduplicationStore.MAX_DELIVERY_ID_LENGTH)
						? refuseLongId(event) : process(event, body);
			}
		}
		catch (WebhookVerificationException ex) {
			logger.warn("Refused webhook delivery {} to {} (403): {}{}", printableId(request), this.path,
					ex.getMessage(), millisecondsHint(ex, request));
			outcome = WebhookOutcome.REJECTED_SIGNATURE;
		}
		catch (MalformedWebhookPayloadException ex) {
			logger.warn("Refused signed webhook delivery {} to {} (400): {}", printableId(request), this.path,
					ex.getMessage());
			outcome = WebhookOutcome.REJECTED_PAYLOAD;
		}
		catch (Error ex) {
			// An Error the dispatcher lets through (the JVM itself is failing): Polar
			// still
			// gets a bodiless 500, committed so no error page adds a body, and the metric
			// counts it.
			answer(response, WebhookOutcome.FAILED);
			response.flushBuffer();
			this.metrics.record(this.path, type, WebhookOutcome.FAILED, System.nanoTime() - start);
			throw ex;
		}
		answer(response, outcome);
		this.metrics.record(this.path, type, outcome, System.nanoTime() - start);
	}

	private static void answer(HttpServletResponse response, WebhookOutcome outcome) {
		response.setStatus(outcome.status());
		response.setContentLength(0);
	}

	private WebhookOutcome refuseLongId(PolarWebhookEvent event) {
		logger.warn(
				"Refused signed webhook delivery {} to {} (400): its webhook-id is {} characters long, over the "
						+ "{} a delivery id may have",
				printable(event.delivery().id()), this.path, event.delivery().id().length(),
				WebhookDeduplicationStore.MAX_DELIVERY_ID_LENGTH);
		return WebhookOutcome.REJECTED_PAYLOAD;
	}

	private WebhookOutcome process(PolarWebhookEvent event, byte[] body) {
		try {
			return this.processor.process(this.path, event, body);
		}
		catch (RuntimeException ex) {
			// The deduplication store or the inbox failed before anything was dispatched
			// or stored; Polar will retry.
			logger.error("Could not process webhook delivery {} ({}); answered 500 so Polar retries it",
					event.delivery().id(), event.type(), ex);
			return WebhookOutcome.FAILED;
		}
	}

	/**
	 * Explains a timestamp refused because it was sent in milliseconds: a signer of the
	 * application's own (a test, a proxy) is the usual cause.
	 */
	private static String millisecondsHint(WebhookVerificationException ex, HttpServletRequest request) {
		WebhookVerificationException.Reason reason = ex.reason();
		if (reason != WebhookVerificationException.Reason.TOO_NEW
				&& reason != WebhookVerificationException.Reason.BAD_TIMESTAMP) {
			return "";
		}
		String timestamp = request.getHeader("webhook-timestamp");
		if (timestamp == null || timestamp.length() != 13 || !timestamp.chars().allMatch(Character::isDigit)) {
			return "";
		}
		return ". The webhook-timestamp " + timestamp + " looks like milliseconds: it must be seconds since the "
				+ "epoch (Polar sends seconds); a signer of your own should use Instant.getEpochSecond()";
	}

	/**
	 * Returns the {@code webhook-id} header fit for a log line: a refused delivery's id
	 * comes from anyone, so it is cut short and stripped of anything but the characters
	 * ids are made of.
	 */
	private static String printableId(HttpServletRequest request) {
		String id = request.getHeader("webhook-id");
		return (id != null) ? printable(id) : "(no webhook-id)";
	}

	private static String printable(String id) {
		StringBuilder printable = new StringBuilder(Math.min(id.length(), MAX_LOGGED_ID_LENGTH) + 3);
		for (int i = 0; i < id.length() && i < MAX_LOGGED_ID_LENGTH; i++) {
			char c = id.charAt(i);
			printable.append((c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':'))
					? c : '?');
		}
		return (id.length() > MAX_LOGGED_ID_LENGTH) ? printable.append("...").toString() : printable.toString();
	}

	/**
	 * Reads the body, refusing to hold more than the limit in memory.
	 * @return the body, or {@code null} when it is over the limit
	 */
	private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBodySize) {
			return null;
		}
		InputStream in = request.getInputStream();
		// One byte over the limit is enough to tell a body is too large, whatever length
		// it declared.
		byte[] body = in.readNBytes(this.maxBodySize + 1);
		return (body.length > this.maxBodySize) ? null : body;
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[" + this.path + ", handlers=" + this.handlers + "]";
	}

}
