package dev.polarspring.client.resource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.polarspring.client.PolarClient;
import dev.polarspring.client.core.ApiOperation;
import dev.polarspring.client.resource.SpecOperations.SpecOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the spec has its method and its {@code ApiOperation} constant on the
 * client reached from {@link PolarClient}, so a spec update cannot silently drop one.
 */
class OperationCoverageTests {

	private final PolarClient polar = PolarClient.builder().accessToken("polar_oat_coverage").build();

	@Test
	void everyOperationOfTheSpecHasItsMethodAndConstant() throws IOException {
		List<SpecOperation> operations = SpecOperations.read();
		List<String> missing = new ArrayList<>();
		Set<Class<?>> clients = new LinkedHashSet<>();
		for (SpecOperation operation : operations) {
			Object client = operation.client(this.polar);
			clients.add(client.getClass());
			Optional<Method> method = operation.fullMethod(client.getClass());
			if (method.isEmpty()) {
				missing
					.add(operation + ": no method " + client.getClass().getSimpleName() + "." + operation.methodName());
				continue;
			}
			ApiOperation constant = constants(client.getClass()).get(operation.id());
			if (constant == null) {
				missing.add(operation + ": no ApiOperation constant in " + client.getClass().getSimpleName());
				continue;
			}
			assertThat(constant.method().name()).as(operation.id()).isEqualTo(operation.method());
			assertThat(constant.pathTemplate()).as(operation.id()).isEqualTo(operation.path());
			assertThat(constant.resource()).as(operation.id()).isEqualTo(String.join(".", operation.group()));
			assertThat(constant.auth().name()).as(operation.id()).isEqualTo(operation.auth());
		}
		assertThat(missing).as("operations of the spec without a method").isEmpty();
		System.out.printf("OperationCoverageTests: %d operations of the spec, each with its method, on %d clients%n",
				operations.size(), clients.size());
		assertThat(operations).hasSize(186);
	}

	@Test
	void clientsDeclareNoOperationTheSpecLacks() throws IOException {
		Set<String> specIds = new LinkedHashSet<>();
		Set<Class<?>> clients = new LinkedHashSet<>();
		for (SpecOperation operation : SpecOperations.read()) {
			specIds.add(operation.id());
			clients.add(operation.client(this.polar).getClass());
		}
		Set<String> declared = new LinkedHashSet<>();
		clients.forEach((client) -> declared.addAll(constants(client).keySet()));
		assertThat(declared).containsExactlyInAnyOrderElementsOf(specIds);
	}

	private static Map<String, ApiOperation> constants(Class<?> client) {
		Map<String, ApiOperation> constants = new TreeMap<>();
		for (Field field : client.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == ApiOperation.class) {
				try {
					ApiOperation operation = (ApiOperation) field.get(null);
					constants.put(operation.id(), operation);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return constants;
	}

}
