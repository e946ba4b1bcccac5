package dev.polarspring.autoconfigure.billing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.polarspring.boot.billing.PolarAliases;

/**
 * Names of products and benefits ({@code polar.products.<alias>=<product id>},
 * {@code polar.benefits.<alias>=<benefit id>}), used wherever a product or benefit is
 * named: checkout links, entitlement checks, access rules.
 */
@ConfigurationProperties("polar")
public class PolarAliasProperties {

	/**
	 * Product ids by alias, such as pro=<product id>, so that templates and access rules
	 * name products by alias and sandbox and production differ only in configuration.
	 */
	private Map<String, String> products = new LinkedHashMap<>();

	/**
	 * Benefit ids by alias, such as pro=<benefit id>, for entitlement checks and access
	 * rules.
	 */
	private Map<String, String> benefits = new LinkedHashMap<>();

	public Map<String, String> getProducts() {
		return this.products;
	}

	public void setProducts(Map<String, String> products) {
		this.products = products;
	}

	public Map<String, String> getBenefits() {
		return this.benefits;
	}

	public void setBenefits(Map<String, String> benefits) {
		this.benefits = benefits;
	}

	/**
	 * Returns the aliases, checking that each names an id.
	 * @return the aliases
	 * @throws IllegalArgumentException naming the key of an alias that is not an id
	 */
	public PolarAliases toAliases() {
		return new PolarAliases(this.products, this.benefits);
	}

	@Override
	public String toString() {
		return "PolarAliasProperties[products=" + this.products + ", benefits=" + this.benefits + "]";
	}

}
