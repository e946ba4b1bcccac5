package dev.polarspring.codegen.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelType.ObjectType;
import dev.polarspring.codegen.ModelType.UnionType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;
import dev.polarspring.codegen.TypeResolver;
import dev.polarspring.codegen.OpenApiSpec.Webhook;

/**
 * Generates the webhook events: the sealed {@code PolarWebhookEvent}, one record per
 * event type of the spec ({@code order.paid} becomes {@code OrderPaidEvent}, its
 * {@code data()} the typed {@code Order}), {@code UnknownWebhookEvent} for a type this
 * SDK does not know, and {@code PolarWebhookEvents}, the decoder that turns a verified
 * body into one of them.
 *
 * <p>
 * {@code WebhookDelivery} and {@code MalformedWebhookPayloadException} are hand-written
 * in the same package.
 */
final class WebhookGenerator {

	private static final ClassName OFFSET_DATE_TIME = ClassName.get(OffsetDateTime.class);

	private static final ClassName POLAR_JSON = ClassName.get("dev.polarspring.client.core", "PolarJson");

	private static final ClassName DECODING_FAILURE = ClassName.get("dev.polarspring.client.core", "DecodingFailure");

	private static final ClassName OBJECT_READER = ClassName.get("tools.jackson.databind", "ObjectReader");

	private static final ClassName DESERIALIZATION_FEATURE = ClassName.get("tools.jackson.databind",
			"DeserializationFeature");

	private static final ClassName JACKSON_EXCEPTION = ClassName.get("tools.jackson.core", "JacksonException");

	private final ModelTypes types;

	private final String webhookPackage;

	private final ClassName event;

	private final ClassName delivery;

	private final ClassName unknownEvent;

	private final ClassName malformed;

	/** The hand-written one-pass reader and its result. */
	private final ClassName payloadReader;

	private final ClassName payload;

	WebhookGenerator(ModelTypes types, String webhookPackage) {
		this.types = types;
		this.webhookPackage = webhookPackage;
		this.event = ClassName.get(webhookPackage, Naming.WEBHOOK_EVENT_TYPE);
		this.delivery = ClassName.get(webhookPackage, Naming.WEBHOOK_DELIVERY);
		this.unknownEvent = ClassName.get(webhookPackage, Naming.UNKNOWN_WEBHOOK_EVENT);
		this.malformed = ClassName.get(webhookPackage, Naming.MALFORMED_WEBHOOK_PAYLOAD);
		this.payloadReader = ClassName.get(webhookPackage, Naming.WEBHOOK_PAYLOAD_READER);
		this.payload = this.payloadReader.nestedClass("Payload");
	}

	/**
	 * Returns the record of an event type ({@link Naming#webhookEventName}).
	 */
	ClassName eventClass(String type) {
		return ClassName.get(this.webhookPackage, this.types.naming().webhookEventName(type));
	}

	List<TypeSpec> generate() {
		List<TypeSpec> specs = new ArrayList<>();
		List<ClassName> events = new ArrayList<>();
		for (Webhook webhook : this.types.spec().webhooks().values()) {
			specs.add(eventRecord(webhook));
			events.add(eventClass(webhook.type()));
		}
		specs.add(unknownEventRecord());
		specs.add(eventInterface(events));
		specs.add(decoder());
		return specs;
	}

	private TypeName dataType(Webhook webhook) {
		JsonNode data = this.types.spec().schema(webhook.payloadSchema()).path("properties").path("data");
		return this.types.resolver().resolve(data);
	}

	private TypeSpec eventInterface(List<ClassName> events) {
		TypeSpec.Builder spec = TypeSpec.interfaceBuilder(this.event)
			.addModifiers(Modifier.PUBLIC, Modifier.SEALED)
			.addJavadoc(
					"A webhook event Polar delivered: one record per event type, or {@link UnknownWebhookEvent} for a "
							+ "type this version of the SDK does not know.\n\n<p>Switch over it, or listen for one record type.\n")
			.addMethod(abstractMethod("type", ClassName.get(String.class),
					"Returns the event type, such as {@code order.paid}.\n@return the event type\n"))
			.addMethod(abstractMethod("timestamp", OFFSET_DATE_TIME,
					"Returns when Polar created the event (the payload's {@code timestamp}).\n@return the event time\n"))
			.addMethod(abstractMethod("data", ClassName.get(Object.class),
					"Returns the event's object; each record narrows the type (an {@code Order} for {@code order.paid}).\n"
							+ "@return the event's data\n"))
			.addMethod(abstractMethod("delivery", this.delivery,
					"Returns the delivery that brought the event: its {@code webhook-id} (stable across retries, the key to "
							+ "deduplicate on) and {@code webhook-timestamp}.\n@return the delivery\n"));
		events.forEach(spec::addPermittedSubclass);
		spec.addPermittedSubclass(this.unknownEvent);
		return spec.build();
	}

	private static MethodSpec abstractMethod(String name, TypeName returns, String javadoc) {
		return MethodSpec.methodBuilder(name)
			.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
			.returns(returns)
			.addJavadoc(javadoc)
			.build();
	}

	private TypeSpec eventRecord(Webhook webhook) {
		String description = webhook.description().isBlank() ? "The {@code " + webhook.type() + "} webhook event."
				: DocText.escape(webhook.description().strip());
		return TypeSpec.recordBuilder(eventClass(webhook.type()))
			.addModifiers(Modifier.PUBLIC)
			.addSuperinterface(this.event)
			.addJavadoc("$L\n\n<p>Webhook event type {@code $L}.\n", description, webhook.type())
			.recordConstructor(MethodSpec.constructorBuilder()
				.addParameter(ParameterSpec.builder(OFFSET_DATE_TIME, "timestamp")
					.addJavadoc("when Polar created the event\n")
					.build())
				.addParameter(
						ParameterSpec.builder(dataType(webhook), "data").addJavadoc("the event's object\n").build())
				.addParameter(ParameterSpec.builder(this.delivery, "delivery")
					.addJavadoc("the delivery that brought the event\n")
					.build())
				.build())
			.addField(FieldSpec.builder(String.class, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
				.addJavadoc("The event type, {@code $L}.\n", webhook.type())
				.initializer("$S", webhook.type())
				.build())
			.addMethod(MethodSpec.methodBuilder("type")
				.addAnnotation(Override.class)
				.addModifiers(Modifier.PUBLIC)
				.returns(String.class)
				.addJavadoc("Returns {@link #TYPE}.\n@return {@code $L}\n", webhook.type())
				.addStatement("return TYPE")
				.build())
			.addMethod(eventToString(eventClass(webhook.type()).simpleName(), dataId(dataType(webhook))))
			.build();
	}

	/**
	 * Returns the expression of the event object's id, or {@code null} when its type has
	 * no {@code String id}.
	 */
	private @Nullable CodeBlock dataId(TypeName dataType) {
		if (!(dataType.withoutAnnotations() instanceof ClassName className)) {
			return null;
		}
		ModelType type = this.types.all()
			.stream()
			.filter((candidate) -> candidate.className().equals(className))
			.findFirst()
			.orElse(null);
		boolean hasId = false;
		if (type instanceof ObjectType object) {
			hasId = ObjectProperty.of(object.schema(), this.types)
				.stream()
				.anyMatch((property) -> isStringId(property.javaName(), property.type()));
		}
		else if (type instanceof UnionType union) {
			hasId = SharedProperty.of(union, this.types)
				.stream()
				.anyMatch((property) -> isStringId(property.javaName(), property.type()));
		}
		return hasId ? CodeBlock.of("this.data.id()") : null;
	}

	private static boolean isStringId(String javaName, TypeName type) {
		return javaName.equals("id") && type.withoutAnnotations().equals(ClassName.get(String.class));
	}

	/**
	 * Names the event by its type, delivery and object id: the payload holds customers'
	 * names, emails and addresses, and events end up in log lines and exception messages
	 * (Spring's listener failures print their arguments).
	 */
	private static MethodSpec eventToString(String simpleName, @Nullable CodeBlock id) {
		CodeBlock.Builder text = CodeBlock.builder()
			.add("$S + type() + $S + this.delivery.id()", simpleName + "[type=", ", delivery=");
		if (id != null) {
			text.add(" + $S + $L", ", id=", id);
		}
		return MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(String.class)
			.addJavadoc("Names the event without its payload, which holds personal data such as customers' names,\n"
					+ "emails and addresses.\n@return the type, the {@code webhook-id} and the object's id\n")
			.addStatement("return $L + $S", text.build(), "]")
			.build();
	}

	private TypeSpec unknownEventRecord() {
		return TypeSpec.recordBuilder(this.unknownEvent)
			.addModifiers(Modifier.PUBLIC)
			.addSuperinterface(this.event)
			.addJavadoc(
					"A webhook event of a type this version of the SDK does not know, kept as the JSON Polar sent.\n")
			.recordConstructor(MethodSpec.constructorBuilder()
				.addParameter(ParameterSpec.builder(String.class, "type").addJavadoc("the event type\n").build())
				.addParameter(ParameterSpec.builder(OFFSET_DATE_TIME, "timestamp")
					.addJavadoc("when Polar created the event\n")
					.build())
				.addParameter(ParameterSpec.builder(LibraryTypes.JSON_NODE, "data")
					.addJavadoc("the payload's {@code data}, a missing node if there was none\n")
					.build())
				.addParameter(
						ParameterSpec.builder(LibraryTypes.JSON_NODE, "raw").addJavadoc("the whole payload\n").build())
				.addParameter(ParameterSpec.builder(this.delivery, "delivery")
					.addJavadoc("the delivery that brought the event\n")
					.build())
				.build())
			.addMethod(eventToString(this.unknownEvent.simpleName(),
					CodeBlock.of("(this.data.path($S).isValueNode() ? this.data.path($S).asString() : null)", "id",
							"id")))
			.build();
	}

	private TypeSpec decoder() {
		ClassName decoder = ClassName.get(this.webhookPackage, Naming.WEBHOOK_DECODER);
		ClassName eventType = decoder.nestedClass("EventType");
		ClassName factory = decoder.nestedClass("Factory");
		TypeName typesMap = ParameterizedTypeName.get(LibraryTypes.MAP, ClassName.get(String.class), eventType);
		CodeBlock.Builder entries = CodeBlock.builder();
		List<Webhook> webhooks = new ArrayList<>(this.types.spec().webhooks().values());
		for (int i = 0; i < webhooks.size(); i++) {
			Webhook webhook = webhooks.get(i);
			ClassName record = eventClass(webhook.type());
			TypeName data = dataType(webhook);
			entries.add(
					"$T.entry($T.TYPE, new $T($S, $T.mapper().readerFor($T.class).without($T.FAIL_ON_TRAILING_TOKENS),\n$>(timestamp, data, delivery) -> new $T(timestamp, ($T) data, delivery)))$<",
					LibraryTypes.MAP, record, eventType, simpleName(data), POLAR_JSON, data, DESERIALIZATION_FEATURE,
					record, data);
			entries.add(i + 1 < webhooks.size() ? ",\n" : "");
		}
		return TypeSpec.classBuilder(decoder)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addJavadoc("Decodes a webhook body into its typed event.\n\n<p>Call it only on a body whose signature was "
					+ "verified. Everything is prepared once: decoding parses the body once and binds {@code data} with a "
					+ "reader made for its type.\n")
			.addField(FieldSpec.builder(OBJECT_READER, "TREE_READER", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
				.initializer("$T.mapper().reader()", POLAR_JSON)
				.build())
			.addField(FieldSpec.builder(typesMap, "TYPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
				.initializer("$T.ofEntries(\n$>$L)$<", LibraryTypes.MAP, entries.build())
				.build())
			.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
			.addMethod(knownTypes())
			.addMethod(decode(eventType))
			.addMethod(timestamp())
			.addMethod(parseTimestamp())
			.addType(TypeSpec.recordBuilder(eventType)
				.addModifiers(Modifier.PRIVATE)
				.addJavadoc("How to read one event type's {@code data}.\n")
				.recordConstructor(MethodSpec.constructorBuilder()
					.addParameter(
							ParameterSpec.builder(String.class, "dataType").addJavadoc("the model type name\n").build())
					.addParameter(ParameterSpec.builder(OBJECT_READER, "reader").addJavadoc("reads the data\n").build())
					.addParameter(ParameterSpec.builder(factory, "factory").addJavadoc("creates the event\n").build())
					.build())
				.build())
			.addType(TypeSpec.interfaceBuilder(factory)
				.addModifiers(Modifier.PRIVATE)
				.addAnnotation(FunctionalInterface.class)
				.addJavadoc("Creates one event record.\n")
				.addMethod(MethodSpec.methodBuilder("create")
					.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
					.returns(this.event)
					.addParameter(OFFSET_DATE_TIME, "timestamp")
					.addParameter(Object.class, "data")
					.addParameter(this.delivery, "delivery")
					.build())
				.build())
			.build();
	}

	private static String simpleName(TypeName type) {
		return (type instanceof ClassName className) ? className.simpleName() : type.toString();
	}

	private MethodSpec knownTypes() {
		return MethodSpec.methodBuilder("knownTypes")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.returns(ParameterizedTypeName.get(LibraryTypes.SET, ClassName.get(String.class)))
			.addJavadoc("Returns the event types this version of the SDK decodes into their own records.\n"
					+ "@return the known event types, such as {@code order.paid}\n")
			.addStatement("return TYPES.keySet()")
			.build();
	}

	private MethodSpec decode(ClassName eventType) {
		return MethodSpec.methodBuilder("decode")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.returns(this.event)
			.addParameter(byte[].class, "body")
			.addParameter(this.delivery, "delivery")
			.addJavadoc("Decodes a verified webhook body.\n@param body the raw request body\n"
					+ "@param delivery the delivery's {@code webhook-id} and {@code webhook-timestamp}\n"
					+ "@return the typed event, or an {@link UnknownWebhookEvent} for a type this SDK does not know\n"
					+ "@throws MalformedWebhookPayloadException if the body is not JSON, lacks {@code type} or "
					+ "{@code timestamp}, or a known type's {@code data} does not fit its model\n")
			.addStatement("$T.requireNonNull(body, $S)", LibraryTypes.OBJECTS, "body")
			.addStatement("$T.requireNonNull(delivery, $S)", LibraryTypes.OBJECTS, "delivery")
			.addComment("Most bodies are read in one pass, data straight from the bytes; any other is read as a")
			.addComment("tree, which also says what is wrong with it.")
			.addComment("The readers of data do not fail on trailing tokens: they read from the parser of the whole")
			.addComment("body, which goes on after data.")
			.addStatement("$T payload = $T.read(body, TYPES::get, $T::reader)",
					TypeResolver.nullable(ParameterizedTypeName.get(this.payload, eventType)), this.payloadReader,
					eventType)
			.beginControlFlow("if (payload != null)")
			.addStatement("return payload.kind().factory().create(parseTimestamp(payload.timestamp(), payload.type()), "
					+ "payload.data(), delivery)")
			.endControlFlow()
			.addStatement("$T root", LibraryTypes.JSON_NODE)
			.beginControlFlow("try")
			.addStatement("root = TREE_READER.readTree(body)")
			.nextControlFlow("catch ($T ex)", JACKSON_EXCEPTION)
			.addStatement("throw new $T($S + $T.describe(ex))", this.malformed, "The webhook body is not valid JSON: ",
					DECODING_FAILURE)
			.endControlFlow()
			.beginControlFlow("if (root == null || !root.isObject())")
			.addStatement("throw new $T($S)", this.malformed, "The webhook body is not a JSON object")
			.endControlFlow()
			.addStatement("$T typeNode = root.path($S)", LibraryTypes.JSON_NODE, "type")
			.beginControlFlow("if (!typeNode.isString())")
			.addStatement("throw new $T($S)", this.malformed, "The webhook body has no string 'type' property")
			.endControlFlow()
			.addStatement("String type = typeNode.stringValue()")
			.addStatement("$T timestamp = timestamp(root, type)", OFFSET_DATE_TIME)
			.addStatement("$T data = root.path($S)", LibraryTypes.JSON_NODE, "data")
			.addStatement("$T eventType = TYPES.get(type)", TypeResolver.nullable(eventType))
			.beginControlFlow("if (eventType == null)")
			.addStatement("return new $T(type, timestamp, data, root, delivery)", this.unknownEvent)
			.endControlFlow()
			.beginControlFlow("if (!data.isObject())")
			.addStatement("throw new $T($S + type + $S)", this.malformed, "The '", "' webhook has no 'data' object")
			.endControlFlow()
			.addStatement("Object value")
			.beginControlFlow("try")
			.addStatement("value = eventType.reader().readValue(data)")
			.nextControlFlow("catch ($T ex)", JACKSON_EXCEPTION)
			.addStatement("throw new $T($S + type + $S + eventType.dataType() + $S + $T.describe(ex))", this.malformed,
					"The 'data' of the '", "' webhook does not match ", ": ", DECODING_FAILURE)
			.endControlFlow()
			.addStatement("return eventType.factory().create(timestamp, value, delivery)")
			.build();
	}

	private MethodSpec timestamp() {
		return MethodSpec.methodBuilder("timestamp")
			.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
			.returns(OFFSET_DATE_TIME)
			.addParameter(LibraryTypes.JSON_NODE, "root")
			.addParameter(String.class, "type")
			.addStatement("$T timestamp = root.path($S)", LibraryTypes.JSON_NODE, "timestamp")
			.beginControlFlow("if (!timestamp.isString())")
			.addStatement("throw new $T($S + type + $S)", this.malformed, "The '",
					"' webhook has no string 'timestamp'")
			.endControlFlow()
			.addStatement("return parseTimestamp(timestamp.stringValue(), type)")
			.build();
	}

	private MethodSpec parseTimestamp() {
		return MethodSpec.methodBuilder("parseTimestamp")
			.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
			.returns(OFFSET_DATE_TIME)
			.addParameter(String.class, "text")
			.addParameter(String.class, "type")
			.beginControlFlow("try")
			.addStatement("return $T.parse(text)", OFFSET_DATE_TIME)
			.nextControlFlow("catch ($T ex)", java.time.format.DateTimeParseException.class)
			.addStatement("throw new $T($S + type + $S)", this.malformed, "The '",
					"' webhook's 'timestamp' is not an ISO-8601 date-time with offset")
			.endControlFlow()
			.build();
	}

}
