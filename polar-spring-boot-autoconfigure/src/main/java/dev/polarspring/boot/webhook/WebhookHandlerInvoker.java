package dev.polarspring.boot.webhook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.UnknownWebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Delivers one verified event to the application: calls the
 * {@link PolarWebhook @PolarWebhook} methods of the endpoint it was posted to, then
 * publishes it to the application's listeners, all in the {@link WebhookDispatchScope}
 * (one transaction when the application has a transaction manager).
 *
 * <p>
 * Inline processing ({@link WebhookDispatcher}) calls it inside the request; durable
 * processing calls it from the inbox workers with the event read back from the stored
 * body. Both go through this one class, so listeners receive the same event objects, in
 * the same kind of transaction, whichever way the application processes deliveries.
 *
 * <p>
 * The {@link PolarWebhookHandlerMapping} registers each endpoint's methods once it has
 * found them.
 */
public final class WebhookHandlerInvoker {

	private static final Logger logger = LoggerFactory.getLogger(WebhookHandlerInvoker.class);

	private final ApplicationEventPublisher publisher;

	private final WebhookDispatchScope scope;

	private volatile Map<String, List<WebhookHandlerMethod>> handlers = Map.of();

	/**
	 * Creates an invoker.
	 * @param publisher publishes events to the application's listeners
	 * @param scope runs each dispatch, in a transaction or not
	 */
	public WebhookHandlerInvoker(ApplicationEventPublisher publisher, WebhookDispatchScope scope) {
		this.publisher = publisher;
		this.scope = scope;
	}

	/**
	 * Calls the methods of the endpoint at {@code endpoint} that take the event, then
	 * publishes it; whatever a method or a listener throws propagates, after the scope
	 * rolled back.
	 * @param endpoint the path the delivery was posted to
	 * @param event the verified event
	 */
	public void invoke(String endpoint, PolarWebhookEvent event) {
		invoke(endpoint, event, () -> {
		});
	}

	/**
	 * Calls the methods of the endpoint at {@code endpoint} that take the event,
	 * publishes it, then runs {@code completion} in the same scope: a database write it
	 * makes commits or rolls back with the listeners' own.
	 * @param endpoint the path the delivery was posted to
	 * @param event the verified event
	 * @param completion runs once every method and listener returned
	 */
	public void invoke(String endpoint, PolarWebhookEvent event, Runnable completion) {
		if (event instanceof UnknownWebhookEvent) {
			logger.warn(
					"Webhook delivery {} has type '{}', which this version of polar-spring-boot does not know; "
							+ "it is published as UnknownWebhookEvent with the raw JSON. Upgrade to receive it typed.",
					event.delivery().id(), event.type());
		}
		List<WebhookHandlerMethod> methods = this.handlers.getOrDefault(endpoint, List.of());
		this.scope.run(() -> {
			for (WebhookHandlerMethod method : methods) {
				if (method.accepts(event)) {
					method.invoke(event);
				}
			}
			this.publisher.publishEvent(event);
			completion.run();
		});
	}

	/**
	 * Records the {@code @PolarWebhook} methods of each endpoint.
	 * @param handlers the methods by endpoint path
	 */
	void register(Map<String, List<WebhookHandlerMethod>> handlers) {
		Map<String, List<WebhookHandlerMethod>> copy = new HashMap<>();
		handlers.forEach((endpoint, methods) -> copy.put(endpoint, List.copyOf(methods)));
		this.handlers = Map.copyOf(copy);
	}

	@Override
	public String toString() {
		return "WebhookHandlerInvoker[scope=" + this.scope + ", endpoints=" + this.handlers.keySet() + "]";
	}

}
