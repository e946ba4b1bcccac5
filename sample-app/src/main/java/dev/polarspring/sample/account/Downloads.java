package dev.polarspring.sample.account;

import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.boot.billing.PolarCustomerEntitlements;
import dev.polarspring.boot.metering.PolarUsage;

/**
 * The kit a shopper may download once the benefit {@code downloads}
 * ({@code polar.benefits.downloads}) is granted to them, each download metered with
 * {@link PolarUsage} as a {@code download} event, which Polar's "Downloads" meter counts.
 */
@Component
class Downloads {

	/** The benefit alias that grants the download. */
	static final String BENEFIT = "downloads";

	/** The event each download is recorded as; the meter in Polar filters on it. */
	static final String EVENT = "download";

	static final String FILE_NAME = "starter-kit.md";

	private final PolarAliases aliases;

	private final PolarUsage usage;

	Downloads(PolarAliases aliases, PolarUsage usage) {
		this.aliases = aliases;
		this.usage = usage;
	}

	/**
	 * Returns whether a benefit is the one that grants the download.
	 * @param benefitId the benefit's id
	 * @return whether it is {@code polar.benefits.downloads}
	 */
	boolean isGrantedBy(String benefitId) {
		String downloads = this.aliases.benefits().get(BENEFIT);
		return downloads != null && downloads.equalsIgnoreCase(benefitId);
	}

	/**
	 * Returns whether a shopper may download the kit.
	 * @param entitlements the shopper's entitlements
	 * @return whether the benefit is configured and granted to them
	 */
	boolean allowed(PolarCustomerEntitlements entitlements) {
		return this.aliases.benefits().containsKey(BENEFIT) && entitlements.hasBenefit(BENEFIT);
	}

	/**
	 * Hands out the kit, recording the download for Polar's meter. Recording returns at
	 * once: the event is sent with others in the background.
	 * @param shopperId the shopper, Polar's external customer id
	 * @return the file
	 */
	Resource download(String shopperId) {
		this.usage.record(shopperId, EVENT, Map.of("file", FILE_NAME));
		return new ClassPathResource("downloads/" + FILE_NAME);
	}

}
