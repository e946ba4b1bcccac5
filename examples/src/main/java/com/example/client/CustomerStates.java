package com.example.client;

// tag::state[]
import java.util.List;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.CustomerStateMeter;
import dev.polarspring.client.model.CustomerStateSubscription;

public class CustomerStates {

	private final PolarClient polar;

	public CustomerStates(PolarClient polar) {
		this.polar = polar;
	}

	/** The products the user subscribes to now; none for a user Polar does not know. */
	public List<String> subscribedProductIds(String userId) {
		try {
			CustomerState state = this.polar.customers().getStateExternal(userId);
			return state.activeSubscriptions().stream().map(CustomerStateSubscription::productId).toList();
		}
		catch (NotFoundException ex) {
			return List.of();
		}
	}

	public boolean hasBenefit(String userId, String benefitId) {
		CustomerState state = this.polar.customers().getStateExternal(userId);
		return state.grantedBenefits().stream().anyMatch((grant) -> grant.benefitId().equals(benefitId));
	}

	public double consumedUnits(String userId, String meterId) {
		CustomerState state = this.polar.customers().getStateExternal(userId);
		return state.activeMeters()
			.stream()
			.filter((meter) -> meter.meterId().equals(meterId))
			.mapToDouble(CustomerStateMeter::consumedUnits)
			.sum();
	}

}
// end::state[]
