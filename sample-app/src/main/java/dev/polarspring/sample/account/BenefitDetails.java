package dev.polarspring.sample.account;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarCustomerState;
import dev.polarspring.client.model.Benefit;

/**
 * How the account page shows a granted benefit: its description, and what it gives the
 * shopper to use.
 */
@Component
class BenefitDetails {

	private final Downloads downloads;

	BenefitDetails(Downloads downloads) {
		this.downloads = downloads;
	}

	OwnedBenefit describe(Benefit benefit, PolarCustomerState.Benefit grant) {
		return new OwnedBenefit(benefit.description(), null, this.downloads.isGrantedBy(benefit.id()));
	}

}
