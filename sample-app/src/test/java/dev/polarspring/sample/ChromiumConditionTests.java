package dev.polarspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The browser tests run where Chromium is, are skipped with the install command where it
 * is not, and fail under {@code CI} without it.
 */
class ChromiumConditionTests {

	@TempDir
	Path directory;

	private final ExtensionContext context = Mockito.mock(ExtensionContext.class);

	@Test
	void runsWhenBrowserAndDriverAreInstalled() throws IOException {
		Chromium.Condition condition = new Chromium.Condition(executable("chromium"), executable("chromedriver"),
				Map.<String, String>of()::get);
		assertThat(condition.evaluateExecutionCondition(this.context).isDisabled()).isFalse();
	}

	@Test
	void skipsWithTheInstallCommandWhenMissingOutsideCi() throws IOException {
		Mockito.when(this.context.getDisplayName()).thenReturn("StoreBrowserTests");
		Chromium.Condition condition = new Chromium.Condition(this.directory.resolve("chromium"),
				executable("chromedriver"), Map.of("CI", "false")::get);
		ConditionEvaluationResult result = condition.evaluateExecutionCondition(this.context);
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying((reason) -> assertThat(reason)
			.contains("StoreBrowserTests skipped", "apt-get install -y chromium chromium-driver"));
	}

	@Test
	void failsWhenMissingUnderCi() throws IOException {
		Chromium.Condition condition = new Chromium.Condition(executable("chromium"),
				this.directory.resolve("chromedriver"), Map.of("CI", "true")::get);
		assertThatIllegalStateException().isThrownBy(() -> condition.evaluateExecutionCondition(this.context))
			.withMessageContaining("CI is set, where the browser tests are required")
			.withMessageContaining("apt-get install -y chromium chromium-driver");
	}

	@Test
	void ciMeansSetAndNotFalse() {
		assertThat(Chromium.Condition.isCi(null)).isFalse();
		assertThat(Chromium.Condition.isCi("")).isFalse();
		assertThat(Chromium.Condition.isCi("false")).isFalse();
		assertThat(Chromium.Condition.isCi("0")).isFalse();
		assertThat(Chromium.Condition.isCi("true")).isTrue();
		assertThat(Chromium.Condition.isCi("1")).isTrue();
	}

	private Path executable(String name) throws IOException {
		return Files.createFile(this.directory.resolve(name),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
	}

}
