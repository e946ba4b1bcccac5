package dev.polarspring.codegen;

import java.util.List;
import java.util.Map;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One test per generation rule, each on a small spec fragment.
 */
class ModelGeneratorTests {

	private static final String PRODUCT = """
			"Product": {"type": "object", "title": "Product", "description": "A product you sell.",
			  "properties": {
			    "id": {"type": "string", "format": "uuid4"},
			    "created_at": {"type": "string", "format": "date-time"},
			    "price_amount": {"type": "integer"},
			    "is_archived": {"type": "boolean"},
			    "ratio": {"type": "number"},
			    "description": {"anyOf": [{"type": "string"}, {"type": "null"}]},
			    "trial_days": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
			    "launch_date": {"type": "string", "format": "date"},
			    "tags": {"type": "array", "items": {"type": "string"}},
			    "old_name": {"type": "string", "deprecated": true}
			  },
			  "required": ["id", "created_at", "price_amount", "is_archived", "ratio", "description", "trial_days", "tags", "old_name"]}
			""";

	@Test
	void objectBecomesARecordWithWireNamesJavadocAndIgnoredUnknownProperties() {
		String source = Fragments.generate(Fragments.spec(PRODUCT, "Product")).get("Product");
		assertThat(source).contains("public record Product(")
			.contains("A product you sell.")
			.contains("@JsonIgnoreProperties(\n\t\tignoreUnknown = true\n)")
			.contains("@JsonProperty(\"created_at\") OffsetDateTime createdAt")
			.contains("@JsonProperty(\"price_amount\") long priceAmount")
			.contains("@JsonProperty(\"is_archived\") boolean isArchived")
			.contains("@JsonProperty(\"ratio\") double ratio")
			.contains("@JsonProperty(\"id\") String id")
			.contains("@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LocalDate launchDate")
			.contains("@JsonProperty(\"old_name\") @Deprecated String oldName")
			.contains("tags = (tags != null) ? ReadOnlyCollections.list(tags) : List.of();");
	}

	@Test
	void requiredButNullableIsBoxedNullableAndStillWritten() {
		String source = Fragments.generate(Fragments.spec(PRODUCT, "Product")).get("Product");
		assertThat(source).contains("@JsonProperty(\"trial_days\") @Nullable Long trialDays")
			.contains("@JsonProperty(\"description\") @Nullable String description")
			.doesNotContain("NON_NULL) @Nullable Long trialDays");
	}

	@Test
	void recordIsReadByItsOwnDeserializerPropertyByProperty() {
		String source = Fragments.generate(Fragments.spec(PRODUCT, "Product")).get("Product");
		assertThat(source).contains("@JsonDeserialize(\n\t\tusing = Product.Deserializer.class\n)")
			.contains("static final class Deserializer extends StdDeserializer<Product>")
			.contains("this.createdAtReader = new PropertyReader<>(context, Product.class, \"created_at\", "
					+ "types.constructType(OffsetDateTime.class));")
			.contains("this.tagsReader = new PropertyReader<>(context, Product.class, \"tags\", "
					+ "types.constructParametricType(List.class, types.constructType(String.class)));")
			.contains("this.isArchivedReader = new PropertyReader<>(context, Product.class, \"is_archived\", "
					+ "types.constructType(boolean.class));")
			.contains("@Nullable Boolean isArchived = null;")
			.contains("this.names = PropertyNames.of(context, \"id\", \"created_at\", \"price_amount\", "
					+ "\"is_archived\", \"ratio\", \"description\", \"trial_days\", \"launch_date\", \"tags\", "
					+ "\"old_name\");")
			.contains("for (int property = this.names.first(parser, context, Product.class); "
					+ "property != PropertyNames.END; property = this.names.next(parser)) {")
			.contains("case 1 -> createdAt = this.createdAtReader.read(parser, context);")
			.contains("default -> parser.skipChildren();")
			.as("not a kind of a discriminated union")
			.doesNotContain("SplitObjectDeserializer")
			.contains("if (isArchived == null) {\n\t\t\t\tisArchived = this.isArchivedReader.absent(context);")
			.doesNotContain("if (trialDays == null)")
			.contains("return new Product(id, createdAt, priceAmount, isArchived, ratio, description, trialDays, "
					+ "launchDate, tags, oldName);");
	}

	@Test
	void recordDeserializerLocalsDoNotShadowItsParameters() {
		String source = Fragments.generate(Fragments.spec("""
				"Event": {"type": "object", "title": "Event",
				  "properties": {"context": {"type": "string"}, "parser": {"type": "string"}},
				  "required": ["context", "parser"]}
				""", "Event")).get("Event");
		assertThat(source).contains("case 0 -> context_ = this.contextReader.read(parser, context);")
			.contains("case 1 -> parser_ = this.parserReader.read(parser, context);")
			.contains("return new Event(context_, parser_);");
	}

	@Test
	void enumHasWireValuesAndAnUnknownConstant() {
		String source = Fragments.generate(Fragments.spec(
				"""
						"SubscriptionStatus": {"type": "string", "enum": ["active", "past_due", "2xx"], "title": "SubscriptionStatus"}
						""",
				"SubscriptionStatus"))
			.get("SubscriptionStatus");
		assertThat(source).contains("public enum SubscriptionStatus")
			.contains("ACTIVE(\"active\")")
			.contains("PAST_DUE(\"past_due\")")
			.contains("_2XX(\"2xx\")")
			.contains("UNKNOWN(null)")
			.contains("@JsonValue")
			.contains("@JsonDeserialize(\n\t\tusing = SubscriptionStatus.Deserializer.class\n)")
			.contains("return fromValue(parser.getValueAsString());")
			.doesNotContain("@JsonCreator")
			.contains("return (constant != null) ? constant : UNKNOWN;")
			.contains("return (this.value != null) ? this.value : name();");
	}

	private static final String BENEFITS = """
			"BenefitDiscord": {"type": "object", "title": "BenefitDiscord", "properties": {
			  "type": {"type": "string", "const": "discord"}, "id": {"type": "string"}}, "required": ["type", "id"]},
			"BenefitCustom": {"type": "object", "title": "BenefitCustom", "properties": {
			  "type": {"type": "string", "const": "custom"}, "id": {"type": "string"}}, "required": ["type", "id"]},
			"Benefit": {"oneOf": [{"$ref": "#/components/schemas/BenefitDiscord"}, {"$ref": "#/components/schemas/BenefitCustom"}],
			  "discriminator": {"propertyName": "type", "mapping": {
			    "discord": "#/components/schemas/BenefitDiscord", "custom": "#/components/schemas/BenefitCustom"}}}
			""";

	@Test
	void discriminatedUnionSwitchesOnTheDiscriminator() {
		Map<String, String> sources = Fragments.generate(Fragments.spec(BENEFITS, "Benefit"));
		assertThat(sources.get("Benefit"))
			.contains("public sealed interface Benefit permits BenefitDiscord, BenefitCustom, Benefit.Unknown")
			.contains("record Unknown(@JsonValue JsonNode raw) implements Benefit")
			.contains("VariantReader.Discriminated json = VariantReader.discriminated(parser, \"type\", context);")
			.contains("switch (json.value())")
			.contains("case \"discord\" -> BenefitDiscord.class;")
			.contains("default -> null;")
			.contains("this.variants.read(json, variant, context)")
			.contains("new Unknown(VariantReader.tree(json, context))");
		assertThat(sources.get("BenefitDiscord")).contains("implements Benefit")
			.contains("@JsonDeserialize(\n\t\tusing = BenefitDiscord.Deserializer.class\n)")
			.contains("static final class Deserializer extends StdDeserializer<BenefitDiscord> implements "
					+ "SplitObjectDeserializer<BenefitDiscord>")
			.contains("return deserialize(parser, null, context);")
			.contains("public BenefitDiscord deserialize(JsonParser parser, @Nullable JsonParser rest,")
			.contains("if (property == PropertyNames.END) {\n\t\t\t\t\tif (rest == null) {\n\t\t\t\t\t\tbreak;")
			.contains("parser = rest;\n\t\t\t\t\trest = null;\n\t\t\t\t\tproperty = this.names.next(parser);")
			.contains("case 0 -> id = this.idReader.read(parser, context);");
	}

	@Test
	void constPropertyIsAConstantAndAnAccessorNotAComponent() {
		String source = Fragments.generate(Fragments.spec(BENEFITS, "Benefit")).get("BenefitDiscord");
		assertThat(source).contains("public record BenefitDiscord(@JsonProperty(\"id\") String id)")
			.contains("public static final String TYPE = \"discord\";")
			.contains("@JsonProperty(\"type\")\n\tpublic String type() {\n\t\treturn TYPE;");
	}

	@Test
	void undiscriminatedUnionMatchesOnConstantsAndRequiredProperties() {
		String source = Fragments.generate(Fragments.spec(
				"""
						"CardPayment": {"type": "object", "title": "CardPayment", "properties": {
						  "method": {"type": "string", "const": "card"}, "id": {"type": "string"}, "card": {"type": "string"}},
						  "required": ["method", "id", "card"]},
						"GenericPayment": {"type": "object", "title": "GenericPayment", "properties": {
						  "method": {"type": "string"}, "id": {"type": "string"}}, "required": ["method", "id"],
						  "additionalProperties": false},
						"Payment": {"anyOf": [{"$ref": "#/components/schemas/CardPayment"}, {"$ref": "#/components/schemas/GenericPayment"}]}
						""",
				"Payment"))
			.get("Payment");
		assertThat(source).contains("private static final VariantMatcher<Payment> VARIANTS")
			.contains("VariantMatcher.variant(CardPayment.class)\n\t\t\t\t\t.constant(\"/method\", \"card\")\n"
					+ "\t\t\t\t\t.required(\"method\", \"id\", \"card\")")
			.contains("VariantMatcher.variant(GenericPayment.class)")
			.contains(".closed()")
			.contains("VariantMatcher.Buffered json = VARIANTS.buffer(parser, context);")
			.contains("VARIANTS.match(json)")
			.contains("new Unknown(json.tree(context))");
	}

	@Test
	void nullableUnionOfOneTypeIsJustANullableField() {
		String source = Fragments.generate(Fragments.spec(
				PRODUCT + ", "
						+ """
								"Order": {"type": "object", "title": "Order", "properties": {
								  "product": {"anyOf": [{"$ref": "#/components/schemas/Product"}, {"type": "null"}]}}, "required": ["product"]}
								""",
				"Order"))
			.get("Order");
		assertThat(source).contains("@JsonProperty(\"product\") @Nullable Product product");
	}

	@Test
	void mapsAndScalarUnionsAndFreeObjects() {
		String source = Fragments.generate(Fragments.spec(
				"""
						"Thing": {"type": "object", "title": "Thing", "properties": {
						  "metadata": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "integer"},
						    {"type": "number"}, {"type": "boolean"}]}, "propertyNames": {"maxLength": 40}},
						  "amounts": {"type": "object", "additionalProperties": {"type": "integer"}},
						  "fields": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
						  "params": {"type": "object", "patternProperties": {"^a": {"type": "string"}}},
						  "ctx": {"type": "object", "title": "Context", "additionalProperties": true},
						  "count": {"anyOf": [{"type": "integer"}, {"type": "number"}]}},
						  "required": ["metadata", "amounts", "fields", "params", "ctx", "count"]}
						""",
				"Thing"))
			.get("Thing");
		assertThat(source).contains("Map<String, Object> metadata")
			.contains("Map<String, Long> amounts")
			.contains("Map<String, @Nullable String> fields")
			.contains("Map<String, String> params")
			.contains("Map<String, @Nullable Object> ctx")
			.contains("Number count");
	}

	@Test
	void prefixItemsTupleBecomesAnArrayShapedRecord() {
		Map<String, String> sources = Fragments.generate(Fragments.spec(
				"""
						"TaxIDFormat": {"type": "string", "enum": ["eu_vat", "us_ein"], "title": "TaxIDFormat"},
						"Customer": {"type": "object", "title": "Customer", "properties": {
						  "tax_id": {"anyOf": [{"prefixItems": [{"type": "string"}, {"$ref": "#/components/schemas/TaxIDFormat"}],
						    "type": "array", "maxItems": 2, "minItems": 2}, {"type": "null"}]}}, "required": ["tax_id"]}
						""",
				"Customer"));
		assertThat(sources.get("Customer")).contains("@Nullable TaxId taxId");
		assertThat(sources.get("TaxId")).contains("public record TaxId(@JsonProperty(\"value\") String value,")
			.contains("@JsonProperty(\"format\") TaxIDFormat format")
			.contains("shape = JsonFormat.Shape.ARRAY")
			.contains("@JsonDeserialize(\n\t\tusing = TaxId.Deserializer.class\n)")
			.contains(
					"if (!parser.isExpectedStartArrayToken()) {\n\t\t\t\treturn (TaxId) context.handleUnexpectedToken(")
			.contains("switch (item++) {\n\t\t\t\t\tcase 0 -> value = this.valueReader.read(parser, context);\n"
					+ "\t\t\t\t\tcase 1 -> format = this.formatReader.read(parser, context);\n"
					+ "\t\t\t\t\tdefault -> parser.skipChildren();")
			.contains("return new TaxId(value, format);");
	}

	private static final String PRODUCT_CREATE = """
			"ProductCreate": {"type": "object", "title": "ProductCreate", "properties": {
			  "name": {"type": "string"}, "description": {"anyOf": [{"type": "string"}, {"type": "null"}]},
			  "seats": {"type": "integer"}}, "required": ["name"]}
			""";

	@Test
	void requestBodyOfMoreThanSixtyFourPropertiesIsRefusedNamingTheLimit() {
		StringBuilder properties = new StringBuilder();
		for (int i = 0; i < 65; i++) {
			properties.append((i == 0) ? "" : ", ").append("\"p").append(i).append("\": {\"type\": \"string\"}");
		}
		String wide = "\"WideCreate\": {\"type\": \"object\", \"title\": \"WideCreate\", \"properties\": {" + properties
				+ "}}";
		assertThatIllegalStateException().isThrownBy(() -> Fragments.generate(Fragments.spec(wide, "WideCreate")))
			.withMessageContaining("WideCreate has 65 properties")
			.withMessageContaining("at most 64");
		String widest = wide.replace(", \"p64\": {\"type\": \"string\"}", "");
		assertThat(Fragments.generate(Fragments.spec(widest, "WideCreate")).get("WideCreate"))
			.contains("this.setProperties |= 1L << 63;");
	}

	@Test
	void requestBodyBuilderRejectsAMissingRequiredPropertyByWireAndJavaName() {
		String source = Fragments.generate(Fragments.spec(PRODUCT_CREATE, "ProductCreate")).get("ProductCreate");
		assertThat(source).contains("public final class ProductCreate")
			.contains("public static Builder builder()")
			.contains("if ((this.setProperties & (1L << 0)) == 0) {\n\t\t\t\tthrow new IllegalStateException("
					+ "\"ProductCreate: required property 'name' (name) is not set; call name(...) before build()\");")
			.contains("public Builder name(String name) {\n\t\t\tthis.name = Objects.requireNonNull(name")
			.contains("public Builder seats(long seats)")
			.contains("@JsonAnySetter\n\t\tpublic Builder additionalProperty(String name, @Nullable Object value)");
	}

	@Test
	void requestBodyIsReadIntoItsBuilderByItsOwnDeserializer() {
		String source = Fragments.generate(
				Fragments.spec(
						PRODUCT_CREATE.replace("\"seats\"",
								"\"kind\": " + "{\"type\": \"string\", \"const\": \"pro\"}, \"seats\""),
						"ProductCreate"))
			.get("ProductCreate");
		assertThat(source).contains("@JsonDeserialize(\n\t\tusing = ProductCreate.Deserializer.class\n)")
			.doesNotContain("builder = ProductCreate.Builder.class")
			.contains("this.seatsReader = new PropertyReader<>(context, ProductCreate.class, \"seats\", "
					+ "types.constructType(long.class));")
			.contains("this.names = PropertyNames.of(context, \"name\", \"description\", \"seats\", \"kind\");")
			.contains("case 0 -> builder.name(this.nameReader.read(parser, context));")
			.contains("case 3 -> parser.skipChildren();")
			.contains("default -> builder.additionalProperty(parser.currentName(), "
					+ "this.additionalReader.read(parser, context));")
			.contains("throw BuilderRejection.ofValue(context, parser, ProductCreate.class, ex);")
			.contains("return builder.build();\n\t\t\t} catch (IllegalStateException ex) {\n"
					+ "\t\t\t\tthrow BuilderRejection.ofBuild(context, parser, Builder.class, ex);");
	}

	@Test
	void updateBodyWritesOnlyTheSetPropertiesIncludingNulls() {
		String source = Fragments.generate(Fragments.spec(PRODUCT_CREATE.replace("ProductCreate", "ProductUpdate")
			.replace("\"required\": [\"name\"]", "\"required\": []"), "ProductUpdate")).get("ProductUpdate");
		assertThat(source).contains("@JsonAnyGetter\n\tpublic Map<String, @Nullable Object> wireProperties()")
			.contains(
					"if ((this.setProperties & (1L << 1)) != 0) {\n\t\t\tjson.put(\"description\", this.description);")
			.contains(
					"public Builder description(@Nullable String description) {\n\t\t\tthis.description = description;\n"
							+ "\t\t\tthis.setProperties |= 1L << 1;")
			.contains("public boolean isSet(String property)")
			.contains("getterVisibility = JsonAutoDetect.Visibility.NONE");
	}

	@Test
	void namingRulesMakeReadableNamesAndNameInlineTypes() {
		Map<String, String> sources = Fragments.generate(Fragments.spec(
				BENEFITS + ", "
						+ """
								"ListResource_Benefit_": {"type": "object", "title": "ListResource[Benefit]", "properties": {
								  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Benefit"}}}, "required": ["items"]},
								"CostMetadata-Output": {"type": "object", "title": "CostMetadata", "properties": {"amount": {"type": "number"}}},
								"Body_oauth2_consent": {"type": "object", "title": "Body", "properties": {
								  "action": {"type": "string", "enum": ["allow", "deny"], "title": "Action"}}},
								"CheckoutDiscountFixed": {"type": "object", "title": "A", "properties": {"type": {"type": "string", "const": "fixed"}}},
								"CheckoutDiscountPercentage": {"type": "object", "title": "B", "properties": {"type": {"type": "string", "const": "percentage"}}},
								"Checkout": {"type": "object", "title": "Checkout", "properties": {
								  "discount": {"anyOf": [{"$ref": "#/components/schemas/CheckoutDiscountFixed"},
								    {"$ref": "#/components/schemas/CheckoutDiscountPercentage"}, {"type": "null"}]}}}
								""",
				"ListResource_Benefit_", "CostMetadata-Output", "Body_oauth2_consent", "Checkout"));
		assertThat(sources).containsKeys("BenefitList", "CostMetadata", "Oauth2ConsentBody", "Oauth2ConsentBodyAction",
				"CheckoutDiscount");
		assertThat(sources.get("Checkout")).contains("@Nullable CheckoutDiscount discount");
	}

	@Test
	void twoSchemasWithTheSameJavaNameFailWithBothNames() {
		assertThatIllegalStateException().isThrownBy(() -> Fragments.generate(Fragments.spec("""
				"Thing-Output": {"type": "object", "title": "A", "properties": {"a": {"type": "string"}}},
				"Thing": {"type": "object", "title": "B", "properties": {"b": {"type": "string"}}}
				""", "Thing-Output", "Thing"))).withMessageContaining("Thing");
	}

	@Test
	void webhookBecomesATypedEventUnderTheSealedEventType() {
		Map<String, String> sources = Fragments.generate(Fragments.specWithWebhooks(PRODUCT + ", " + """
				"WebhookProductCreatedPayload": {"type": "object", "title": "P", "properties": {
				  "type": {"type": "string", "const": "product.created"},
				  "timestamp": {"type": "string", "format": "date-time"},
				  "data": {"$ref": "#/components/schemas/Product"}}, "required": ["type", "timestamp", "data"]}
				""",
				"""
						"product.created": {"post": {"description": "Sent when a product is created.", "requestBody": {"content":
						  {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookProductCreatedPayload"}}}}}}
						""",
				"Product"));
		assertThat(sources.get("ProductCreatedEvent")).containsPattern(
				"public record ProductCreatedEvent\\(OffsetDateTime timestamp, Product data,\\s+WebhookDelivery delivery\\)")
			.contains("@param data the event's object\n")
			.contains("implements PolarWebhookEvent")
			.contains("public static final String TYPE = \"product.created\";")
			.contains("Sent when a product is created.");
		assertThat(sources.get("PolarWebhookEvent"))
			.contains("public sealed interface PolarWebhookEvent permits ProductCreatedEvent, UnknownWebhookEvent");
		assertThat(sources.get("PolarWebhookEvents")).contains("Map.entry(ProductCreatedEvent.TYPE");
		assertThat(sources).doesNotContainKey("WebhookProductCreatedPayload");
	}

	@Test
	void webhookEventsPrintTheirTypeDeliveryAndObjectIdButNotThePayload() {
		Map<String, String> sources = Fragments.generate(Fragments.specWithWebhooks(PRODUCT + ", " + """
				"WebhookProductCreatedPayload": {"type": "object", "title": "P", "properties": {
				  "type": {"type": "string", "const": "product.created"},
				  "timestamp": {"type": "string", "format": "date-time"},
				  "data": {"$ref": "#/components/schemas/Product"}}, "required": ["type", "timestamp", "data"]}
				""", """
				"product.created": {"post": {"requestBody": {"content":
				  {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookProductCreatedPayload"}}}}}}
				""", "Product"));
		assertThat(sources.get("ProductCreatedEvent")).contains("public String toString() {")
			.contains(
					"return \"ProductCreatedEvent[type=\" + type() + \", delivery=\" + this.delivery.id() + \", id=\" + this.data.id() + \"]\";");
		assertThat(sources.get("UnknownWebhookEvent")).contains("public String toString() {")
			.contains("this.data.path(\"id\")")
			.doesNotContain("this.raw");
	}

	@Test
	void unreachableSchemasGenerateNothing() {
		Map<String, String> sources = Fragments.generate(Fragments.spec(PRODUCT + ", " + """
				"Unused": {"type": "object", "title": "Unused", "properties": {"a": {"type": "string"}}}
				""", "Product"));
		assertThat(sources).containsKey("Product").doesNotContainKey("Unused");
	}

	private static final String EVENTS_AND_DELIVERIES = """
			"Order": {"type": "object", "title": "Order", "properties": {"id": {"type": "string"}}, "required": ["id"]},
			"OrderPaidEvent": {"type": "object", "title": "OrderPaidEvent", "properties": {
			  "name": {"type": "string", "const": "order.paid"}, "id": {"type": "string"}}, "required": ["name", "id"]},
			"MeterCreditEvent": {"type": "object", "title": "MeterCreditEvent", "properties": {
			  "name": {"type": "string", "const": "meter.credit"}, "id": {"type": "string"}}, "required": ["name", "id"]},
			"SystemEvent": {"oneOf": [{"$ref": "#/components/schemas/OrderPaidEvent"},
			  {"$ref": "#/components/schemas/MeterCreditEvent"}]},
			"UserEvent": {"type": "object", "title": "UserEvent", "properties": {"id": {"type": "string"}}, "required": ["id"]},
			"Event": {"anyOf": [{"$ref": "#/components/schemas/SystemEvent"}, {"$ref": "#/components/schemas/UserEvent"}]},
			"WebhookDelivery": {"type": "object", "title": "WebhookDelivery", "properties": {
			  "succeeded": {"type": "boolean"},
			  "kind": {"type": "string", "enum": ["a", "b"], "title": "RetrySettings"}}, "required": ["succeeded"]},
			"ListResource_WebhookDelivery_": {"type": "object", "title": "ListResource[WebhookDelivery]", "properties": {
			  "items": {"type": "array", "items": {"$ref": "#/components/schemas/WebhookDelivery"}}}, "required": ["items"]},
			"WebhookOrderPaidPayload": {"type": "object", "title": "P", "properties": {
			  "type": {"type": "string", "const": "order.paid"},
			  "timestamp": {"type": "string", "format": "date-time"},
			  "data": {"$ref": "#/components/schemas/Order"}}, "required": ["type", "timestamp", "data"]}
			""";

	private static final String ORDER_PAID_WEBHOOK = """
			"order.paid": {"post": {"requestBody": {"content":
			  {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookOrderPaidPayload"}}}}}}
			""";

	@Test
	void modelTypesKeepApartFromWebhookEventsAndHandWrittenClasses() {
		Naming naming = new Naming(List.of(ClassName.get("dev.polarspring.client.webhook", "WebhookDelivery"),
				ClassName.get("dev.polarspring.client", "RetrySettings")));
		Map<String, String> sources = Fragments.generateByPath(Fragments.specWithWebhooks(EVENTS_AND_DELIVERIES,
				ORDER_PAID_WEBHOOK, "Event", "ListResource_WebhookDelivery_"), naming);
		assertThat(sources)
			.containsKeys("webhook/OrderPaidEvent", "model/OrderPaidSystemEvent", "model/MeterCreditSystemEvent",
					"model/SystemEvent", "model/UserEvent", "model/Event", "model/WebhookDeliveryRecord",
					"model/WebhookDeliveryRecordList", "model/WebhookDeliveryRecordKind")
			.doesNotContainKeys("model/OrderPaidEvent", "model/MeterCreditEvent", "model/WebhookDelivery",
					"model/RetrySettings");
		assertThat(sources.get("model/SystemEvent"))
			.contains("permits OrderPaidSystemEvent, MeterCreditSystemEvent, SystemEvent.Unknown");
		assertThat(sources.get("model/OrderPaidSystemEvent")).contains("Schema {@code OrderPaidEvent} of Polar's API.");
		assertThat(sources.get("model/WebhookDeliveryRecord"))
			.contains("Schema {@code WebhookDelivery} of Polar's API. "
					+ "Named {@code WebhookDeliveryRecord} to keep it apart from the client's own "
					+ "{@link dev.polarspring.client.webhook.WebhookDelivery}.");
		assertThat(sources.get("model/WebhookDeliveryRecordList")).contains("List<WebhookDeliveryRecord> items");
	}

	@Test
	void eventsApiMembersTakeTheQualifierOfTheirUnion() {
		Naming naming = new Naming();
		assertThat(naming.eventMemberName("OrderPaidEvent", "SystemEvent")).isEqualTo("OrderPaidSystemEvent");
		assertThat(naming.eventMemberName("MeterCreditSystemEvent", "SystemEvent")).isEqualTo("MeterCreditSystemEvent");
		assertThat(naming.eventMemberName("UserEvent", "Event")).isEqualTo("UserEvent");
		assertThat(naming.eventMemberName("BenefitGrantDiscordWebhook", "BenefitGrantWebhook"))
			.isEqualTo("BenefitGrantDiscordWebhook");
		assertThat(naming.webhookEventName("order.paid")).isEqualTo("OrderPaidEvent");
		assertThat(naming.apartFrom("ValidationError")).isEqualTo("ValidationErrorRecord");
	}

	@Test
	void aNameStillInUseAfterTheRulesStopsTheBuild() {
		Naming naming = new Naming(
				List.of(ClassName.get("a", "WebhookDelivery"), ClassName.get("b", "WebhookDeliveryRecord")));
		assertThatIllegalStateException()
			.isThrownBy(() -> Fragments.generateByPath(Fragments.specWithWebhooks(EVENTS_AND_DELIVERIES,
					ORDER_PAID_WEBHOOK, "ListResource_WebhookDelivery_"), naming))
			.withMessageContaining("WebhookDeliveryRecord")
			.withMessageContaining("extend the rules in Naming");
	}

	@Test
	void theRenameTableAloneKeepsSchemasApartFromTheClientsOwnClasses() {
		assertThat(new Naming().renameTable()).containsExactly(
				Map.entry("ValidationError", ClassName.get("dev.polarspring.client.error", "ValidationError")),
				Map.entry("WebhookDelivery", ClassName.get("dev.polarspring.client.webhook", "WebhookDelivery")));
		Map<String, String> sources = Fragments.generateByPath(Fragments.spec("""
				"ValidationError": {"type": "object", "title": "ValidationError", "properties": {
				  "msg": {"type": "string"}}, "required": ["msg"]},
				"RetrySettings": {"type": "object", "title": "RetrySettings", "properties": {
				  "attempts": {"type": "integer"}}, "required": ["attempts"]}
				""", "ValidationError", "RetrySettings"), new Naming());
		assertThat(sources).containsKeys("model/ValidationErrorRecord", "model/RetrySettings")
			.doesNotContainKeys("model/ValidationError", "model/RetrySettingsRecord");
		assertThat(sources.get("model/ValidationErrorRecord"))
			.contains("to keep it apart from the client's own {@link dev.polarspring.client.error.ValidationError}.");
	}

	@Test
	void theIndexListsEveryGeneratedTypeByBinaryNameExceptPrivateHelpers() {
		Map<String, String> sources = Fragments
			.generateByPath(Fragments.specWithWebhooks(SHARED + ", " + EVENTS_AND_DELIVERIES, ORDER_PAID_WEBHOOK,
					"Benefit", "ListResource_WebhookDelivery_"), new Naming());
		String index = sources.get("aot/ModelTypeIndex");
		assertThat(index).contains("final class ModelTypeIndex {")
			.contains("static final List<String> NAMES = List.of(")
			.contains(
					"\"dev.polarspring.client.model.Benefit\",\n\t\t\t\"dev.polarspring.client.model.Benefit$Unknown\","
							+ "\n\t\t\t\"dev.polarspring.client.model.Benefit$Deserializer\",")
			.contains("\"dev.polarspring.client.model.BenefitDiscord$Deserializer\",")
			.contains("\"dev.polarspring.client.model.WebhookDeliveryRecordList\",")
			.contains("\"dev.polarspring.client.webhook.OrderPaidEvent\",")
			.contains("\"dev.polarspring.client.webhook.PolarWebhookEvents\");")
			.doesNotContain("PolarWebhookEvents$");
		for (String path : sources.keySet()) {
			if (path.startsWith("model/") || path.startsWith("webhook/")) {
				String name = path.substring(path.indexOf('/') + 1);
				if (!name.equals("package-info")) {
					assertThat(index).as(path).contains("\"dev.polarspring.client." + path.replace('/', '.') + "\"");
				}
			}
		}
	}

	private static final String SHARED = """
			"BenefitDiscord": {"type": "object", "title": "BenefitDiscord", "properties": {
			  "type": {"type": "string", "const": "discord"}, "id": {"type": "string"},
			  "description": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
			  "amount": {"type": "integer"}, "guild": {"type": "string"}},
			  "required": ["type", "id", "description", "tags", "amount", "guild"]},
			"BenefitCustom": {"type": "object", "title": "BenefitCustom", "properties": {
			  "type": {"type": "string", "const": "custom"}, "id": {"type": "string"},
			  "description": {"anyOf": [{"type": "string"}, {"type": "null"}]}, "tags": {"type": "array", "items": {"type": "string"}},
			  "amount": {"type": "string"}},
			  "required": ["type", "id", "description", "tags", "amount"]},
			"Benefit": {"oneOf": [{"$ref": "#/components/schemas/BenefitDiscord"}, {"$ref": "#/components/schemas/BenefitCustom"}],
			  "discriminator": {"propertyName": "type", "mapping": {
			    "discord": "#/components/schemas/BenefitDiscord", "custom": "#/components/schemas/BenefitCustom"}}}
			""";

	@Test
	void unionDeclaresTheAccessorsEveryKindSharesAndUnknownReadsThemFromItsJson() {
		String source = Fragments.generate(Fragments.spec(SHARED, "Benefit")).get("Benefit");
		String declared = source.substring(0, source.indexOf("record Unknown"));
		assertThat(declared).contains("\tString id();")
			.contains("\tString type();")
			.contains("\t@Nullable String description();")
			.contains("\tList<String> tags();")
			.doesNotContain("amount();")
			.doesNotContain("guild();")
			.contains("Every known kind has it; on {@link Unknown} it is read from the JSON, and throws "
					+ "{@link IllegalStateException} if that kind came without it.");
		assertThat(source.substring(source.indexOf("record Unknown")))
			.contains("public String id() {\n\t\t\treturn RawProperty.required(this.raw, \"Benefit\", \"id\", "
					+ "RawProperty.type(String.class));")
			.contains(
					"public @Nullable String description() {\n\t\t\treturn RawProperty.optional(this.raw, \"Benefit\", "
							+ "\"description\", RawProperty.type(String.class));")
			.contains("RawProperty.required(this.raw, \"Benefit\", \"tags\", RawProperty.type(List.class, "
					+ "RawProperty.type(String.class)))");
	}

	@Test
	void requestBodyKindsShareAccessorsAndNestedUnionsDoNotRedeclareThem() {
		Map<String, String> sources = Fragments.generate(Fragments.spec("""
				"A": {"type": "object", "title": "A", "properties": {"kind": {"type": "string", "const": "a"},
				  "name": {"type": "string"}, "seats": {"type": "integer"}}, "required": ["kind", "name"]},
				"B": {"type": "object", "title": "B", "properties": {"kind": {"type": "string", "const": "b"},
				  "name": {"type": "string"}, "seats": {"type": "integer"}}, "required": ["kind", "name"]},
				"C": {"type": "object", "title": "C", "properties": {"kind": {"type": "string", "const": "c"},
				  "name": {"type": "string"}}, "required": ["kind", "name"]},
				"AorB": {"anyOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
				"SeatCreate": {"anyOf": [{"$ref": "#/components/schemas/AorB"}, {"$ref": "#/components/schemas/C"}]}
				""", "SeatCreate"));
		assertThat(sources.get("A")).contains("public final class A implements AorB");
		String outer = sources.get("SeatCreate");
		assertThat(outer.substring(0, outer.indexOf("record Unknown"))).contains("\tString kind();")
			.contains("\tString name();")
			.doesNotContain("seats();");
		String inner = sources.get("AorB");
		assertThat(inner.substring(0, inner.indexOf("record Unknown"))).contains("\t@Nullable Long seats();")
			.doesNotContain("String name();");
		assertThat(inner.substring(inner.indexOf("record Unknown"))).contains("public String name()")
			.contains("public String kind()")
			.contains("public @Nullable Long seats()");
	}

}
