package dev.polarspring.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.polarspring.client.observation.PolarClientObservationDocumentation.HighCardinalityKeyNames;
import dev.polarspring.client.observation.PolarClientObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default names and tags of Polar API call observations: the name
 * {@value #DEFAULT_NAME}, tagged with the operation, resource, outcome, status and error
 * type. Each tag has its own method to override.
 */
public class DefaultPolarClientObservationConvention implements PolarClientObservationConvention {

	/**
	 * The default observation name, and so the metric name.
	 */
	public static final String DEFAULT_NAME = "polar.client.requests";

	private static final KeyValue STATUS_NONE = KeyValue.of(LowCardinalityKeyNames.STATUS, "NONE");

	private static final KeyValue ERROR_TYPE_NONE = KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, "none");

	private final String name;

	/**
	 * Creates a convention with the default name.
	 */
	public DefaultPolarClientObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Creates a convention with another name.
	 * @param name the observation name
	 */
	public DefaultPolarClientObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(PolarClientObservationContext context) {
		return "polar " + context.getOperation().id();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PolarClientObservationContext context) {
		return KeyValues.of(operation(context), resource(context), outcome(context), status(context),
				errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PolarClientObservationContext context) {
		return KeyValues.of(attempts(context));
	}

	/**
	 * Returns the operation tag.
	 * @param context the call's context
	 * @return the operation id, such as {@code products:list}
	 */
	protected KeyValue operation(PolarClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation().id());
	}

	/**
	 * Returns the resource tag.
	 * @param context the call's context
	 * @return the resource, such as {@code products}
	 */
	protected KeyValue resource(PolarClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.RESOURCE, context.getOperation().resource());
	}

	/**
	 * Returns the outcome tag, from the status family of the last answer.
	 * @param context the call's context
	 * @return {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, or
	 * {@code UNKNOWN} when Polar never answered
	 */
	protected KeyValue outcome(PolarClientObservationContext context) {
		Integer status = context.getStatusCode();
		String outcome;
		if (status == null) {
			outcome = "UNKNOWN";
		}
		else if (status < 400) {
			outcome = "SUCCESS";
		}
		else if (status < 500) {
			outcome = "CLIENT_ERROR";
		}
		else {
			outcome = "SERVER_ERROR";
		}
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome);
	}

	/**
	 * Returns the status tag.
	 * @param context the call's context
	 * @return the status of the last answer, or {@code NONE}
	 */
	protected KeyValue status(PolarClientObservationContext context) {
		Integer status = context.getStatusCode();
		return (status != null) ? KeyValue.of(LowCardinalityKeyNames.STATUS, String.valueOf(status)) : STATUS_NONE;
	}

	/**
	 * Returns the error type tag.
	 * @param context the call's context
	 * @return the simple class name of the exception the call ended with, or {@code none}
	 */
	protected KeyValue errorType(PolarClientObservationContext context) {
		Throwable error = context.getError();
		return (error != null) ? KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, error.getClass().getSimpleName())
				: ERROR_TYPE_NONE;
	}

	/**
	 * Returns the attempts tag.
	 * @param context the call's context
	 * @return the number of attempts made
	 */
	protected KeyValue attempts(PolarClientObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.ATTEMPTS, String.valueOf(context.getAttempts()));
	}

}
