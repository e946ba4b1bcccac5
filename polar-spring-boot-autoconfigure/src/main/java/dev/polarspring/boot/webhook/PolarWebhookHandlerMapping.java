package dev.polarspring.boot.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.polarspring.boot.PolarConfigurationException;
import dev.polarspring.client.webhook.WebhookReceiver;
import dev.polarspring.client.webhook.WebhookVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Maps webhook paths to their {@link WebhookEndpoint}, ahead of the application's
 * controllers.
 *
 * <p>
 * Why a handler mapping of its own rather than {@code @RequestMapping}: the endpoint must
 * see the raw body before any argument resolver or message converter, must answer by
 * itself (the status depends on verification, deduplication and the listeners, never on
 * the method's return value), and a method annotated with
 * {@link PolarWebhook @PolarWebhook} may sit on any bean. Once every singleton exists the
 * mapping scans the beans for {@code @PolarWebhook} methods, the way
 * {@code @EventListener} methods are found, groups them by path with the endpoints
 * configured under {@code polar.webhook} ({@link WebhookEndpointSettings}), and builds
 * one endpoint per path with its own verifier. The {@code DispatcherServlet} then calls
 * the endpoint through the standard {@code HttpRequestHandlerAdapter}.
 *
 * <p>
 * Endpoints:
 * <ul>
 * <li>{@code polar.webhook.path} with {@code polar.webhook.secret}, when the secret is
 * set (the default endpoint: no code needed);</li>
 * <li>each {@code polar.webhook.endpoints.<name>} with its own path and secret;</li>
 * <li>the path of each {@code @PolarWebhook} method that none of the above has, with
 * {@code polar.webhook.secret}.</li>
 * </ul>
 * A {@code @PolarWebhook} method on a configured path joins that endpoint and uses its
 * secret.
 */
public final class PolarWebhookHandlerMapping extends AbstractHandlerMapping implements SmartInitializingSingleton {

	/**
	 * Order of this mapping: before Boot's actuator mapping and the request mappings of
	 * controllers, so a webhook path is always answered by its endpoint.
	 */
	public static final int ORDER = -200;

	private final WebhookEndpointSettings settings;

	private final Clock clock;

	private final WebhookHandlerInvoker invoker;

	private final WebhookDeliveryProcessor processor;

	private final WebhookDeliveryMetrics metrics;

	private volatile Map<String, WebhookEndpoint> endpoints = Map.of();

	/**
	 * Creates the mapping; its endpoints are built once every singleton exists.
	 * @param settings the configured endpoints and limits
	 * @param clock the clock deliveries' timestamps are checked against
	 * @param invoker calls the {@code @PolarWebhook} methods this mapping finds: it is
	 * told about them once they are found
	 * @param processor processes verified deliveries: dispatches them now, or stores them
	 * @param metrics records each delivery's outcome
	 */
	public PolarWebhookHandlerMapping(WebhookEndpointSettings settings, Clock clock, WebhookHandlerInvoker invoker,
			WebhookDeliveryProcessor processor, WebhookDeliveryMetrics metrics) {
		this.settings = settings;
		this.clock = clock;
		this.invoker = invoker;
		this.processor = processor;
		this.metrics = metrics;
		setOrder(ORDER);
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, EndpointSource> sources = configuredEndpoints();
		WebhookBeanMethods found = WebhookBeanMethods.find(obtainApplicationContext());
		Map<String, List<WebhookHandlerMethod>> handlers = handlersByPath(found.handlers());
		handlers.forEach((path, methods) -> {
			if (!sources.containsKey(path)) {
				sources.put(path, defaultSourceFor(path, methods));
			}
		});
		List<String> listeners = found.listeners();
		Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
		sources.forEach((path, endpoint) -> {
			WebhookVerifier verifier = WebhookVerifier.builder()
				.secrets(endpoint.secrets())
				.tolerance(this.settings.tolerance())
				.clock(this.clock)
				.build();
			List<WebhookHandlerMethod> methods = handlers.getOrDefault(path, List.of());
			endpoints.put(path, new WebhookEndpoint(path, new WebhookReceiver(verifier), methods,
					this.settings.maxBodySize(), this.processor, this.metrics));
			if (logger.isInfoEnabled()) {
				logger.info(describe(path, endpoint, methods, listeners));
			}
		});
		this.invoker.register(handlers);
		if (endpoints.isEmpty() && !listeners.isEmpty()) {
			logger.warn("The application listens for Polar webhook events (" + String.join(", ", listeners)
					+ "), but has no webhook endpoint, so nothing will call these listeners and Polar's deliveries to "
					+ this.settings.defaultPath() + " are answered 404. Set polar.webhook.secret to the secret of the "
					+ "webhook endpoint in Polar (Settings > Webhooks), or configure polar.webhook.endpoints.");
		}
		this.endpoints = Collections.unmodifiableMap(endpoints);
	}

	/**
	 * Describes an endpoint in one line: where it is, which secrets verify it, who
	 * receives its deliveries and how.
	 */
	private String describe(String path, EndpointSource endpoint, List<WebhookHandlerMethod> methods,
			List<String> listeners) {
		String secretKey = endpoint.source().endsWith(".secret") ? endpoint.source() : endpoint.source() + ".secret";
		int previous = endpoint.secrets().size() - 1;
		return "Polar webhook endpoint POST " + path + ": verified with " + secretKey
				+ ((previous > 0) ? " and " + previous + " previous secret" + ((previous > 1) ? "s" : "") : "") + "; "
				+ count(methods.size(), "@PolarWebhook method") + (methods.isEmpty() ? "" : " " + methods) + ", "
				+ count(listeners.size(), "event listener") + "; " + this.processor.description();
	}

	private static String count(int count, String what) {
		return count + " " + what + ((count == 1) ? "" : "s");
	}

	private Map<String, EndpointSource> configuredEndpoints() {
		Map<String, EndpointSource> sources = new LinkedHashMap<>();
		if (!this.settings.defaultSecrets().isEmpty()) {
			sources.put(this.settings.defaultPath(),
					new EndpointSource("polar.webhook", this.settings.defaultSecrets()));
		}
		for (WebhookEndpointSettings.Endpoint endpoint : this.settings.endpoints()) {
			EndpointSource existing = sources.putIfAbsent(endpoint.path(),
					new EndpointSource(endpoint.source(), endpoint.secrets()));
			if (existing != null) {
				throw new PolarConfigurationException(endpoint.source() + ".path '" + endpoint.path()
						+ "' is already the path of " + existing.source(), "give each webhook endpoint its own path");
			}
		}
		return sources;
	}

	private EndpointSource defaultSourceFor(String path, List<WebhookHandlerMethod> methods) {
		if (this.settings.defaultSecrets().isEmpty()) {
			throw new PolarConfigurationException(
					"@PolarWebhook method " + methods.get(0) + " receives deliveries at " + path
							+ ", which has no secret",
					"set polar.webhook.secret, or add an entry to polar.webhook.endpoints with this path and the "
							+ "endpoint's secret from Polar");
		}
		return new EndpointSource("polar.webhook.secret", this.settings.defaultSecrets());
	}

	private Map<String, List<WebhookHandlerMethod>> handlersByPath(List<WebhookBeanMethods.Handler> found) {
		ApplicationContext context = obtainApplicationContext();
		Map<String, List<WebhookHandlerMethod>> handlers = new LinkedHashMap<>();
		for (WebhookBeanMethods.Handler handler : found) {
			handlers.computeIfAbsent(path(context, handler.annotation()), (path) -> new ArrayList<>())
				.add(WebhookHandlerMethod.of(handler.bean(), handler.method()));
		}
		return handlers;
	}

	private String path(ApplicationContext context, PolarWebhook annotation) {
		String path = context.getEnvironment().resolveRequiredPlaceholders(annotation.path());
		if (!StringUtils.hasText(path)) {
			return this.settings.defaultPath();
		}
		if (!path.startsWith("/")) {
			throw new PolarConfigurationException("@PolarWebhook path '" + path + "' must start with '/'",
					"write it as '/" + path + "'");
		}
		return path;
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		return this.endpoints.get(initLookupPath(request));
	}

	/**
	 * Whether the request is posted to one of the webhook endpoints, for a security
	 * filter that runs before the {@code DispatcherServlet} has parsed the path.
	 * @param request the request
	 * @return whether its path is a webhook endpoint's
	 */
	public boolean matches(HttpServletRequest request) {
		return this.endpoints.containsKey(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	/**
	 * Returns the endpoints by path, once the application has started.
	 * @return the endpoints
	 */
	Map<String, WebhookEndpoint> endpoints() {
		return this.endpoints;
	}

	/**
	 * Returns the paths of the endpoints.
	 * @return the paths
	 */
	public Set<String> paths() {
		return this.endpoints.keySet();
	}

	private record EndpointSource(String source, List<String> secrets) {
	}

}
