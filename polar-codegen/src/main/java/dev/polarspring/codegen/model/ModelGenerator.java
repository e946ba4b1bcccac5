package dev.polarspring.codegen.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;

/**
 * Generates every model type of {@link ModelTypes} and the webhook events: one source
 * file per type, in a fixed order, so the same spec always gives the same files byte for
 * byte. The generated deserializers call the readers of {@code polar-client}'s core
 * ({@code PropertyNames}, {@code PropertyReader}, {@code VariantReader},
 * {@code VariantMatcher}, {@code SplitObjectDeserializer}, {@code RawProperty}), which
 * are ordinary compiled classes there.
 */
public final class ModelGenerator {

	private final ModelTypes types;

	private final String webhookPackage;

	private final String indexPackage;

	/**
	 * Creates a generator.
	 * @param types the model types to generate
	 * @param webhookPackage the package of the webhook events, such as
	 * {@code dev.polarspring.client.webhook}
	 * @param indexPackage the package of the {@code ModelTypeIndex} listing what was
	 * generated, such as {@code dev.polarspring.client.aot}
	 */
	public ModelGenerator(ModelTypes types, String webhookPackage, String indexPackage) {
		this.types = types;
		this.webhookPackage = webhookPackage;
		this.indexPackage = indexPackage;
	}

	/**
	 * Generates the sources: the model package's {@code package-info}, its types, the
	 * webhook events, then the {@code ModelTypeIndex} of them all.
	 * @return the sources
	 */
	public List<GeneratedSource> generate() {
		List<GeneratedSource> sources = new ArrayList<>();
		String modelPackage = this.types.modelPackage();
		sources
			.add(packageInfo(modelPackage, "The Polar API's objects, generated from its OpenAPI spec: records for what "
					+ "Polar returns, classes with builders for what it accepts, open enums and sealed unions."));
		RecordGenerator records = new RecordGenerator(this.types);
		RequestGenerator requests = new RequestGenerator(this.types);
		EnumGenerator enums = new EnumGenerator(this.types.naming());
		UnionGenerator unions = new UnionGenerator(this.types);
		TupleGenerator tuples = new TupleGenerator(this.types);
		Map<String, List<TypeSpec>> generated = new LinkedHashMap<>();
		List<TypeSpec> modelTypes = new ArrayList<>();
		for (ModelType type : this.types.all()) {
			TypeSpec spec;
			if (type instanceof ModelType.ObjectType object) {
				spec = object.request() ? requests.generate(object) : records.generate(object);
			}
			else if (type instanceof ModelType.EnumType enumType) {
				spec = enums.generate(enumType);
			}
			else if (type instanceof ModelType.UnionType union) {
				spec = unions.generate(union);
			}
			else {
				spec = tuples.generate((ModelType.TupleType) type);
			}
			modelTypes.add(spec);
			sources.add(source(modelPackage, spec));
		}
		generated.put(modelPackage, modelTypes);
		List<TypeSpec> webhookTypes = new WebhookGenerator(this.types, this.webhookPackage).generate();
		for (TypeSpec spec : webhookTypes) {
			sources.add(source(this.webhookPackage, spec));
		}
		generated.put(this.webhookPackage, webhookTypes);
		sources.add(source(this.indexPackage, new ModelTypeIndexGenerator().generate(generated)));
		return sources;
	}

	private static GeneratedSource source(String packageName, TypeSpec spec) {
		return GeneratedSource.of(packageName, spec);
	}

	private static GeneratedSource packageInfo(String packageName, String description) {
		return GeneratedSource.packageInfo(packageName, description);
	}

}
