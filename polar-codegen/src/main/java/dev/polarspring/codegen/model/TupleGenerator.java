package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import tools.jackson.databind.JsonNode;

import dev.polarspring.codegen.ModelType.TupleType;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.OpenApiSpec;

/**
 * Generates a record for a {@code prefixItems} tuple, written and read as a JSON array
 * ({@code ["911144442", "us_ein"]} as {@code TaxId(value, format)}).
 *
 * <p>
 * Component names: an item that references a type is named by the last word of that
 * type's name ({@code TaxIDFormat} gives {@code format}); any other item is
 * {@code value}; a name used twice gets the item's position appended.
 */
final class TupleGenerator {

	private final ModelTypes types;

	TupleGenerator(ModelTypes types) {
		this.types = types;
	}

	TypeSpec generate(TupleType type) {
		List<JsonNode> items = new ArrayList<>();
		type.schema().path("prefixItems").forEach(items::add);
		List<String> names = componentNames(items);
		MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
		CodeBlock.Builder order = CodeBlock.builder().add("{");
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			TypeName itemType = this.types.resolver().fieldType(item, true);
			constructor.addParameter(ParameterSpec.builder(itemType, names.get(i))
				.addAnnotation(LibraryTypes.jsonProperty(names.get(i)))
				.addJavadoc("item $L of the array\n", i)
				.build());
			order.add(i == 0 ? "$S" : ", $S", names.get(i));
		}
		return TypeSpec.recordBuilder(type.className())
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("$L\n", DocText.of(type.schema(), "A fixed-length array."))
			.addJavadoc("\n<p>Written and read as a JSON array of $L items, in component order.\n", items.size())
			.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_FORMAT)
				.addMember("shape", "$T.Shape.ARRAY", LibraryTypes.JSON_FORMAT)
				.build())
			.addAnnotation(AnnotationSpec.builder(LibraryTypes.JSON_PROPERTY_ORDER)
				.addMember("value", order.add("}").build())
				.build())
			.recordConstructor(constructor.build())
			.build();
	}

	private List<String> componentNames(List<JsonNode> items) {
		List<String> names = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String name = OpenApiSpec.refName(items.get(i)).map((ref) -> {
				List<String> words = this.types.naming().words(this.types.naming().typeName(ref));
				return words.get(words.size() - 1).toLowerCase(Locale.ROOT);
			}).orElse("value");
			if (!used.add(name)) {
				name = name + i;
				used.add(name);
			}
			names.add(name);
		}
		return names;
	}

}
