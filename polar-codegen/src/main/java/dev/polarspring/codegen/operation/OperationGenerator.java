package dev.polarspring.codegen.operation;

import java.util.ArrayList;
import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.ModelTypes;
import dev.polarspring.codegen.Naming;

/**
 * Generates what calls the API: a client class per group of operations, a params class
 * per operation with query parameters, and {@code PolarResources}, the base class of
 * {@code PolarClient} holding the top-level clients. Same spec, same files, byte for
 * byte.
 */
public final class OperationGenerator {

	private final ModelTypes types;

	private final String resourcePackage;

	private final String clientPackage;

	/**
	 * Creates a generator.
	 * @param types the model types the operations refer to
	 * @param resourcePackage the package of the clients and params classes, such as
	 * {@code dev.polarspring.client.resource}
	 * @param clientPackage the package of {@code PolarClient}, where
	 * {@code PolarResources} goes
	 */
	public OperationGenerator(ModelTypes types, String resourcePackage, String clientPackage) {
		this.types = types;
		this.resourcePackage = resourcePackage;
		this.clientPackage = clientPackage;
	}

	/**
	 * Generates the sources: the resource package's {@code package-info}, every client
	 * with the params classes of its operations, then {@code PolarResources}.
	 * @return the sources
	 */
	public List<GeneratedSource> generate() {
		List<ResourceGroup> roots = groups();
		List<GeneratedSource> sources = new ArrayList<>();
		sources.add(packageInfo());
		ClientGenerator clients = new ClientGenerator();
		ParamsGenerator params = new ParamsGenerator();
		for (ResourceGroup root : roots) {
			addClients(sources, root, "polar." + root.accessorName() + "()", clients, params);
		}
		sources.add(GeneratedSource.of(this.clientPackage, polarResources(roots)));
		return sources;
	}

	/**
	 * Reads the operations and arranges them into clients.
	 * @return the top-level clients, sorted by accessor name
	 */
	List<ResourceGroup> groups() {
		ResourceNames names = new ResourceNames(this.types);
		List<ResourceOperation> operations = new OperationReader(this.types, names, this.resourcePackage).readAll();
		return ResourceGroup.arrange(operations, names, this.resourcePackage);
	}

	private void addClients(List<GeneratedSource> sources, ResourceGroup group, String reachedWith,
			ClientGenerator clients, ParamsGenerator params) {
		sources.add(GeneratedSource.of(this.resourcePackage, clients.generate(group, reachedWith)));
		for (ResourceOperation operation : group.operations()) {
			if (operation.query() != null) {
				sources.add(GeneratedSource.of(this.resourcePackage, params.generate(operation, group.className())));
			}
		}
		for (ResourceGroup child : group.children()) {
			addClients(sources, child, reachedWith + "." + child.accessorName() + "()", clients, params);
		}
	}

	private TypeSpec polarResources(List<ResourceGroup> roots) {
		ClassName className = ClassName.get(this.clientPackage, Naming.POLAR_RESOURCES);
		TypeSpec.Builder type = TypeSpec.classBuilder(className)
			.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
			.addJavadoc("The clients of the Polar API's resources, one accessor per resource: the part of "
					+ "{@link $T} generated from the spec.\n\n", RuntimeTypes.POLAR_CLIENT)
			.addJavadoc("<p>Each client is created once, with its sub-clients, and shared; all are immutable and "
					+ "thread-safe.\n");
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PROTECTED)
			.addJavadoc("Creates every client.\n@param executor sends every call of every client\n")
			.addParameter(RuntimeTypes.API_EXECUTOR, "executor");
		for (ResourceGroup root : roots) {
			type.addField(root.className(), root.accessorName(), Modifier.PRIVATE, Modifier.FINAL);
			constructor.addStatement("this.$N = new $T(executor)", root.accessorName(), root.className());
		}
		type.addMethod(constructor.build());
		for (ResourceGroup root : roots) {
			type.addMethod(ClientGenerator.accessor(root));
		}
		return type.build();
	}

	private GeneratedSource packageInfo() {
		return GeneratedSource.packageInfo(this.resourcePackage, "The Polar API's resource clients, one per group of "
				+ "operations, and the params classes of\n * their query parameters. Reach them from {@code PolarClient}.");
	}

}
