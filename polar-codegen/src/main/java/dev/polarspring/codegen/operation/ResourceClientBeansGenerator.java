package dev.polarspring.codegen.operation;

import java.util.ArrayList;
import java.util.List;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.ModelTypes;

/**
 * Generates the registrar that makes every resource client a bean, sub-clients included:
 * one static factory method per client, reaching it from the {@code PolarClient} bean
 * ({@code polar.customerPortal().orders()}), and one registration per client, lazy and
 * left out when the application defines a bean of its type (the hand-written
 * {@code ResourceClientBeanDefinitions} of {@code polar-spring-boot-autoconfigure} does
 * that). The bean is named after its type ({@code productsClient},
 * {@code customerPortalOrdersClient}), and so is its factory method.
 *
 * <p>
 * {@code polar-spring-boot-autoconfigure} runs the generator at {@code generate-sources}
 * for this one source, so the beans come from the same spec as the clients: a resource
 * Polar adds becomes a bean, and nothing walks {@code PolarClient} by reflection to find
 * it. A registrar rather than {@code @Bean @ConditionalOnMissingBean} methods: processing
 * 41 conditional bean methods, and creating 41 clients most applications never inject,
 * took about 290 ms of a minimal application's startup (benchmarks/README.md). The
 * definitions name a factory method, not an instance supplier, so Spring AOT writes them
 * ahead of time like {@code @Bean} methods.
 */
public final class ResourceClientBeansGenerator {

	/** The simple name of the generated registrar. */
	public static final String REGISTRAR = "PolarResourceClientsRegistrar";

	private static final ClassName IMPORT_BEAN_DEFINITION_REGISTRAR = ClassName
		.get("org.springframework.context.annotation", "ImportBeanDefinitionRegistrar");

	private static final ClassName ANNOTATION_METADATA = ClassName.get("org.springframework.core.type",
			"AnnotationMetadata");

	private static final ClassName BEAN_DEFINITION_REGISTRY = ClassName.get("org.springframework.beans.factory.support",
			"BeanDefinitionRegistry");

	private final OperationGenerator operations;

	private final String configurationPackage;

	private final ClassName beanDefinitions;

	/**
	 * Creates a generator.
	 * @param types the model types the operations refer to
	 * @param resourcePackage the package of the resource clients, such as
	 * {@code dev.polarspring.client.resource}
	 * @param clientPackage the package of {@code PolarClient}
	 * @param configurationPackage the package of the generated registrar and of the
	 * hand-written {@code ResourceClientBeanDefinitions} it calls, such as
	 * {@code dev.polarspring.autoconfigure}
	 */
	public ResourceClientBeansGenerator(ModelTypes types, String resourcePackage, String clientPackage,
			String configurationPackage) {
		this.operations = new OperationGenerator(types, resourcePackage, clientPackage);
		this.configurationPackage = configurationPackage;
		this.beanDefinitions = ClassName.get(configurationPackage, "ResourceClientBeanDefinitions");
	}

	/**
	 * Generates the registrar: package-private, imported by
	 * {@code PolarAutoConfiguration}.
	 * @return the source
	 */
	public GeneratedSource generate() {
		ClassName registrar = ClassName.get(this.configurationPackage, REGISTRAR);
		MethodSpec.Builder register = MethodSpec.methodBuilder("registerBeanDefinitions")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.addParameter(ANNOTATION_METADATA, "importingClassMetadata")
			.addParameter(BEAN_DEFINITION_REGISTRY, "registry")
			.addStatement("$T clients = new $T(registry, $T.class)", this.beanDefinitions, this.beanDefinitions,
					registrar);
		TypeSpec.Builder type = TypeSpec.classBuilder(registrar)
			.addModifiers(Modifier.FINAL)
			.addSuperinterface(IMPORT_BEAN_DEFINITION_REGISTRAR)
			.addJavadoc("One lazy bean per resource client of the Polar API, each reached from the {@link $T} bean "
					+ "and each left\nout when the application defines a bean of its type. Imported by "
					+ "{@code PolarAutoConfiguration}.\n", RuntimeTypes.POLAR_CLIENT);
		List<MethodSpec> factories = new ArrayList<>();
		for (ResourceGroup root : this.operations.groups()) {
			addBeans(register, factories, root, "polar." + root.accessorName() + "()");
		}
		register.addStatement("clients.logLeftOut()");
		type.addMethod(register.build()).addMethods(factories);
		return GeneratedSource.of(this.configurationPackage, type.build());
	}

	private static void addBeans(MethodSpec.Builder register, List<MethodSpec> factories, ResourceGroup group,
			String reachedWith) {
		String beanName = beanName(group.className());
		register.addStatement("clients.register($S, $T.class)", beanName, group.className());
		factories.add(MethodSpec.methodBuilder(beanName)
			.addModifiers(Modifier.STATIC)
			.returns(group.className())
			.addParameter(RuntimeTypes.POLAR_CLIENT, "polar")
			.addStatement("return $L", reachedWith)
			.build());
		for (ResourceGroup child : group.children()) {
			addBeans(register, factories, child, reachedWith + "." + child.accessorName() + "()");
		}
	}

	private static String beanName(ClassName client) {
		String name = client.simpleName();
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
