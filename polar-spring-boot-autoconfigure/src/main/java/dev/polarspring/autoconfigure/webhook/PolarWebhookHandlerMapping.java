package dev.polarspring.autoconfigure.webhook;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.polarspring.client.webhook.WebhookReceiver;
import dev.polarspring.client.webhook.WebhookVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Maps webhook paths to their {@link WebhookEndpoint}, ahead of the application's controllers.
 *
 * <p>Why a handler mapping of its own rather than {@code @RequestMapping}: the endpoint must see
 * the raw body before any argument resolver or message converter, must answer by itself (the
 * status depends on verification, deduplication and the listeners, never on the method's
 * return value), and a method annotated with {@link PolarWebhook @PolarWebhook} may sit on any
 * bean. Once every singleton exists the mapping scans the beans for {@code @PolarWebhook}
 * methods, the way {@code @EventListener} methods are found, groups them by path with the
 * endpoints configured under {@code polar.webhook}, and builds one endpoint per path with its
 * own verifier. The {@code DispatcherServlet} then calls the endpoint through the standard
 * {@code HttpRequestHandlerAdapter}.
 *
 * <p>Endpoints:
 * <ul>
 * <li>{@code polar.webhook.path} with {@code polar.webhook.secret}, when the secret is set (the
 * default endpoint: no code needed);</li>
 * <li>each {@code polar.webhook.endpoints.<name>} with its own path and secret;</li>
 * <li>the path of each {@code @PolarWebhook} method that none of the above has, with
 * {@code polar.webhook.secret}.</li>
 * </ul>
 * A {@code @PolarWebhook} method on a configured path joins that endpoint and uses its secret.
 */
final class PolarWebhookHandlerMapping extends AbstractHandlerMapping implements SmartInitializingSingleton {

	/**
	 * Order of this mapping: before Boot's actuator mapping and the request mappings of
	 * controllers, so a webhook path is always answered by its endpoint.
	 */
	static final int ORDER = -200;

	private final PolarWebhookProperties properties;

	private final Clock clock;

	private final WebhookDispatcher dispatcher;

	private final WebhookDeliveryMetrics metrics;

	private volatile Map<String, WebhookEndpoint> endpoints = Map.of();

	PolarWebhookHandlerMapping(PolarWebhookProperties properties, Clock clock, WebhookDispatcher dispatcher,
			WebhookDeliveryMetrics metrics) {
		this.properties = properties;
		this.clock = clock;
		this.dispatcher = dispatcher;
		this.metrics = metrics;
		setOrder(ORDER);
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, EndpointSettings> settings = configuredEndpoints();
		Map<String, List<WebhookHandlerMethod>> handlers = findHandlerMethods();
		handlers.forEach((path, methods) -> {
			if (!settings.containsKey(path)) {
				settings.put(path, defaultSettingsFor(path, methods));
			}
		});
		Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
		int maxBodySize = (int) this.properties.getMaxBodySize().toBytes();
		settings.forEach((path, endpoint) -> {
			WebhookVerifier verifier = WebhookVerifier.builder()
				.secrets(endpoint.secrets())
				.tolerance(this.properties.getTolerance())
				.clock(this.clock)
				.build();
			List<WebhookHandlerMethod> methods = handlers.getOrDefault(path, List.of());
			endpoints.put(path, new WebhookEndpoint(path, new WebhookReceiver(verifier), methods, maxBodySize,
					this.dispatcher, this.metrics));
			if (logger.isInfoEnabled()) {
				logger.info("Polar webhook endpoint POST " + path + " (" + endpoint.source() + ")"
						+ (methods.isEmpty() ? "" : ", handled by " + methods));
			}
		});
		this.endpoints = Collections.unmodifiableMap(endpoints);
	}

	private Map<String, EndpointSettings> configuredEndpoints() {
		Map<String, EndpointSettings> settings = new LinkedHashMap<>();
		List<String> defaultSecrets = defaultSecrets();
		if (!defaultSecrets.isEmpty()) {
			settings.put(this.properties.getPath(), new EndpointSettings("polar.webhook", defaultSecrets));
		}
		this.properties.getEndpoints().forEach((name, endpoint) -> {
			String source = "polar.webhook.endpoints." + name;
			String path = endpoint.getPath();
			List<String> secrets = secrets(endpoint.getSecret(), endpoint.getPreviousSecrets());
			if (path == null || secrets.isEmpty()) {
				throw new IllegalStateException(source + " needs a path and a secret");
			}
			EndpointSettings existing = settings.putIfAbsent(path, new EndpointSettings(source, secrets));
			if (existing != null) {
				throw new IllegalStateException(source + ".path '" + path + "' is already the path of "
						+ existing.source() + "; give each webhook endpoint its own path");
			}
		});
		return settings;
	}

	private EndpointSettings defaultSettingsFor(String path, List<WebhookHandlerMethod> methods) {
		List<String> defaultSecrets = defaultSecrets();
		if (defaultSecrets.isEmpty()) {
			throw new IllegalStateException("@PolarWebhook method " + methods.get(0) + " receives deliveries at "
					+ path + ", which has no secret: set polar.webhook.secret, or add an entry to "
					+ "polar.webhook.endpoints with this path and the endpoint's secret from Polar");
		}
		return new EndpointSettings("polar.webhook.secret", defaultSecrets);
	}

	private List<String> defaultSecrets() {
		return secrets(this.properties.getSecret(), this.properties.getPreviousSecrets());
	}

	private static List<String> secrets(@Nullable String secret, List<String> previousSecrets) {
		List<String> secrets = new ArrayList<>();
		if (StringUtils.hasText(secret)) {
			secrets.add(secret);
			previousSecrets.stream().filter(StringUtils::hasText).forEach(secrets::add);
		}
		return secrets;
	}

	private Map<String, List<WebhookHandlerMethod>> findHandlerMethods() {
		ApplicationContext context = obtainApplicationContext();
		Map<String, List<WebhookHandlerMethod>> handlers = new LinkedHashMap<>();
		for (String beanName : context.getBeanNamesForType(Object.class)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = beanType(context, beanName);
			if (type == null || !AnnotationUtils.isCandidateClass(type, PolarWebhook.class)) {
				continue;
			}
			Map<Method, PolarWebhook> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(MethodIntrospector.MetadataLookup<PolarWebhook>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, PolarWebhook.class));
			Supplier<Object> bean = context.isSingleton(beanName) ? SingletonSupplier.of(() -> context.getBean(beanName))
					: () -> context.getBean(beanName);
			methods.forEach((method, annotation) -> handlers
				.computeIfAbsent(path(context, annotation), (path) -> new ArrayList<>())
				.add(WebhookHandlerMethod.of(bean, method)));
		}
		return handlers;
	}

	private static @Nullable Class<?> beanType(ApplicationContext context, String beanName) {
		try {
			return context.getType(beanName);
		}
		catch (RuntimeException ex) {
			// A bean whose type cannot be told without creating it has no @PolarWebhook method we could see.
			return null;
		}
	}

	private String path(ApplicationContext context, PolarWebhook annotation) {
		String path = context.getEnvironment().resolveRequiredPlaceholders(annotation.path());
		if (!StringUtils.hasText(path)) {
			return this.properties.getPath();
		}
		if (!path.startsWith("/")) {
			throw new IllegalStateException("@PolarWebhook path '" + path + "' must start with '/'");
		}
		return path;
	}

	@Override
	protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
		return this.endpoints.get(initLookupPath(request));
	}

	/**
	 * Whether the request is posted to one of the webhook endpoints, for a security filter that
	 * runs before the {@code DispatcherServlet} has parsed the path.
	 * @param request the request
	 * @return whether its path is a webhook endpoint's
	 */
	boolean matches(HttpServletRequest request) {
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
	Set<String> paths() {
		return this.endpoints.keySet();
	}

	private record EndpointSettings(String source, List<String> secrets) {
	}

}
