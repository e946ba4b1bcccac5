package dev.polarspring.sample.account;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarCustomerState;
import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.model.Benefit;
import dev.polarspring.client.resource.LicenseKeysClient;

/**
 * How the account page shows a granted benefit: its description, and what it gives the
 * shopper to use. A license key is shown in full, read from Polar by the id its grant
 * carries (the grant itself has only the key's last characters), since its owner needs
 * the whole key to activate the app.
 */
@Component
class BenefitDetails {

	private static final Log logger = LogFactory.getLog(BenefitDetails.class);

	private final Downloads downloads;

	private final LicenseKeysClient licenseKeys;

	BenefitDetails(Downloads downloads, LicenseKeysClient licenseKeys) {
		this.downloads = downloads;
		this.licenseKeys = licenseKeys;
	}

	OwnedBenefit describe(Benefit benefit, PolarCustomerState.Benefit grant) {
		return new OwnedBenefit(benefit.description(), licenseKey(grant), this.downloads.isGrantedBy(benefit.id()));
	}

	private @Nullable String licenseKey(PolarCustomerState.Benefit grant) {
		String licenseKeyId = grant.properties().get("license_key_id");
		if (!"license_keys".equals(grant.type()) || licenseKeyId == null) {
			return null;
		}
		try {
			return this.licenseKeys.get(licenseKeyId).key();
		}
		catch (PolarException ex) {
			// The page still shows the rest; the key is in the customer portal too.
			logger.warn("Could not read license key " + licenseKeyId + " from Polar: " + ex.getMessage());
			return grant.properties().get("display_key");
		}
	}

}
