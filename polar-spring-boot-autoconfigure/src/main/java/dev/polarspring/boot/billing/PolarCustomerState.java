package dev.polarspring.boot.billing;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.CustomerStateBenefitGrant;
import dev.polarspring.client.model.CustomerStateMeter;
import dev.polarspring.client.model.CustomerStateSubscription;

/**
 * What a customer has on Polar at one moment: active subscriptions, granted benefits,
 * active meters (from Polar's customer state) and the products of their paid orders.
 * Immutable and {@link Serializable} (plain strings, numbers and instants), so any cache
 * can hold it: in memory, or Redis shared by several instances.
 *
 * @param externalCustomerId the application's id of the user
 * @param customerId Polar's id of the customer, or {@code null} when Polar has none: the
 * user never bought anything
 * @param activeSubscriptions the active and trialing subscriptions
 * @param grantedBenefits the benefits granted now
 * @param activeMeters the meters with their balances when the state was read
 * @param purchasedProductIds the products of the customer's paid (or partially refunded)
 * orders, one-time and recurring
 * @param readAt when the state was read from Polar (this machine's clock)
 */
public record PolarCustomerState(String externalCustomerId, @Nullable String customerId,
		List<Subscription> activeSubscriptions, List<Benefit> grantedBenefits, List<Meter> activeMeters,
		Set<String> purchasedProductIds, Instant readAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Creates a state.
	 * @param externalCustomerId the application's id of the user
	 * @param customerId Polar's id of the customer, or {@code null}
	 * @param activeSubscriptions the active subscriptions
	 * @param grantedBenefits the granted benefits
	 * @param activeMeters the active meters
	 * @param purchasedProductIds the products of paid orders
	 * @param readAt when it was read
	 */
	public PolarCustomerState {
		activeSubscriptions = List.copyOf(activeSubscriptions);
		grantedBenefits = List.copyOf(grantedBenefits);
		activeMeters = List.copyOf(activeMeters);
		purchasedProductIds = Set.copyOf(purchasedProductIds);
	}

	/**
	 * The state of a user Polar has no customer for: nothing.
	 * @param externalCustomerId the application's id of the user
	 * @param readAt when Polar said so
	 * @return an empty state
	 */
	public static PolarCustomerState none(String externalCustomerId, Instant readAt) {
		return new PolarCustomerState(externalCustomerId, null, List.of(), List.of(), List.of(), Set.of(), readAt);
	}

	/**
	 * Reads Polar's customer state.
	 * @param externalCustomerId the application's id of the user
	 * @param state Polar's customer state
	 * @param purchasedProductIds the products of the customer's paid orders
	 * @param readAt when it was read
	 * @return the state
	 */
	public static PolarCustomerState of(String externalCustomerId, CustomerState state,
			Collection<String> purchasedProductIds, Instant readAt) {
		List<Subscription> subscriptions = new ArrayList<>();
		for (CustomerStateSubscription subscription : state.activeSubscriptions()) {
			subscriptions.add(new Subscription(subscription.id(), subscription.productId(),
					subscription.status().toString(), subscription.currentPeriodEnd().toInstant(),
					subscription.cancelAtPeriodEnd(), instant(subscription.endsAt())));
		}
		List<Benefit> benefits = new ArrayList<>();
		for (CustomerStateBenefitGrant grant : state.grantedBenefits()) {
			benefits.add(new Benefit(grant.id(), grant.benefitId(), grant.benefitType().toString(),
					textProperties(PolarJson.mapper().valueToTree(grant.properties()))));
		}
		List<Meter> meters = new ArrayList<>();
		for (CustomerStateMeter meter : state.activeMeters()) {
			meters.add(new Meter(meter.meterId(), meter.consumedUnits(), meter.creditedUnits(), meter.balance()));
		}
		return new PolarCustomerState(externalCustomerId, state.id(), subscriptions, benefits, meters,
				Set.copyOf(purchasedProductIds), readAt);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static Map<String, String> textProperties(JsonNode properties) {
		Map<String, String> text = new LinkedHashMap<>();
		properties.properties().forEach((property) -> {
			JsonNode value = property.getValue();
			if (value.isString() || value.isNumber() || value.isBoolean()) {
				text.put(property.getKey(), value.asString());
			}
		});
		return text;
	}

	/**
	 * Returns whether Polar has a customer for the user.
	 * @return {@code false} for a user who never bought anything
	 */
	public boolean isKnownToPolar() {
		return this.customerId != null;
	}

	/**
	 * An active (or trialing) subscription.
	 *
	 * @param id the subscription id
	 * @param productId the product subscribed to
	 * @param status {@code active} or {@code trialing}
	 * @param currentPeriodEnd when the current period ends: the next renewal, or the end
	 * of access when canceled at the period's end
	 * @param cancelAtPeriodEnd whether it ends at the end of the current period
	 * @param endsAt when it ends, if it is set to end
	 */
	public record Subscription(String id, String productId, String status, Instant currentPeriodEnd,
			boolean cancelAtPeriodEnd, @Nullable Instant endsAt) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

	/**
	 * A benefit granted now.
	 *
	 * @param grantId the benefit grant's id
	 * @param benefitId the benefit's id
	 * @param type the benefit's type, such as {@code custom}, {@code license_keys},
	 * {@code feature_flag} or {@code meter_credit}
	 * @param properties the grant's properties with a text, number or boolean value, such
	 * as {@code display_key} of a license key
	 */
	public record Benefit(String grantId, String benefitId, String type,
			Map<String, String> properties) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		/**
		 * Creates a benefit.
		 * @param grantId the grant id
		 * @param benefitId the benefit id
		 * @param type the type
		 * @param properties the properties
		 */
		public Benefit {
			properties = Map.copyOf(properties);
		}

	}

	/**
	 * An active meter, with its balance when the state was read.
	 *
	 * @param meterId the meter's id
	 * @param consumedUnits the units consumed in the current period
	 * @param creditedUnits the units credited in the current period
	 * @param balance the credited units left
	 */
	public record Meter(String meterId, double consumedUnits, long creditedUnits,
			double balance) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

}
