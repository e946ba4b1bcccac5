package com.example.webhooks;

// tag::servlet[]
import java.io.IOException;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.polarspring.client.webhook.MalformedWebhookPayloadException;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.WebhookReceiver;
import dev.polarspring.client.webhook.WebhookVerificationException;
import dev.polarspring.client.webhook.WebhookVerifier;

public class PolarWebhookServlet extends HttpServlet {

	private final WebhookReceiver receiver;

	private final Consumer<PolarWebhookEvent> handler;

	public PolarWebhookServlet(String secret, Consumer<PolarWebhookEvent> handler) {
		// While rotating, call secret(...) once for each secret accepted
		this.receiver = new WebhookReceiver(WebhookVerifier.builder().secret(secret).build());
		this.handler = handler;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		try {
			// The headers as a function of their names, or a Map
			PolarWebhookEvent event = this.receiver.receive(body, request::getHeader);
			this.handler.accept(event);
			response.setStatus(HttpServletResponse.SC_ACCEPTED);
		}
		catch (WebhookVerificationException ex) {
			// ex.reason() says why: MISSING_HEADER, BAD_TIMESTAMP, TOO_OLD, TOO_NEW or
			// NO_MATCHING_SIGNATURE
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		}
		catch (MalformedWebhookPayloadException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
	}

}
// end::servlet[]
