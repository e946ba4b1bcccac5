package dev.polarspring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of Polar API calls. Implement it, or extend
 * {@link DefaultPolarClientObservationConvention}, to change them.
 */
public interface PolarClientObservationConvention extends ObservationConvention<PolarClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PolarClientObservationContext;
	}

}
