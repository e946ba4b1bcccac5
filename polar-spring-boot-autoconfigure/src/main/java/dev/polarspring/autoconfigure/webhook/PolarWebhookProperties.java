package dev.polarspring.autoconfigure.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.polarspring.boot.PolarCredentials;
import dev.polarspring.boot.webhook.WebhookEndpointSettings;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of Polar webhook endpoints ({@code polar.webhook.*}).
 *
 * <p>
 * Setting {@code polar.webhook.secret} is enough: deliveries posted to
 * {@code polar.webhook.path} are verified and published as typed events. An application
 * serving several Polar organizations or environments configures one entry of
 * {@code polar.webhook.endpoints} each. Values are checked when they are bound, so a bad
 * value stops the application at startup with a message naming the key. Secrets never
 * appear in {@link #toString()}.
 */
@ConfigurationProperties("polar.webhook")
public class PolarWebhookProperties implements Validator {

	// The body is read into one array, one byte past the limit to detect larger bodies.
	private static final long MAX_BODY_SIZE_LIMIT = Integer.MAX_VALUE - 16;

	/**
	 * Signing secret of the webhook endpoint, as Polar shows it in the endpoint's
	 * settings. When set, deliveries posted to the default path are verified with it and
	 * published.
	 */
	private @Nullable String secret;

	/**
	 * Secrets accepted besides the current one while rotating, such as the one in use
	 * before the secret was regenerated in Polar.
	 */
	private List<String> previousSecrets = new ArrayList<>();

	/**
	 * Path of the default endpoint, and of @PolarWebhook methods that name no path.
	 */
	private String path = "/polar/webhooks";

	/**
	 * Largest delivery body accepted; a larger one is refused with 413 before it is read
	 * in full.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * How far a delivery's timestamp may be from this machine's clock, in the past or in
	 * the future, for the delivery to be accepted.
	 */
	private Duration tolerance = Duration.ofMinutes(5);

	/**
	 * How verified deliveries are processed: inline, inside the request before it is
	 * answered; or durable, stored in a database table (the inbox) and answered at once,
	 * then dispatched by workers with retries (see polar.webhook.inbox).
	 */
	private Processing processing = Processing.INLINE;

	/**
	 * Whether each delivery's handler methods and listeners run in one transaction when
	 * the application has a single transaction manager: a failing listener rolls the
	 * delivery's work back, and @TransactionalEventListener methods run once it commits.
	 */
	private boolean dispatchInTransaction = true;

	/**
	 * Further endpoints, by name, each with its own path and secret: one per Polar
	 * organization or environment the application serves.
	 */
	private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

	private final Deduplication deduplication = new Deduplication();

	private final Security security = new Security();

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public List<String> getPreviousSecrets() {
		return this.previousSecrets;
	}

	public void setPreviousSecrets(List<String> previousSecrets) {
		this.previousSecrets = previousSecrets;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public Duration getTolerance() {
		return this.tolerance;
	}

	public void setTolerance(Duration tolerance) {
		this.tolerance = tolerance;
	}

	public Processing getProcessing() {
		return this.processing;
	}

	public void setProcessing(Processing processing) {
		this.processing = processing;
	}

	public boolean isDispatchInTransaction() {
		return this.dispatchInTransaction;
	}

	public void setDispatchInTransaction(boolean dispatchInTransaction) {
		this.dispatchInTransaction = dispatchInTransaction;
	}

	public Map<String, Endpoint> getEndpoints() {
		return this.endpoints;
	}

	public void setEndpoints(Map<String, Endpoint> endpoints) {
		this.endpoints = endpoints;
	}

	public Deduplication getDeduplication() {
		return this.deduplication;
	}

	public Security getSecurity() {
		return this.security;
	}

	/**
	 * Returns the endpoints these properties describe, for the webhook handler mapping.
	 * @return the endpoint settings
	 */
	public WebhookEndpointSettings toEndpointSettings() {
		List<WebhookEndpointSettings.Endpoint> named = new ArrayList<>();
		this.endpoints.forEach((name,
				endpoint) -> named.add(new WebhookEndpointSettings.Endpoint("polar.webhook.endpoints." + name,
						Objects.requireNonNull(endpoint.getPath()),
						secrets(endpoint.getSecret(), endpoint.getPreviousSecrets()))));
		return new WebhookEndpointSettings(this.path, secrets(this.secret, this.previousSecrets), named, this.tolerance,
				(int) this.maxBodySize.toBytes());
	}

	private static List<String> secrets(@Nullable String secret, List<String> previousSecrets) {
		List<String> secrets = new ArrayList<>();
		if (StringUtils.hasText(secret)) {
			secrets.add(secret);
			previousSecrets.stream().filter(StringUtils::hasText).forEach(secrets::add);
		}
		return secrets;
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarWebhookProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarWebhookProperties properties = (PolarWebhookProperties) target;
		checkPath(errors, "path", properties.getPath());
		checkSecrets(errors, "", "polar.webhook.", properties.getSecret(), properties.getPreviousSecrets());
		if (properties.getMaxBodySize().toBytes() < 1 || properties.getMaxBodySize().toBytes() > MAX_BODY_SIZE_LIMIT) {
			errors.rejectValue("maxBodySize", "polar.webhook.max-body-size",
					"polar.webhook.max-body-size must be between 1B and 2GB; Polar's deliveries are a few KB");
		}
		if (properties.getTolerance().isNegative()) {
			errors.rejectValue("tolerance", "polar.webhook.tolerance",
					"polar.webhook.tolerance must not be negative; Polar recommends 5m");
		}
		properties.getEndpoints().forEach((name, endpoint) -> {
			String key = "endpoints[" + name + "]";
			if (!StringUtils.hasText(endpoint.getPath())) {
				errors.rejectValue(key + ".path", "polar.webhook.endpoints.path",
						"polar.webhook.endpoints." + name + ".path is not set; give the path Polar posts to");
			}
			else {
				checkPath(errors, key + ".path", endpoint.getPath());
			}
			if (!StringUtils.hasText(endpoint.getSecret())) {
				errors.rejectValue(key + ".secret", "polar.webhook.endpoints.secret", "polar.webhook.endpoints." + name
						+ ".secret is not set; copy the endpoint's secret from its settings in Polar");
			}
			checkSecrets(errors, key + ".", "polar.webhook.endpoints." + name + ".", endpoint.getSecret(),
					endpoint.getPreviousSecrets());
		});
		Deduplication deduplication = properties.getDeduplication();
		if (deduplication.getMaxEntries() < 1) {
			errors.rejectValue("deduplication.maxEntries", "polar.webhook.deduplication.max-entries",
					"polar.webhook.deduplication.max-entries must be at least 1");
		}
		if (deduplication.getTtl().isNegative() || deduplication.getTtl().isZero()) {
			errors.rejectValue("deduplication.ttl", "polar.webhook.deduplication.ttl",
					"polar.webhook.deduplication.ttl must be positive; Polar retries for about 30 minutes");
		}
		if (deduplication.getClaimTimeout().isNegative() || deduplication.getClaimTimeout().isZero()) {
			errors.rejectValue("deduplication.claimTimeout", "polar.webhook.deduplication.claim-timeout",
					"polar.webhook.deduplication.claim-timeout must be positive");
		}
	}

	/**
	 * Refuses secrets that cannot work: unresolved placeholders, access tokens, a bare
	 * {@code whsec_}, blank previous secrets, previous secrets without a current one.
	 */
	private static void checkSecrets(Errors errors, String fieldPrefix, String keyPrefix, @Nullable String secret,
			List<String> previousSecrets) {
		PolarCredentials.validate(errors, fieldPrefix + "secret", keyPrefix + "secret", secret,
				PolarCredentials.Kind.WEBHOOK_SECRET);
		for (int i = 0; i < previousSecrets.size(); i++) {
			String field = fieldPrefix + "previousSecrets[" + i + "]";
			String key = keyPrefix + "previous-secrets[" + i + "]";
			String previous = previousSecrets.get(i);
			if (!StringUtils.hasText(previous)) {
				PolarCredentials.reject(errors, field, previous, key + " is blank: remove the empty entry, or set it "
						+ "to the secret the endpoint had before it was rotated");
			}
			else {
				PolarCredentials.validate(errors, field, key, previous, PolarCredentials.Kind.WEBHOOK_SECRET);
			}
		}
		// A named endpoint without a secret is refused on its own.
		if (fieldPrefix.isEmpty() && !StringUtils.hasText(secret) && !previousSecrets.isEmpty()) {
			PolarCredentials.reject(errors, fieldPrefix + "previousSecrets", "(" + previousSecrets.size() + " secrets)",
					keyPrefix + "previous-secrets is set but " + keyPrefix + "secret is not, so no delivery would be "
							+ "verified: set " + keyPrefix + "secret to the endpoint's current secret");
		}
	}

	private static void checkPath(Errors errors, String field, String path) {
		if (!path.startsWith("/")) {
			errors.rejectValue(field, "polar.webhook.path",
					"The webhook path '" + path + "' must start with '/', such as /polar/webhooks");
		}
	}

	@Override
	public String toString() {
		return "PolarWebhookProperties[secret=" + mask(this.secret) + ", previousSecrets=" + this.previousSecrets.size()
				+ ", path=" + this.path + ", maxBodySize=" + this.maxBodySize + ", tolerance=" + this.tolerance
				+ ", processing=" + this.processing + ", dispatchInTransaction=" + this.dispatchInTransaction
				+ ", endpoints=" + this.endpoints + ", deduplication=" + this.deduplication + ", security="
				+ this.security + "]";
	}

	static String mask(@Nullable String secret) {
		return (secret != null) ? "******" : "null";
	}

	/**
	 * How verified deliveries are processed.
	 */
	public enum Processing {

		/**
		 * Inside the request: the methods and listeners run before the delivery is
		 * answered, and a failure is answered 500 for Polar to retry.
		 */
		INLINE,

		/**
		 * Stored in the inbox and answered 202 once stored; workers dispatch it, retry
		 * failures and keep what still fails (needs a DataSource).
		 */
		DURABLE

	}

	/**
	 * One further webhook endpoint.
	 */
	public static class Endpoint {

		/**
		 * Path Polar posts this endpoint's deliveries to, such as /polar/webhooks/eu.
		 */
		private @Nullable String path;

		/**
		 * Signing secret of this endpoint, as Polar shows it in the endpoint's settings.
		 */
		private @Nullable String secret;

		/**
		 * Secrets accepted besides the current one while rotating.
		 */
		private List<String> previousSecrets = new ArrayList<>();

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public List<String> getPreviousSecrets() {
			return this.previousSecrets;
		}

		public void setPreviousSecrets(List<String> previousSecrets) {
			this.previousSecrets = previousSecrets;
		}

		@Override
		public String toString() {
			return "Endpoint[path=" + this.path + ", secret=" + mask(this.secret) + ", previousSecrets="
					+ this.previousSecrets.size() + "]";
		}

	}

	/**
	 * Remembering processed deliveries, so a redelivered {@code webhook-id} is not
	 * dispatched twice.
	 */
	public static class Deduplication {

		/**
		 * Where processed webhook-id values are kept: in this application's memory, or in
		 * a database table shared by every instance.
		 */
		private Store store = Store.MEMORY;

		/**
		 * How long a processed webhook-id is remembered. Polar retries a failed delivery
		 * for about 30 minutes; redeliveries from the dashboard can come later.
		 */
		private Duration ttl = Duration.ofHours(24);

		/**
		 * Most processed webhook-id values the in-memory store keeps; the oldest are
		 * forgotten first.
		 */
		private int maxEntries = 100_000;

		/**
		 * How long a delivery in progress holds its webhook-id in the JDBC store before
		 * another attempt may take it over, for an instance that stopped while
		 * processing.
		 */
		private Duration claimTimeout = Duration.ofMinutes(2);

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		public Duration getClaimTimeout() {
			return this.claimTimeout;
		}

		public void setClaimTimeout(Duration claimTimeout) {
			this.claimTimeout = claimTimeout;
		}

		@Override
		public String toString() {
			return "Deduplication[store=" + this.store + ", ttl=" + this.ttl + ", maxEntries=" + this.maxEntries
					+ ", claimTimeout=" + this.claimTimeout + "]";
		}

		/**
		 * Where processed deliveries are remembered.
		 */
		public enum Store {

			/**
			 * In this application's memory, bounded and expiring: enough for a single
			 * instance.
			 */
			MEMORY,

			/**
			 * In a database table, so instances sharing the database dispatch each
			 * delivery once.
			 */
			JDBC

		}

	}

	/**
	 * How webhook endpoints fit an application secured with Spring Security.
	 */
	public static class Security {

		/**
		 * Whether to add a security filter chain that lets deliveries reach the webhook
		 * endpoints without a session, a login or a CSRF token: their signature is their
		 * authentication.
		 */
		private boolean permitDeliveries = true;

		public boolean isPermitDeliveries() {
			return this.permitDeliveries;
		}

		public void setPermitDeliveries(boolean permitDeliveries) {
			this.permitDeliveries = permitDeliveries;
		}

		@Override
		public String toString() {
			return "Security[permitDeliveries=" + this.permitDeliveries + "]";
		}

	}

}
