package dev.polarspring.client;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.polarspring.client.model.OrderPaidSystemEvent;
import dev.polarspring.client.model.SystemEvent;
import dev.polarspring.client.model.WebhookDeliveryRecord;
import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No two public types of the client share a simple name: an IDE that imports the wrong
 * one gives code that compiles and does the wrong thing (an {@code @EventListener} for
 * the Events API's object instead of the webhook event never fires).
 */
class TypeNameTests {

	@Test
	void everyTopLevelClassOfTheClientHasASimpleNameOfItsOwn() throws IOException, URISyntaxException {
		Map<String, SortedSet<String>> packagesByName = new TreeMap<>();
		for (String className : clientClasses()) {
			int dot = className.lastIndexOf('.');
			packagesByName.computeIfAbsent(className.substring(dot + 1), (key) -> new TreeSet<>())
				.add(className.substring(0, dot));
		}
		assertThat(packagesByName.keySet()).as("the client's classes").hasSizeGreaterThan(700);
		assertThat(packagesByName.get("PolarClient")).containsExactly("dev.polarspring.client");
		assertThat(packagesByName.get("WebhookDelivery")).containsExactly("dev.polarspring.client.webhook");
		assertThat(packagesByName.get("ValidationError")).containsExactly("dev.polarspring.client.error");
		assertThat(packagesByName).as("simple names used in more than one package")
			.allSatisfy((name, packages) -> assertThat(packages).as(name).hasSize(1));
	}

	@Test
	void anEventsApiObjectIsNamedApartFromTheWebhookEventOfTheSameType() {
		assertThat(PolarWebhookEvent.class).isAssignableFrom(OrderPaidEvent.class);
		assertThat(SystemEvent.class).isAssignableFrom(OrderPaidSystemEvent.class);
		assertThat(WebhookDeliveryRecord.class.getPackageName()).isEqualTo("dev.polarspring.client.model");
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("dev.polarspring.client.model.OrderPaidEvent"));
	}

	/**
	 * Lists the top-level classes compiled from the client's main sources, hand-written
	 * and generated (not the tests).
	 */
	private static List<String> clientClasses() throws IOException, URISyntaxException {
		Path root = Path.of(PolarClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (Stream<Path> files = Files.walk(root.resolve("dev/polarspring/client"))) {
			return files.map((file) -> root.relativize(file).toString().replace('\\', '/'))
				.filter((file) -> file.endsWith(".class") && !file.contains("$")
						&& !file.endsWith("package-info.class"))
				.map((file) -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
				.sorted()
				.toList();
		}
	}

}
