package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.palantir.javapoet.TypeName;
import org.jspecify.annotations.Nullable;

import dev.polarspring.codegen.ModelType.ObjectType;
import dev.polarspring.codegen.ModelType.UnionType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.TypeResolver;

/**
 * A property every kind of a union has, under the same Java name, wire name and Java
 * type, so that the union's sealed interface declares its accessor
 * ({@code Benefit.id()}).
 *
 * <p>
 * The kinds are the union's leaf objects (nested unions flattened), records and request
 * bodies alike; a {@code const} property counts with its accessor's type
 * ({@code String type()} of every benefit). The accessor is non-null when every kind's
 * JSON guarantees a value (required and never null), else {@code @Nullable}. {@code raw}
 * is never lifted: it is the {@code Unknown} variant's own accessor.
 *
 * @param javaName the accessor name
 * @param wireName the name on the wire, which the {@code Unknown} variant reads
 * @param type the accessor's type, annotated {@code @Nullable} unless {@code guaranteed}
 * @param guaranteed whether every kind guarantees a value
 * @param doc the Javadoc text of the first kind's property
 * @param deprecated whether every kind marks the property deprecated
 */
record SharedProperty(String javaName, String wireName, TypeName type, boolean guaranteed, String doc,
		boolean deprecated) {

	/**
	 * Returns the properties every leaf of a union shares, in the first leaf's order.
	 */
	static List<SharedProperty> of(UnionType union, ModelTypes types) {
		List<ObjectType> leaves = types.leaves(union);
		if (leaves.isEmpty()) {
			return List.of();
		}
		List<Map<String, SharedProperty>> accessors = new ArrayList<>();
		for (ObjectType leaf : leaves) {
			accessors.add(accessors(leaf, types));
		}
		List<SharedProperty> shared = new ArrayList<>();
		for (SharedProperty first : accessors.get(0).values()) {
			@Nullable SharedProperty merged = first;
			for (Map<String, SharedProperty> other : accessors.subList(1, accessors.size())) {
				merged = (merged != null) ? merged.merge(other.get(first.javaName())) : null;
			}
			if (merged == null || merged.javaName().equals("raw")) {
				continue;
			}
			if (merged.guaranteed()) {
				shared.add(merged);
			}
			else if (!merged.type().isPrimitive()) {
				shared.add(merged.withType(TypeResolver.nullable(merged.type())));
			}
			// A primitive some kind may lack (an optional boolean constant) is left out:
			// no nullable
			// type could be overridden by every kind's primitive accessor.
		}
		return shared;
	}

	private static Map<String, SharedProperty> accessors(ObjectType leaf, ModelTypes types) {
		Map<String, SharedProperty> accessors = new LinkedHashMap<>();
		for (ObjectProperty property : ObjectProperty.of(leaf.schema(), types)) {
			SharedProperty accessor;
			if (property.constant().isPresent()) {
				// The accessor of a constant always returns it (String, or boolean); an
				// unknown kind's JSON
				// carries it only if the spec requires it.
				TypeName type = property.constant().get().isBoolean() ? TypeName.BOOLEAN : TypeName.get(String.class);
				accessor = new SharedProperty(property.javaName(), property.wireName(), type, property.required(),
						property.doc(), false);
			}
			else {
				boolean guaranteed = property.required() && !property.nullable();
				accessor = new SharedProperty(property.javaName(), property.wireName(),
						property.type().withoutAnnotations(), guaranteed, property.doc(), property.deprecated());
			}
			accessors.put(accessor.javaName(), accessor);
		}
		return accessors;
	}

	/**
	 * Returns the accessor both kinds can implement, or null if they cannot share one.
	 */
	private @Nullable SharedProperty merge(@Nullable SharedProperty other) {
		if (other == null || !other.wireName().equals(this.wireName)
				|| !other.type().withoutAnnotations().equals(this.type.withoutAnnotations())) {
			return null;
		}
		return new SharedProperty(this.javaName, this.wireName, this.type.withoutAnnotations(),
				this.guaranteed && other.guaranteed(), this.doc, this.deprecated && other.deprecated());
	}

	private SharedProperty withType(TypeName type) {
		return new SharedProperty(this.javaName, this.wireName, type, this.guaranteed, this.doc, this.deprecated);
	}

	/**
	 * Returns the same property as a supertype union declares it, for comparison.
	 */
	boolean sameAccessor(SharedProperty other) {
		return this.javaName.equals(other.javaName()) && this.guaranteed == other.guaranteed()
				&& this.type.withoutAnnotations().equals(other.type().withoutAnnotations());
	}

}
