package dev.polarspring.autoconfigure.actuate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.polarspring.autoconfigure.webhook.PolarWebhookProperties;
import dev.polarspring.boot.PolarCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * The access token and webhook secrets the application is configured with, resolved
 * (placeholders included) from the environment once, when first asked: what must never
 * show, whatever property or variable carries it.
 */
final class ConfiguredCredentials implements Supplier<Set<String>> {

	private final Supplier<Set<String>> credentials;

	ConfiguredCredentials(Environment environment) {
		this.credentials = SingletonSupplier.of(() -> read(Binder.get(environment)));
	}

	@Override
	public Set<String> get() {
		return this.credentials.get();
	}

	private static Set<String> read(Binder binder) {
		Set<String> credentials = new LinkedHashSet<>();
		add(credentials, binder.bind("polar.access-token", String.class).orElse(null));
		add(credentials, binder.bind("polar.webhook.secret", String.class).orElse(null));
		binder.bind("polar.webhook.previous-secrets", Bindable.listOf(String.class))
			.orElse(List.of())
			.forEach((secret) -> add(credentials, secret));
		binder.bind("polar.webhook.endpoints", Bindable.mapOf(String.class, PolarWebhookProperties.Endpoint.class))
			.orElse(Map.of())
			.values()
			.forEach((endpoint) -> {
				add(credentials, endpoint.getSecret());
				endpoint.getPreviousSecrets().forEach((secret) -> add(credentials, secret));
			});
		return Set.copyOf(credentials);
	}

	private static void add(Set<String> credentials, @Nullable String value) {
		if (value != null && !value.isBlank() && PolarCredentials.unresolvedPlaceholder(value) == null) {
			credentials.add(value);
		}
	}

}
