package dev.polarspring.codegen.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.ModelType;
import dev.polarspring.codegen.ModelTypes;

/**
 * Generates every model type of {@link ModelTypes} and the webhook events: one source
 * file per type, in a fixed order, so the same spec always gives the same files byte for
 * byte.
 */
public final class ModelGenerator {

	private final ModelTypes types;

	private final String webhookPackage;

	/**
	 * Creates a generator.
	 * @param types the model types to generate
	 * @param webhookPackage the package of the webhook events, such as
	 * {@code dev.polarspring.client.webhook}
	 */
	public ModelGenerator(ModelTypes types, String webhookPackage) {
		this.types = types;
		this.webhookPackage = webhookPackage;
	}

	/**
	 * Generates the sources: the model package's {@code package-info}, its types, its
	 * union support classes ({@code VariantMatcher}, {@code RawProperty},
	 * {@code VariantReader}), the record support class ({@code PropertyReader}), then the
	 * webhook events.
	 * @return the sources
	 */
	public List<GeneratedSource> generate() {
		List<GeneratedSource> sources = new ArrayList<>();
		String modelPackage = this.types.modelPackage();
		sources
			.add(packageInfo(modelPackage, "The Polar API's objects, generated from its OpenAPI spec: records for what "
					+ "Polar returns, classes with builders for what it accepts, open enums and sealed unions."));
		ClassName variantMatcher = ClassName.get(modelPackage, "VariantMatcher");
		RecordGenerator records = new RecordGenerator(this.types);
		RequestGenerator requests = new RequestGenerator(this.types);
		EnumGenerator enums = new EnumGenerator(this.types.naming());
		UnionGenerator unions = new UnionGenerator(this.types);
		TupleGenerator tuples = new TupleGenerator(this.types);
		for (ModelType type : this.types.all()) {
			TypeSpec spec;
			if (type instanceof ModelType.ObjectType object) {
				spec = object.request() ? requests.generate(object) : records.generate(object);
			}
			else if (type instanceof ModelType.EnumType enumType) {
				spec = enums.generate(enumType);
			}
			else if (type instanceof ModelType.UnionType union) {
				spec = unions.generate(union, variantMatcher);
			}
			else {
				spec = tuples.generate((ModelType.TupleType) type);
			}
			sources.add(source(modelPackage, spec));
		}
		sources.add(new GeneratedSource(modelPackage.replace('.', '/') + "/VariantMatcher.java",
				template("VariantMatcher.java.txt").replace("${package}", modelPackage)));
		sources.add(new GeneratedSource(modelPackage.replace('.', '/') + "/RawProperty.java",
				template("RawProperty.java.txt").replace("${package}", modelPackage)));
		sources.add(new GeneratedSource(modelPackage.replace('.', '/') + "/VariantReader.java",
				template("VariantReader.java.txt").replace("${package}", modelPackage)));
		sources.add(new GeneratedSource(modelPackage.replace('.', '/') + "/PropertyReader.java",
				template("PropertyReader.java.txt").replace("${package}", modelPackage)));
		for (TypeSpec spec : new WebhookGenerator(this.types, this.webhookPackage).generate()) {
			sources.add(source(this.webhookPackage, spec));
		}
		return sources;
	}

	private static GeneratedSource source(String packageName, TypeSpec spec) {
		return GeneratedSource.of(packageName, spec);
	}

	private static GeneratedSource packageInfo(String packageName, String description) {
		return GeneratedSource.packageInfo(packageName, description);
	}

	private static String template(String name) {
		try (InputStream in = ModelGenerator.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Template " + name + " is missing from polar-codegen");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read template " + name, ex);
		}
	}

}
