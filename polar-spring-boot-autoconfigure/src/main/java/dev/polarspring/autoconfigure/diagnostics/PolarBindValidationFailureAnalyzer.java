package dev.polarspring.autoconfigure.diagnostics;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.polarspring.boot.PolarCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a {@code polar.*} value refused while binding, as Spring Boot's own analyzer
 * does, but naming the property as the user writes it ({@code polar.read-timeout}, not
 * {@code polar.readTimeout}), showing the value as written ({@code -5s}, not
 * {@code PT-5S}), and never showing a token or a secret.
 *
 * <p>
 * Ordered first, so it answers before Boot's analyzer for these properties; anything
 * outside {@code polar.*} is left to Boot.
 */
final class PolarBindValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException>
		implements Ordered {

	private static final ConfigurationPropertyName POLAR = ConfigurationPropertyName.of("polar");

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		ValidationErrors errors = cause.getValidationErrors();
		ConfigurationPropertyName target = errors.getName();
		if (!POLAR.equals(target) && !POLAR.isAncestorOf(target)) {
			return null;
		}
		StringBuilder description = new StringBuilder(String.format("Binding to target %s failed:%n", target));
		Set<String> keys = new LinkedHashSet<>();
		for (ObjectError error : errors.getAllErrors()) {
			if (error instanceof FieldError fieldError) {
				keys.add(appendProperty(description, errors, fieldError));
			}
			description.append(String.format("%n    Reason: %s%n", error.getDefaultMessage()));
		}
		String action = keys.isEmpty() ? "Update the polar.* properties of your application's configuration."
				: "Update " + String.join(", ", keys) + " in your application's configuration.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	/**
	 * Appends the property, its value and its origin.
	 * @return the property's key as written
	 */
	private static String appendProperty(StringBuilder description, ValidationErrors errors, FieldError error) {
		ConfigurationPropertyName name = ConfigurationPropertyName
			.ofIfValid(errors.getName() + "." + DataObjectPropertyName.toDashedForm(error.getField()));
		ConfigurationProperty bound = (name != null) ? boundProperty(errors, name) : null;
		String key = (bound != null) ? bound.getName().toString()
				: (name != null) ? name.toString() : errors.getName() + "." + error.getField();
		description.append(String.format("%n    Property: %s", key));
		Object value = value(key, bound, error);
		if (value != null) {
			description.append(String.format("%n    Value: \"%s\"", value));
		}
		Origin origin = (bound != null) ? bound.getOrigin() : Origin.from(error);
		if (origin != null) {
			description.append(String.format("%n    Origin: %s", origin));
		}
		return key;
	}

	private static @Nullable Object value(String key, @Nullable ConfigurationProperty bound, FieldError error) {
		if (PolarCredentials.isCredentialKey(key)) {
			// The validators record credentials masked; the bound value is the
			// credential.
			return error.getRejectedValue();
		}
		return (bound != null) ? bound.getValue() : error.getRejectedValue();
	}

	private static @Nullable ConfigurationProperty boundProperty(ValidationErrors errors,
			ConfigurationPropertyName name) {
		for (ConfigurationProperty property : errors.getBoundProperties()) {
			if (property.getName().equals(name)) {
				return property;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
