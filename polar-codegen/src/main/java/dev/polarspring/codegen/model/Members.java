package dev.polarspring.codegen.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.ModelTypes;

/**
 * Pieces every generated object type shares: the unions it belongs to and how it copies
 * collections.
 */
final class Members {

	private Members() {
	}

	/**
	 * Declares the sealed interfaces a type belongs to. Jackson finds a class's
	 * {@code @JsonDeserialize} on its interfaces too, so a member read from JSON declares
	 * its own deserializer; otherwise reading the member would call the union's
	 * deserializer again.
	 */
	static void implementUnions(TypeSpec.Builder type, ModelTypes types, ClassName className) {
		types.supertypes(className).forEach(type::addSuperinterface);
	}

	/**
	 * Adds the statement that copies a list or map into an unmodifiable one (absent
	 * required collections become empty); one the SDK's decoding made unmodifiable is
	 * kept as it is ({@code ReadOnlyCollections}).
	 */
	static void copyCollection(CodeBlock.Builder code, ObjectProperty property, String variable) {
		String method;
		ClassName empty;
		if (property.isList()) {
			method = "list";
			empty = LibraryTypes.LIST;
		}
		else if (property.isMap()) {
			method = "map";
			empty = LibraryTypes.MAP;
		}
		else {
			return;
		}
		if (property.required() && !property.nullable()) {
			code.addStatement("$L = ($L != null) ? $T.$L($L) : $T.of()", variable, variable,
					LibraryTypes.READ_ONLY_COLLECTIONS, method, variable, empty);
		}
		else {
			code.addStatement("$L = ($L != null) ? $T.$L($L) : null", variable, variable,
					LibraryTypes.READ_ONLY_COLLECTIONS, method, variable);
		}
	}

}
