package dev.polarspring.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that drives the Debian packages' headless Chromium through their
 * chromedriver. Where they are installed the tests run. Where they are not, the tests are
 * skipped with a notice naming the install command, unless the {@code CI} environment
 * variable is set: there (where {@code .ci/run} installs them) a missing browser fails
 * the build, because these tests are the end-to-end proof.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(Chromium.Condition.class)
@interface Chromium {

	/** The browser binary of Debian's {@code chromium} package. */
	Path BINARY = Path.of("/usr/bin/chromium");

	/** The driver of Debian's {@code chromium-driver} package. */
	Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** What to run to get both. */
	String INSTALL_COMMAND = "sudo apt-get install -y chromium chromium-driver";

	/**
	 * Runs, skips or fails the annotated tests depending on whether Chromium is installed
	 * and whether this is a CI build.
	 */
	final class Condition implements ExecutionCondition {

		private final Path binary;

		private final Path driver;

		private final UnaryOperator<String> environment;

		Condition() {
			this(BINARY, DRIVER, System::getenv);
		}

		Condition(Path binary, Path driver, UnaryOperator<String> environment) {
			this.binary = binary;
			this.driver = driver;
			this.environment = environment;
		}

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(this.binary) && Files.isExecutable(this.driver)) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
			}
			String missing = "Chromium or its driver is missing (" + this.binary + ", " + this.driver + ")";
			if (isCi(this.environment.apply("CI"))) {
				throw new IllegalStateException(missing + " and CI is set, where the browser tests are required. "
						+ "Install them with: " + INSTALL_COMMAND + " (.ci/run does this)");
			}
			String reason = missing + ": " + context.getDisplayName() + " skipped. Install them to run it: "
					+ INSTALL_COMMAND;
			// Surefire's summary counts skips but does not say why; the build log must.
			System.err.println("[WARNING] " + reason);
			return ConditionEvaluationResult.disabled(reason);
		}

		static boolean isCi(String value) {
			return value != null && !value.isBlank() && !value.equalsIgnoreCase("false") && !value.equals("0");
		}

	}

}
