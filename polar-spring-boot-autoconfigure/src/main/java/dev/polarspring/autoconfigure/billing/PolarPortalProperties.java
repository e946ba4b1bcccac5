package dev.polarspring.autoconfigure.billing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of the customer portal ({@code polar.portal.*}): the portal endpoint and the
 * portal's back link. Values are checked when they are bound.
 */
@ConfigurationProperties("polar.portal")
public class PolarPortalProperties implements Validator {

	/**
	 * Whether to serve the customer portal endpoint, which opens Polar's customer portal
	 * for the signed-in user: GET {path}.
	 */
	private boolean enabled;

	/**
	 * Path of the customer portal endpoint.
	 */
	private String path = "/polar/portal";

	/**
	 * Where the portal's back link goes: an absolute URL, or a path of this application
	 * such as /account. Unset, the portal has no back link.
	 */
	private @Nullable String returnUrl;

	/**
	 * Origins besides this application's whose pages may link to the portal endpoint.
	 * Requests from any other site are refused with 403.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public @Nullable String getReturnUrl() {
		return this.returnUrl;
	}

	public void setReturnUrl(@Nullable String returnUrl) {
		this.returnUrl = returnUrl;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	public boolean supports(Class<?> type) {
		return PolarPortalProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PolarPortalProperties properties = (PolarPortalProperties) target;
		BillingUrls.checkPath(errors, "path", "polar.portal.path", properties.getPath());
		BillingUrls.checkCallbackUrl(errors, "returnUrl", "polar.portal.return-url", properties.getReturnUrl());
		BillingUrls.checkOrigins(errors, "allowedOrigins", "polar.portal.allowed-origins",
				properties.getAllowedOrigins());
	}

	@Override
	public String toString() {
		return "PolarPortalProperties[enabled=" + this.enabled + ", path=" + this.path + ", returnUrl=" + this.returnUrl
				+ ", allowedOrigins=" + this.allowedOrigins + "]";
	}

}
