package dev.polarspring.codegen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.palantir.javapoet.ClassName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelType.EnumType;
import dev.polarspring.codegen.ModelType.ObjectType;
import dev.polarspring.codegen.ModelType.TupleType;
import dev.polarspring.codegen.ModelType.UnionType;
import dev.polarspring.codegen.Naming.Site;

/**
 * Every type the model generates, with its Java name: one per reachable component schema
 * that needs a class (objects, enums, unions) and one per distinct inline enum, union or
 * tuple.
 *
 * <p>
 * Component schemas that are only another type under a name (a string, a map,
 * {@code $ref} to another schema, {@code anyOf [Map, null]}) generate nothing:
 * {@link TypeResolver} resolves them to that type. Webhook payload schemas
 * ({@code WebhookOrderPaidPayload}) generate no model type either: the webhook event
 * records stand for them.
 *
 * <p>
 * This class finds the types: it walks every reachable component (sorted by name,
 * properties in spec order), then every operation's parameters, request body and
 * responses, and gives each inline type the first of its candidate names that is free.
 * Two inline schemas with the same content (the same enum values; the same union members)
 * share one type, named where it is met first. The names themselves, candidates included,
 * come from {@link Naming}, whose Javadoc states every rule.
 */
public final class ModelTypes {

	private final OpenApiSpec spec;

	private final Naming naming;

	private final String modelPackage;

	private final Reachability reachability;

	private final SortedMap<String, ModelType> byComponent = new TreeMap<>();

	private final Map<String, ModelType> byInlineKey = new LinkedHashMap<>();

	private final SortedSet<String> aliases = new TreeSet<>();

	private final Set<String> takenNames = new HashSet<>();

	private final Set<String> namesInUse = new HashSet<>();

	private final Map<String, SortedSet<String>> unionsByMember = new HashMap<>();

	private final Map<String, String> componentNames = new HashMap<>();

	private final Map<ClassName, SortedSet<ClassName>> supertypes = new HashMap<>();

	private final TypeResolver resolver;

	private ModelTypes(OpenApiSpec spec, Naming naming, String modelPackage) {
		this.spec = spec;
		this.naming = naming;
		this.modelPackage = modelPackage;
		this.reachability = Reachability.of(spec);
		this.resolver = new TypeResolver(this);
		Set<String> payloads = new HashSet<>();
		List<String> eventTypes = new ArrayList<>();
		spec.webhooks().values().forEach((webhook) -> {
			payloads.add(webhook.payloadSchema());
			eventTypes.add(webhook.type());
		});
		this.namesInUse.addAll(naming.reservedNames(eventTypes));
		for (String name : this.reachability.schemas()) {
			for (JsonNode member : SchemaShape.alternatives(spec.schema(name))) {
				OpenApiSpec.refName(member)
					.ifPresent((memberName) -> this.unionsByMember.computeIfAbsent(memberName, (key) -> new TreeSet<>())
						.add(name));
			}
		}
		String pendingListName = null;
		for (String name : this.reachability.schemas()) {
			if (payloads.contains(name)) {
				continue;
			}
			JsonNode schema = spec.schema(name);
			String javaName = componentName(name);
			if (javaName.isEmpty()) {
				pendingListName = name;
				continue;
			}
			classifyComponent(name, javaName, schema);
		}
		walkInline(pendingListName);
		if (pendingListName != null) {
			JsonNode items = spec.schema(pendingListName).path("properties").path("items").path("items");
			String itemName = this.resolver.resolve(items).toString();
			String javaName = naming.listTypeName(itemName.substring(itemName.lastIndexOf('.') + 1));
			classifyComponent(pendingListName, javaName, spec.schema(pendingListName));
		}
		linkUnions();
	}

	/**
	 * Builds the model of a spec, with every type in one package.
	 * @param spec the spec
	 * @param naming the naming rules
	 * @param modelPackage the package of the generated model, such as
	 * {@code dev.polarspring.client.model}
	 * @return the model types
	 */
	public static ModelTypes of(OpenApiSpec spec, Naming naming, String modelPackage) {
		return new ModelTypes(spec, naming, modelPackage);
	}

	/**
	 * Returns the spec the types come from.
	 * @return the spec
	 */
	public OpenApiSpec spec() {
		return this.spec;
	}

	/**
	 * Returns the naming rules.
	 * @return the naming rules
	 */
	public Naming naming() {
		return this.naming;
	}

	/**
	 * Returns the package every model type is generated in.
	 * @return the package name
	 */
	public String modelPackage() {
		return this.modelPackage;
	}

	/**
	 * Returns which schemas the API reaches.
	 * @return the reachability
	 */
	public Reachability reachability() {
		return this.reachability;
	}

	/**
	 * Returns the resolver from schemas to Java types.
	 * @return the resolver
	 */
	public TypeResolver resolver() {
		return this.resolver;
	}

	/**
	 * Returns every generated type: components first (by component name), then inline
	 * types (in the order they were met).
	 * @return the types
	 */
	public List<ModelType> all() {
		List<ModelType> all = new ArrayList<>(this.byComponent.values());
		all.addAll(this.byInlineKey.values());
		return all;
	}

	/**
	 * Returns the type generated for a component schema.
	 * @param schemaName the component name
	 * @return the type, or empty for aliases, webhook payloads and unreachable schemas
	 */
	public Optional<ModelType> forComponent(String schemaName) {
		return Optional.ofNullable(this.byComponent.get(schemaName));
	}

	/**
	 * Returns the reachable component schemas that generate no type of their own because
	 * they only name another type (a string, a map, a reference).
	 * @return the alias component names, sorted
	 */
	public SortedSet<String> aliases() {
		return Collections.unmodifiableSortedSet(this.aliases);
	}

	/**
	 * Returns the type generated for an inline enum, union or tuple.
	 * @param schema the inline schema
	 * @return the type, or empty if the schema needs no type of its own
	 */
	public Optional<ModelType> forInline(JsonNode schema) {
		String key = inlineKey(schema);
		return (key != null) ? Optional.ofNullable(this.byInlineKey.get(key)) : Optional.empty();
	}

	/**
	 * Returns the hand-written class of the rename table whose name a type would have
	 * taken, had the naming rules not kept it apart ({@code WebhookDeliveryRecord} gives
	 * the webhook package's {@code WebhookDelivery}).
	 * @param type a generated type
	 * @return the hand-written class, or empty if the type has its plain name
	 */
	public Optional<ClassName> keptApartFrom(ModelType type) {
		String name = type.className().simpleName();
		if (type.schemaName() == null || name.equals(this.naming.typeName(type.schemaName()))) {
			return Optional.empty();
		}
		return this.naming.keptApartFrom(this.naming.typeName(type.schemaName()));
	}

	/**
	 * Returns the sealed interfaces a type implements or extends.
	 * @param type a generated type
	 * @return the unions listing it as a member, sorted
	 */
	public SortedSet<ClassName> supertypes(ClassName type) {
		return this.supertypes.getOrDefault(type, Collections.emptySortedSet());
	}

	/**
	 * Finds the generated type of a class name.
	 * @param className a generated class
	 * @return the type
	 */
	public ModelType byClassName(ClassName className) {
		for (ModelType type : all()) {
			if (type.className().equals(className)) {
				return type;
			}
		}
		throw new IllegalArgumentException("No generated type " + className);
	}

	/**
	 * Tells whether a schema is a union of objects (a sealed interface), as opposed to a
	 * union of scalars or a nullable wrapper.
	 * @param schema any schema
	 * @return whether it generates a sealed interface
	 */
	boolean isTypeUnion(JsonNode schema) {
		List<JsonNode> alternatives = SchemaShape.alternatives(SchemaShape.withoutNull(schema));
		if (alternatives.size() < 2) {
			return false;
		}
		for (JsonNode alternative : alternatives) {
			Optional<String> ref = OpenApiSpec.refName(alternative);
			if (ref.isEmpty()) {
				return false;
			}
			JsonNode target = this.spec.deref(alternative);
			if (!isObject(target) && !isTypeUnion(target)) {
				return false;
			}
		}
		return true;
	}

	static boolean isObject(JsonNode schema) {
		return schema.has("properties") || ("object".equals(schema.path("type").asString(""))
				&& !schema.has("additionalProperties") && !schema.has("patternProperties") && schema.has("title")
				&& !schema.has("anyOf") && !schema.has("oneOf"));
	}

	/**
	 * Returns the Java name of a component: {@link Naming#typeName} (a page named after
	 * the name its items took), then {@link Naming#componentName} with the names of the
	 * unions it is a member of.
	 */
	private String componentName(String schemaName) {
		String known = this.componentNames.get(schemaName);
		if (known != null) {
			return known;
		}
		String name = this.naming.typeName(schemaName, this::componentName);
		if (!name.isEmpty()) {
			List<String> unionNames = new ArrayList<>();
			for (String union : this.unionsByMember.getOrDefault(schemaName, Collections.emptySortedSet())) {
				unionNames.add(componentName(union));
			}
			name = this.naming.componentName(name, unionNames, this.namesInUse);
		}
		this.componentNames.put(schemaName, name);
		return name;
	}

	private void classifyComponent(String name, String javaName, JsonNode schema) {
		ClassName className = ClassName.get(this.modelPackage, javaName);
		ModelType type;
		if (schema.has("enum")) {
			type = new EnumType(className, name, schema, enumValues(schema));
		}
		else if (isTypeUnion(schema) && SchemaShape.withoutNull(schema) == schema) {
			type = union(className, name, schema);
		}
		else if (isObject(schema)) {
			type = new ObjectType(className, name, schema, this.reachability.isRequest(name));
		}
		else {
			this.aliases.add(name);
			return;
		}
		if (this.namesInUse.contains(javaName)) {
			throw new IllegalStateException("Schema " + name + " maps to the Java name " + javaName
					+ ", which the client already uses; extend the rules in Naming");
		}
		if (!this.takenNames.add(javaName)) {
			throw new IllegalStateException("Two schemas map to the Java name " + javaName + " (one is " + name
					+ "); extend the rules in Naming");
		}
		this.byComponent.put(name, type);
	}

	private UnionType union(ClassName className, @Nullable String schemaName, JsonNode schema) {
		JsonNode union = SchemaShape.withoutNull(schema);
		String discriminator = union.path("discriminator").path("propertyName").asString(null);
		return new UnionType(className, schemaName, union, SchemaShape.alternatives(union), discriminator);
	}

	private static List<String> enumValues(JsonNode schema) {
		List<String> values = new ArrayList<>();
		for (JsonNode value : schema.path("enum")) {
			if (!value.isString()) {
				throw new IllegalStateException("Only string enums are supported, found " + value);
			}
			values.add(value.asString());
		}
		return values;
	}

	private void walkInline(@Nullable String pendingListName) {
		for (String name : this.reachability.schemas()) {
			ModelType type = this.byComponent.get(name);
			JsonNode schema = this.spec.schema(name);
			String owner = (type != null) ? type.className().simpleName()
					: (name.equals(pendingListName) ? "ListResource" : componentName(name));
			if (type instanceof ObjectType || type == null) {
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					walk(property.getValue(), owner, property.getKey(), Site.PROPERTY, null);
				}
				if (type == null && !isObject(schema)) {
					walk(schema, owner, "", Site.PROPERTY, null);
				}
			}
		}
		for (OpenApiSpec.Operation operation : this.spec.operations()) {
			String owner = this.naming.pascalCase(operation.operationId());
			for (JsonNode parameter : operation.parameters()) {
				walk(parameter.path("schema"), owner, parameter.path("name").asString(), Site.PARAMETER, null);
			}
			JsonNode content = operation.node().path("requestBody").path("content");
			for (String mediaType : content.propertyNames()) {
				JsonNode body = content.get(mediaType).path("schema");
				walk(body, owner, "Request", Site.BODY, body.path("title").asString(null));
			}
			for (Map.Entry<String, JsonNode> response : operation.responseSchemas().entrySet()) {
				walk(response.getValue(), owner, "Response" + response.getKey(), Site.BODY, null);
			}
		}
	}

	private void walk(JsonNode schema, String owner, String property, Site site, @Nullable String title) {
		if (!schema.isObject() || schema.has("$ref")) {
			return;
		}
		JsonNode node = SchemaShape.withoutNull(schema);
		if (node.has("$ref")) {
			return;
		}
		if (node.has("enum")) {
			register(node, enumCandidates(node, owner, property, site),
					(className) -> new EnumType(className, null, node, enumValues(node)));
		}
		else if (node.has("anyOf") || node.has("oneOf")) {
			if (isTypeUnion(node)) {
				register(node, unionCandidates(node, owner, property, site, title),
						(className) -> union(className, null, node));
			}
			else {
				for (JsonNode alternative : SchemaShape.alternatives(node)) {
					walk(alternative, owner, property, site, null);
				}
			}
		}
		else if (node.has("prefixItems")) {
			register(node, this.naming.tupleCandidates(owner, property),
					(className) -> new TupleType(className, null, node));
			node.path("prefixItems").forEach((item) -> walk(item, owner, property, Site.ITEMS, null));
		}
		if (node.path("items").isObject()) {
			walk(node.path("items"), owner, property, Site.ITEMS, null);
		}
		if (node.path("additionalProperties").isObject()) {
			walk(node.path("additionalProperties"), owner, property, Site.PROPERTY, null);
		}
		for (Map.Entry<String, JsonNode> pattern : node.path("patternProperties").properties()) {
			walk(pattern.getValue(), owner, property, Site.PROPERTY, null);
		}
		if (node.has("properties")) {
			throw new IllegalStateException("Inline object schemas are not supported (" + owner + "." + property
					+ "); give the object a component schema");
		}
	}

	private void register(JsonNode schema, List<String> candidates,
			java.util.function.Function<ClassName, ModelType> factory) {
		String key = inlineKey(schema);
		if (key == null || this.byInlineKey.containsKey(key)) {
			return;
		}
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isEmpty() && !this.namesInUse.contains(candidate)
					&& this.takenNames.add(candidate)) {
				this.byInlineKey.put(key, factory.apply(ClassName.get(this.modelPackage, candidate)));
				return;
			}
		}
		throw new IllegalStateException("No free Java name for the inline schema " + schema + "; tried " + candidates);
	}

	private List<String> enumCandidates(JsonNode schema, String owner, String property, Site site) {
		return this.naming.enumCandidates(schema.path("title").asString(""), owner, property, site);
	}

	private List<String> unionCandidates(JsonNode schema, String owner, String property, Site site,
			@Nullable String title) {
		List<String> memberNames = new ArrayList<>();
		for (JsonNode member : SchemaShape.alternatives(schema)) {
			memberNames.add(memberJavaName(OpenApiSpec.refName(member).orElseThrow()));
		}
		return this.naming.unionCandidates(title, memberNames, owner, property, site);
	}

	private String memberJavaName(String schemaName) {
		ModelType type = this.byComponent.get(schemaName);
		return (type != null) ? type.className().simpleName() : componentName(schemaName);
	}

	/**
	 * The identity of an inline schema: two schemas with the same key share one type.
	 */
	@Nullable String inlineKey(JsonNode schema) {
		JsonNode node = SchemaShape.withoutNull(schema);
		if (node.has("$ref")) {
			return null;
		}
		if (node.has("enum")) {
			return "enum:" + node.path("enum");
		}
		if (node.has("prefixItems")) {
			return "tuple:" + node.path("prefixItems");
		}
		if ((node.has("anyOf") || node.has("oneOf")) && isTypeUnion(node)) {
			List<String> members = new ArrayList<>();
			SchemaShape.alternatives(node).forEach((member) -> members.add(OpenApiSpec.refName(member).orElseThrow()));
			Collections.sort(members);
			return "union:" + members + ":" + node.path("discriminator").path("propertyName").asString("");
		}
		return null;
	}

	private void linkUnions() {
		for (ModelType type : all()) {
			if (type instanceof UnionType union) {
				for (JsonNode member : union.members()) {
					String memberName = OpenApiSpec.refName(member).orElseThrow();
					ModelType memberType = componentTarget(memberName);
					this.supertypes.computeIfAbsent(memberType.className(), (key) -> new TreeSet<>())
						.add(union.className());
				}
			}
		}
	}

	/**
	 * Returns the generated type a component name stands for, following aliases such as
	 * {@code CheckoutCreate: {$ref: CheckoutProductsCreate}}.
	 * @param schemaName a component name
	 * @return the type
	 */
	public ModelType componentTarget(String schemaName) {
		ModelType type = this.byComponent.get(schemaName);
		if (type != null) {
			return type;
		}
		JsonNode schema = this.spec.schema(schemaName);
		Optional<String> ref = OpenApiSpec.refName(schema);
		if (ref.isPresent()) {
			return componentTarget(ref.get());
		}
		throw new IllegalStateException("Schema " + schemaName + " generates no type");
	}

	/**
	 * Returns the component names whose types are members of a union, following nested
	 * unions down to the object types (the leaves a value can actually be).
	 * @param union a union type
	 * @return the object member types in spec order, without repeats
	 */
	public List<ObjectType> leaves(UnionType union) {
		List<ObjectType> leaves = new ArrayList<>();
		collectLeaves(union, leaves);
		return leaves;
	}

	private void collectLeaves(UnionType union, Collection<ObjectType> into) {
		for (JsonNode member : union.members()) {
			ModelType type = componentTarget(OpenApiSpec.refName(member).orElseThrow());
			if (type instanceof UnionType nested) {
				collectLeaves(nested, into);
			}
			else if (type instanceof ObjectType object && !into.contains(object)) {
				into.add(object);
			}
		}
	}

}
