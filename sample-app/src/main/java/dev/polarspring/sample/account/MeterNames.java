package dev.polarspring.sample.account;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.polarspring.boot.billing.PolarCustomerState;
import dev.polarspring.client.model.Meter;
import dev.polarspring.client.resource.MetersClient;

/**
 * Names the meters of a customer's state, which carries their ids only.
 */
@Component
class MeterNames {

	private final MetersClient meters;

	MeterNames(MetersClient meters) {
		this.meters = meters;
	}

	/**
	 * Returns the readings of the active meters, named; asks Polar only when there are
	 * some.
	 * @param active the active meters of a customer's state
	 * @return the readings, in the state's order
	 */
	List<MeterUsage> usage(List<PolarCustomerState.Meter> active) {
		if (active.isEmpty()) {
			return List.of();
		}
		Map<String, String> names = this.meters.list()
			.autoPager()
			.stream()
			.collect(Collectors.toMap(Meter::id, Meter::name, (first, second) -> first));
		return active.stream()
			.map((meter) -> MeterUsage.of(names.getOrDefault(meter.meterId(), "Meter " + meter.meterId()),
					meter.consumedUnits()))
			.toList();
	}

}
