package dev.polarspring.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Polar client, their names and keys.
 */
public enum PolarClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call of a Polar API operation, from the first attempt to the last retry.
	 */
	CLIENT_REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPolarClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with few values, safe as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation id from the API specification, such as {@code products:list}.
		 */
		OPERATION {

			@Override
			public String asString() {
				return "polar.operation";
			}

		},

		/**
		 * The resource the operation belongs to, such as {@code products}.
		 */
		RESOURCE {

			@Override
			public String asString() {
				return "polar.resource";
			}

		},

		/**
		 * The outcome of the call: {@code SUCCESS}, {@code CLIENT_ERROR},
		 * {@code SERVER_ERROR} or, when Polar never answered, {@code UNKNOWN}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The HTTP status of Polar's last answer, or {@code NONE} when it never answered.
		 */
		STATUS {

			@Override
			public String asString() {
				return "status";
			}

		},

		/**
		 * The simple class name of the exception the call ended with, or {@code none}.
		 */
		ERROR_TYPE {

			@Override
			public String asString() {
				return "error.type";
			}

		}

	}

	/**
	 * Keys with many values, kept off metrics.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * How many attempts the call made; more than 1 when it was retried.
		 */
		ATTEMPTS {

			@Override
			public String asString() {
				return "polar.attempts";
			}

		}

	}

}
