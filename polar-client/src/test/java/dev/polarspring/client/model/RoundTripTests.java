package dev.polarspring.client.model;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.polarspring.client.core.PolarJson;
import dev.polarspring.client.model.SchemaInstances.Instance;
import dev.polarspring.client.model.SchemaInstances.Mode;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import dev.polarspring.client.webhook.PolarWebhookEvents;
import dev.polarspring.client.webhook.WebhookDelivery;
import dev.polarspring.codegen.Main;
import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;
import dev.polarspring.codegen.OpenApiSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema an operation or webhook reaches decodes from JSON made from the schema
 * itself (every property set; only the required ones; nulls wherever allowed; every union
 * variant) and encodes back to the same JSON. Unknown properties, enum values and union
 * variants decode too.
 */
class RoundTripTests {

	private static final JsonMapper MAPPER = PolarJson.mapper();

	private static final WebhookDelivery DELIVERY = new WebhookDelivery("msg_1", Instant.ofEpochSecond(1));

	private static ModelTypes types;

	private static SchemaInstances instances;

	@BeforeAll
	static void loadSpec() throws IOException {
		OpenApiSpec spec = OpenApiSpec.read(Path.of("src/main/openapi/openapi.json"));
		types = ModelTypes.of(spec, new Naming(), Main.MODEL_PACKAGE);
		instances = new SchemaInstances(types);
	}

	@Test
	void everyReachableSchemaRoundTrips() {
		List<String> failures = new ArrayList<>();
		Set<String> covered = new TreeSet<>();
		int count = 0;
		Map<String, String> payloads = new java.util.HashMap<>();
		types.spec().webhooks().values().forEach((webhook) -> payloads.put(webhook.payloadSchema(), webhook.type()));
		for (String name : types.reachability().schemas()) {
			try {
				if (payloads.containsKey(name)) {
					for (Mode mode : Mode.values()) {
						webhookRoundTrip(name, instances.of(name, mode));
						count++;
					}
				}
				else if (types.forComponent(name).orElse(null) instanceof ModelType.UnionType union) {
					for (ModelType.ObjectType leaf : types.leaves(union)) {
						for (Mode mode : Mode.values()) {
							Instance instance = instances.of(leaf.schemaName(), mode);
							Object value = roundTrip(name, union.className(), instance);
							if (mode == Mode.FULL) {
								assertThat(value.getClass().getName()).as("variant of %s", name)
									.isEqualTo(leaf.className().reflectionName());
							}
							count++;
						}
					}
				}
				else {
					TypeName type = types.resolver().resolve(SchemaInstances.ref(name));
					for (Mode mode : Mode.values()) {
						roundTrip(name, type, instances.of(name, mode));
						count++;
					}
				}
				covered.add(name);
			}
			catch (Throwable ex) {
				failures.add(name + ": " + ex.getMessage().lines().limit(6).reduce("", (a, b) -> a + "\n    " + b));
			}
		}
		System.out.printf("Round trip: %d of %d reachable schemas covered with %d instances%n", covered.size(),
				types.reachability().schemas().size(), count);
		assertThat(failures).as("schemas that do not round-trip").isEmpty();
		assertThat(covered).containsExactlyElementsOf(types.reachability().schemas());
	}

	@Test
	void unknownPropertiesAreIgnoredByRecordsAndKeptByRequestBodies() throws Exception {
		int checked = 0;
		for (ModelType type : types.all()) {
			if (type instanceof ModelType.ObjectType object) {
				ObjectNode input = (ObjectNode) instances.of(object.schemaName(), Mode.FULL).input().deepCopy();
				input.set("zz_added_later", JsonNodeFactory.instance.objectNode().put("x", 1));
				Object value = BothParsers.read(input.toString(), Class.forName(object.className().reflectionName()));
				JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(value));
				assertThat(written.has("zz_added_later")).as(object.schemaName()).isEqualTo(object.request());
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(400);
	}

	@Test
	void unknownEnumValuesReadAsUnknown() throws Exception {
		int checked = 0;
		for (ModelType type : types.all()) {
			if (type instanceof ModelType.EnumType enumType) {
				Class<?> enumClass = Class.forName(enumType.className().reflectionName());
				Object value = MAPPER.readValue("\"zz-added-later\"", enumClass);
				assertThat(((Enum<?>) value).name()).as(enumType.className().simpleName()).isEqualTo("UNKNOWN");
				Object known = MAPPER.readValue(MAPPER.writeValueAsString(enumType.values().get(0)), enumClass);
				assertThat(known.toString()).isEqualTo(enumType.values().get(0));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(80);
	}

	@Test
	void unknownUnionVariantsKeepTheRawJson() throws Exception {
		int checked = 0;
		for (ModelType type : types.all()) {
			if (type instanceof ModelType.UnionType union) {
				ObjectNode input = JsonNodeFactory.instance.objectNode().put("zz_kind", "added-later");
				if (union.discriminator() != null) {
					input.put(union.discriminator(), "zz-added-later");
				}
				Object value = BothParsers.read(input.toString(), Class.forName(union.className().reflectionName()));
				if (acceptsAnyObject(union)) {
					// A variant without discriminator, constants or required properties
					// fits any object.
					assertThat(value).isNotNull();
					continue;
				}
				assertThat(value.getClass().getSimpleName()).as(union.className().simpleName()).isEqualTo("Unknown");
				assertThat(MAPPER.readTree(MAPPER.writeValueAsString(value))).isEqualTo(input);
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(30);
	}

	@Test
	void sharedAccessorsReadTheSameFromAnUnknownKindAsFromTheKnownOne() throws Exception {
		int checked = 0;
		int unions = 0;
		for (ModelType type : types.all()) {
			if (!(type instanceof ModelType.UnionType union)) {
				continue;
			}
			Class<?> unionClass = Class.forName(union.className().reflectionName());
			Constructor<?> unknown = Class.forName(union.className().reflectionName() + "$Unknown")
				.getConstructor(JsonNode.class);
			List<Method> accessors = new ArrayList<>();
			for (Method method : unionClass.getMethods()) {
				if (Modifier.isAbstract(method.getModifiers()) && method.getParameterCount() == 0) {
					accessors.add(method);
				}
			}
			unions += accessors.isEmpty() ? 0 : 1;
			for (ModelType.ObjectType leaf : types.leaves(union)) {
				for (Mode mode : Mode.values()) {
					JsonNode json = instances.of(leaf.schemaName(), mode).input();
					Object asKnown = MAPPER.treeToValue(json, Class.forName(leaf.className().reflectionName()));
					Object asUnknown = unknown.newInstance(json);
					for (Method accessor : accessors) {
						assertThat(accessor.invoke(asUnknown))
							.as("%s.%s() of %s (%s)", unionClass.getSimpleName(), accessor.getName(), leaf.schemaName(),
									mode)
							.isEqualTo(accessor.invoke(asKnown));
						checked++;
					}
				}
			}
		}
		System.out.printf("Shared accessors: %d unions, %d reads compared%n", unions, checked);
		assertThat(unions).isGreaterThan(40);
		assertThat(checked).isGreaterThan(3000);
	}

	private static boolean acceptsAnyObject(ModelType.UnionType union) {
		if (union.discriminator() != null) {
			return false;
		}
		for (ModelType.ObjectType leaf : types.leaves(union)) {
			JsonNode schema = leaf.schema();
			boolean constants = false;
			for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
				constants |= property.getValue().has("const");
			}
			if (!constants && schema.path("required").isEmpty() && !schema.path("additionalProperties").isBoolean()) {
				return true;
			}
		}
		return false;
	}

	private static Object roundTrip(String name, TypeName type, Instance instance) throws Exception {
		String json = instance.input().toString();
		Object value = BothParsers.read(json, javaType(type));
		JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(value));
		assertThat(written).as("%s written back from %s", name, json).isEqualTo(instance.expected());
		return value;
	}

	private static void webhookRoundTrip(String name, Instance instance) throws Exception {
		byte[] body = instance.input().toString().getBytes(StandardCharsets.UTF_8);
		PolarWebhookEvent event = PolarWebhookEvents.decode(body, DELIVERY);
		assertThat(event.type()).isEqualTo(instance.input().path("type").asString());
		assertThat(event.timestamp().toString()).isEqualTo("2026-01-02T03:04:05.123456Z");
		JsonNode data = MAPPER.readTree(MAPPER.writeValueAsString(event.data()));
		assertThat(data).as("%s data written back", name).isEqualTo(instance.expected().path("data"));
	}

	private static JavaType javaType(TypeName type) throws ClassNotFoundException {
		TypeName plain = type.withoutAnnotations();
		if (plain.isPrimitive()) {
			plain = plain.box();
		}
		if (plain instanceof ParameterizedTypeName parameterized) {
			JavaType[] arguments = new JavaType[parameterized.typeArguments().size()];
			for (int i = 0; i < arguments.length; i++) {
				arguments[i] = javaType(parameterized.typeArguments().get(i));
			}
			return MAPPER.getTypeFactory()
				.constructParametricType(Class.forName(parameterized.rawType().reflectionName()), arguments);
		}
		return MAPPER.getTypeFactory().constructType(Class.forName(((ClassName) plain).reflectionName()));
	}

}
