package dev.polarspring.codegen.model;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/**
 * The library classes the generated sources refer to (Jackson 3, JSpecify, the JDK), and
 * the readers of {@code polar-client}'s core that the generated deserializers call.
 */
final class LibraryTypes {

	private static final String CORE = "dev.polarspring.client.core";

	static final ClassName PROPERTY_READER = ClassName.get(CORE, "PropertyReader");

	static final ClassName READ_ONLY_COLLECTIONS = ClassName.get(CORE, "ReadOnlyCollections");

	static final ClassName PROPERTY_NAMES = ClassName.get(CORE, "PropertyNames");

	static final ClassName VARIANT_READER = ClassName.get(CORE, "VariantReader");

	static final ClassName VARIANT_MATCHER = ClassName.get(CORE, "VariantMatcher");

	static final ClassName SPLIT_OBJECT_DESERIALIZER = ClassName.get(CORE, "SplitObjectDeserializer");

	static final ClassName RAW_PROPERTY = ClassName.get(CORE, "RawProperty");

	static final ClassName BUILDER_REJECTION = ClassName.get(CORE, "BuilderRejection");

	private static final String ANNOTATION = "com.fasterxml.jackson.annotation";

	private static final String DATABIND = "tools.jackson.databind";

	static final ClassName JSON_PROPERTY = ClassName.get(ANNOTATION, "JsonProperty");

	static final ClassName JSON_INCLUDE = ClassName.get(ANNOTATION, "JsonInclude");

	static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get(ANNOTATION, "JsonIgnoreProperties");

	static final ClassName JSON_PROPERTY_ORDER = ClassName.get(ANNOTATION, "JsonPropertyOrder");

	static final ClassName JSON_VALUE = ClassName.get(ANNOTATION, "JsonValue");

	static final ClassName JSON_FORMAT = ClassName.get(ANNOTATION, "JsonFormat");

	static final ClassName JSON_AUTO_DETECT = ClassName.get(ANNOTATION, "JsonAutoDetect");

	static final ClassName JSON_ANY_GETTER = ClassName.get(ANNOTATION, "JsonAnyGetter");

	static final ClassName JSON_ANY_SETTER = ClassName.get(ANNOTATION, "JsonAnySetter");

	static final ClassName JSON_DESERIALIZE = ClassName.get(DATABIND + ".annotation", "JsonDeserialize");

	static final ClassName JSON_POJO_BUILDER = ClassName.get(DATABIND + ".annotation", "JsonPOJOBuilder");

	static final ClassName STD_DESERIALIZER = ClassName.get(DATABIND + ".deser.std", "StdDeserializer");

	static final ClassName DESERIALIZATION_CONTEXT = ClassName.get(DATABIND, "DeserializationContext");

	static final ClassName JSON_NODE = ClassName.get(DATABIND, "JsonNode");

	static final ClassName JSON_PARSER = ClassName.get("tools.jackson.core", "JsonParser");

	static final ClassName JSON_TOKEN = ClassName.get("tools.jackson.core", "JsonToken");

	static final ClassName VALUE_DESERIALIZER = ClassName.get(DATABIND, "ValueDeserializer");

	static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");

	static final ClassName NULL_MARKED = ClassName.get("org.jspecify.annotations", "NullMarked");

	static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

	static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");

	static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");

	static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

	static final ClassName MAP = ClassName.get("java.util", "Map");

	static final ClassName SET = ClassName.get("java.util", "Set");

	static final ClassName LIST = ClassName.get("java.util", "List");

	private LibraryTypes() {
	}

	static AnnotationSpec jsonProperty(String wireName) {
		return AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", wireName).build();
	}

	static AnnotationSpec ignoreUnknown() {
		return AnnotationSpec.builder(JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build();
	}

	static AnnotationSpec deprecated() {
		return AnnotationSpec.builder(Deprecated.class).build();
	}

}
