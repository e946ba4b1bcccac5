package dev.polarspring.autoconfigure.diagnostics;

import dev.polarspring.boot.PolarConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link PolarConfigurationException} as its description and action, without
 * the stack trace that would otherwise bury them.
 */
final class PolarConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PolarConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PolarConfigurationException cause) {
		// A description starts with a property or a method, kept as written; an action
		// with a verb.
		String action = cause.getAction();
		return new FailureAnalysis(withPeriod(cause.getDescription()),
				withPeriod(action.isEmpty() ? action : Character.toUpperCase(action.charAt(0)) + action.substring(1)),
				cause);
	}

	private static String withPeriod(String text) {
		return (text.isEmpty() || text.endsWith(".")) ? text : text + ".";
	}

}
