package dev.polarspring.boot.webhook;

import java.time.Duration;
import java.util.List;

/**
 * What the webhook endpoints are, read once from configuration: the default path and its
 * secrets, the named endpoints, and the limits every endpoint shares.
 *
 * <p>
 * The auto-configuration builds it from {@code polar.webhook.*}, which has checked every
 * value already; an application that wires {@link PolarWebhookHandlerMapping} itself
 * builds it directly.
 *
 * @param defaultPath the path of the default endpoint, and of
 * {@link PolarWebhook @PolarWebhook} methods that name none
 * @param defaultSecrets the default endpoint's secrets, current first; empty when it has
 * none, in which case the default endpoint does not exist
 * @param endpoints the named endpoints, each with its own path and secrets
 * @param tolerance how far a delivery's timestamp may be from now, either way
 * @param maxBodySize the largest body read, in bytes
 */
public record WebhookEndpointSettings(String defaultPath, List<String> defaultSecrets, List<Endpoint> endpoints,
		Duration tolerance, int maxBodySize) {

	/**
	 * Copies the lists, so the settings cannot change once built.
	 */
	public WebhookEndpointSettings {
		defaultSecrets = List.copyOf(defaultSecrets);
		endpoints = List.copyOf(endpoints);
	}

	@Override
	public String toString() {
		return "WebhookEndpointSettings[defaultPath=" + this.defaultPath + ", defaultSecrets="
				+ this.defaultSecrets.size() + ", endpoints=" + this.endpoints + ", tolerance=" + this.tolerance
				+ ", maxBodySize=" + this.maxBodySize + "]";
	}

	/**
	 * One named endpoint.
	 *
	 * @param source where it was configured, for log lines and errors, such as
	 * {@code polar.webhook.endpoints.eu}
	 * @param path the path Polar posts to
	 * @param secrets its secrets, current first, never empty
	 */
	public record Endpoint(String source, String path, List<String> secrets) {

		/**
		 * Copies the secrets and checks there is one.
		 */
		public Endpoint {
			secrets = List.copyOf(secrets);
			if (secrets.isEmpty()) {
				throw new IllegalArgumentException(source + " needs a secret");
			}
		}

		@Override
		public String toString() {
			return "Endpoint[" + this.source + ", path=" + this.path + ", secrets=" + this.secrets.size() + "]";
		}

	}

}
