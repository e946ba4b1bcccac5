package dev.polarspring.codegen.operation;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.polarspring.codegen.GeneratedSource;
import dev.polarspring.codegen.ModelTypes;

/**
 * Generates the Spring Boot configuration that makes every resource client a bean: one
 * {@code @Bean @ConditionalOnMissingBean} method per client, sub-clients included, each
 * reaching its client from the {@code PolarClient} bean
 * ({@code polar.customerPortal().orders()}). The bean is named after its type
 * ({@code productsClient}, {@code customerPortalOrdersClient}).
 *
 * <p>
 * {@code polar-spring-boot-autoconfigure} runs the generator at {@code generate-sources}
 * for this one source, so the beans come from the same spec as the clients: a resource
 * Polar adds becomes a bean, and nothing walks {@code PolarClient} by reflection to find
 * it. The beans are lazy, and the hand-written {@code ResourceClientListenerScan} keeps
 * Spring's {@code @EventListener} processor from reading their methods: together they
 * keep about 220 classes, most of them models, from being loaded at startup. Plain
 * {@code @Bean} methods rather than a {@code BeanRegistrar}: Spring Boot evaluates each
 * condition (and reports it in the conditions report), and Spring AOT turns the methods
 * into bean definitions ahead of time like any other. Lazy beans alone (tried as a
 * registrar) made no measurable difference: the {@code @EventListener} processor read
 * their methods all the same (polar-codegen/README.md).
 */
public final class ResourceClientBeansGenerator {

	/** The simple name of the generated configuration class. */
	public static final String CONFIGURATION = "PolarResourceClientsConfiguration";

	private static final ClassName CONFIGURATION_ANNOTATION = ClassName.get("org.springframework.context.annotation",
			"Configuration");

	private static final ClassName BEAN = ClassName.get("org.springframework.context.annotation", "Bean");

	private static final ClassName CONDITIONAL_ON_MISSING_BEAN = ClassName
		.get("org.springframework.boot.autoconfigure.condition", "ConditionalOnMissingBean");

	private static final ClassName LAZY = ClassName.get("org.springframework.context.annotation", "Lazy");

	private static final ClassName BEAN_FACTORY_POST_PROCESSOR = ClassName
		.get("org.springframework.beans.factory.config", "BeanFactoryPostProcessor");

	private final OperationGenerator operations;

	private final String configurationPackage;

	/**
	 * Creates a generator.
	 * @param types the model types the operations refer to
	 * @param resourcePackage the package of the resource clients, such as
	 * {@code dev.polarspring.client.resource}
	 * @param clientPackage the package of {@code PolarClient}
	 * @param configurationPackage the package of the generated configuration, such as
	 * {@code dev.polarspring.autoconfigure}
	 */
	public ResourceClientBeansGenerator(ModelTypes types, String resourcePackage, String clientPackage,
			String configurationPackage) {
		this.operations = new OperationGenerator(types, resourcePackage, clientPackage);
		this.configurationPackage = configurationPackage;
	}

	/**
	 * Generates the configuration: package-private, imported by
	 * {@code PolarAutoConfiguration}.
	 * @return the source
	 */
	public GeneratedSource generate() {
		ClassName configuration = ClassName.get(this.configurationPackage, CONFIGURATION);
		TypeSpec.Builder type = TypeSpec.classBuilder(configuration)
			.addModifiers(Modifier.FINAL)
			.addAnnotation(
					AnnotationSpec.builder(CONFIGURATION_ANNOTATION).addMember("proxyBeanMethods", "false").build())
			.addAnnotation(LAZY)
			.addJavadoc("One bean per resource client of the Polar API, each reached from the {@link $T} bean, each "
					+ "backing\noff when the application defines a bean of its type, and each created when first "
					+ "injected or asked for.\nImported by {@code PolarAutoConfiguration}.\n",
					RuntimeTypes.POLAR_CLIENT);
		type.addMethod(MethodSpec.methodBuilder("polarResourceClientListenerScan")
			.addJavadoc("Spares Spring's {@code @EventListener} processor the resource clients, which declare no "
					+ "listener method:\nintrospecting them would load every type their methods name.\n"
					+ "@return the post-processor\n")
			.addAnnotation(BEAN)
			.addModifiers(Modifier.STATIC)
			.returns(BEAN_FACTORY_POST_PROCESSOR)
			.addStatement("return new $T($T.class)",
					ClassName.get(this.configurationPackage, "ResourceClientListenerScan"), configuration)
			.build());
		for (ResourceGroup root : this.operations.groups()) {
			addBeans(type, root, "polar." + root.accessorName() + "()");
		}
		return GeneratedSource.of(this.configurationPackage, type.build());
	}

	private static void addBeans(TypeSpec.Builder type, ResourceGroup group, String reachedWith) {
		type.addMethod(MethodSpec.methodBuilder(beanName(group.className()))
			.addAnnotation(BEAN)
			.addAnnotation(CONDITIONAL_ON_MISSING_BEAN)
			.returns(group.className())
			.addParameter(RuntimeTypes.POLAR_CLIENT, "polar")
			.addStatement("return $L", reachedWith)
			.build());
		for (ResourceGroup child : group.children()) {
			addBeans(type, child, reachedWith + "." + child.accessorName() + "()");
		}
	}

	private static String beanName(ClassName client) {
		String name = client.simpleName();
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
