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
				logger.warn("Refused a webhook delivery to {}: the body is over polar.webhook.max-body-size ({} bytes)",
						this.path, this.maxBodySize);
				outcome = WebhookOutcome.TOO_LARGE;
			}
			else {
				PolarWebhookEvent event = this.receiver.receive(body, request::getHeader);
				type = event.type();
				outcome = process(event, body);
			}
		}
		catch (WebhookVerificationException ex) {
			logger.warn("Refused a webhook delivery to {}: {}", this.path, ex.getMessage());
			outcome = WebhookOutcome.REJECTED_SIGNATURE;
		}
		catch (MalformedWebhookPayloadException ex) {
			logger.warn("Refused a signed webhook delivery to {}: {}", this.path, ex.getMessage());
			outcome = WebhookOutcome.REJECTED_PAYLOAD;
		}
		response.setStatus(outcome.status());
		response.setContentLength(0);
		this.metrics.record(this.path, type, outcome, System.nanoTime() - start);
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
