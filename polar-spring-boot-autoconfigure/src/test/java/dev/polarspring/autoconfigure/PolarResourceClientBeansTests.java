package dev.polarspring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.Page;
import dev.polarspring.client.resource.CheckoutsClient;
import dev.polarspring.client.resource.CustomerPortalOrdersClient;
import dev.polarspring.client.resource.CustomersMembersClient;
import dev.polarspring.client.resource.OAuth2ClientsClient;
import dev.polarspring.client.resource.ProductsClient;
import dev.polarspring.client.observation.DefaultPolarClientObservationConvention;
import dev.polarspring.client.observation.PolarClientObservationConvention;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Polar resource client is a bean, each replaceable, and calls through them reach
 * the configured Polar with the configured credentials.
 */
class PolarResourceClientBeansTests {

	private static final String PRODUCTS_PAGE = """
			{"items":[{"id":"8b1a7e2c-3f57-4c1a-9a38-1d1f6c2e0a11","created_at":"2026-10-01T10:00:00.123456Z",
			"modified_at":null,"trial_interval":null,"trial_interval_count":null,"name":"Pro plan",
			"description":null,"visibility":"public","recurring_interval":"month","recurring_interval_count":1,
			"is_recurring":true,"is_archived":false,"organization_id":"3a481fd2-5dd1-4982-aa8b-fa01ae54d496",
			"metadata":{},"prices":[],"benefits":[],"medias":[],"attached_custom_fields":[]}],
			"pagination":{"total_count":1,"max_page":1}}""";

	private final WireMockServer polar = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startPolar() {
		this.polar.start();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, PolarAutoConfiguration.class))
			.withPropertyValues("polar.base-url=" + this.polar.baseUrl(), "polar.access-token=polar_oat_beans");
	}

	@AfterEach
	void stopPolar() {
		this.polar.stop();
	}

	@Test
	void everyResourceClientIsABean() {
		List<Class<?>> clients = ResourceClients.reachableFrom(PolarClient.class);
		assertThat(clients).hasSizeGreaterThanOrEqualTo(40);
		this.contextRunner.run((context) -> {
			for (Class<?> client : clients) {
				assertThat(context).hasSingleBean(client);
				String name = client.getSimpleName();
				assertThat(context.getBeanNamesForType(client))
					.containsExactly(Character.toLowerCase(name.charAt(0)) + name.substring(1));
			}
			assertThat(context).hasSingleBean(ProductsClient.class)
				.hasSingleBean(CustomersMembersClient.class)
				.hasSingleBean(CustomerPortalOrdersClient.class)
				.hasSingleBean(OAuth2ClientsClient.class)
				.hasBean("productsClient")
				.hasBean("customerPortalOrdersClient");
		});
	}

	@Test
	void aResourceClientTheApplicationDefinesIsLeftAlone() {
		ProductsClient own = new ProductsClient(
				PolarClient.builder().baseUrl("http://localhost:1").accessToken("own").build().executor());
		this.contextRunner.withBean("myProducts", ProductsClient.class, () -> own).run((context) -> {
			assertThat(context).getBean(ProductsClient.class).isSameAs(own);
			assertThat(context).hasSingleBean(CheckoutsClient.class);
		});
	}

	@Test
	void aResourceClientIsCreatedWhenFirstAskedForAndIsTheOnePolarClientHolds() {
		this.contextRunner.run((context) -> {
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			assertThat(beans.getBeanDefinition("productsClient").isLazyInit()).isTrue();
			assertThat(beans.containsSingleton("productsClient")).isFalse();
			assertThat(beans.containsSingleton("customerPortalOrdersClient")).isFalse();
			PolarClient polar = context.getBean(PolarClient.class);
			assertThat(context.getBean(ProductsClient.class)).isSameAs(polar.products());
			assertThat(context.getBean(CustomerPortalOrdersClient.class)).isSameAs(polar.customerPortal().orders());
			assertThat(beans.containsSingleton("productsClient")).isTrue();
			assertThat(beans.containsSingleton("checkoutsClient")).isFalse();
		});
	}

	@Test
	void aBeanThatNeedsAResourceClientGetsPolarsOnStartup() {
		this.contextRunner.withBean(ProductsCatalog.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ProductsCatalog.class).products())
				.isSameAs(context.getBean(PolarClient.class).products());
		});
	}

	@Test
	void springsListenerProcessorIsToldNotToIntrospectTheClientsButTheApplicationsOwnBeans() {
		ProductsClient own = new ProductsClient(
				PolarClient.builder().baseUrl("http://localhost:1").accessToken("own").build().executor());
		this.contextRunner.withBean("productsClient", ProductsClient.class, () -> own)
			.withBean(ProductsCatalog.class)
			.run((context) -> {
				ConfigurableListableBeanFactory beans = context.getBeanFactory();
				assertThat(beans.getBeanDefinition("checkoutsClient")
					.getAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE)).isEqualTo(Object.class);
				assertThat(beans.getBeanDefinition("customerPortalOrdersClient")
					.getAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE)).isEqualTo(Object.class);
				// The application's own client, under the name Polar's would have, is not
				// touched, nor is any other bean.
				assertThat(context.getBean(ProductsClient.class)).isSameAs(own);
				assertThat(beans.getBeanDefinition("productsClient")
					.getAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE)).isNull();
				assertThat(AutoProxyUtils.determineTargetClass(beans, "polarClient")).isEqualTo(PolarClient.class);
				assertThat(beans.getBeanNamesForType(ProductsCatalog.class)).singleElement()
					.satisfies((name) -> assertThat(AutoProxyUtils.determineTargetClass(beans, name))
						.isEqualTo(ProductsCatalog.class));
			});
	}

	@Test
	void listenersOfTheApplicationStillReceiveEvents() {
		this.contextRunner.withBean(CatalogListener.class).run((context) -> {
			context.publishEvent(new CatalogChanged("pro-plan"));
			assertThat(context.getBean(CatalogListener.class).received).containsExactly("pro-plan");
		});
	}

	@Test
	void restClientCustomizersOfTheApplicationApplyToPolarCalls() {
		this.polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(PRODUCTS_PAGE)));
		RestClientCustomizer customizer = (builder) -> builder.defaultHeader("X-Tenant", "acme");
		this.contextRunner.withBean(RestClientCustomizer.class, () -> customizer).run((context) -> {
			context.getBean(ProductsClient.class).list();
			this.polar.verify(getRequestedFor(urlPathEqualTo("/v1/products/")).withHeader("X-Tenant", equalTo("acme")));
		});
	}

	@Test
	void httpClientIsCreatedOnTheFirstCallNotAtStartup() {
		// Boot's RestClient.Builder creates an HTTP client, and with it a TLS context
		// that
		// reads the trust store, when it is created: that is the first call's cost, not
		// every start's.
		this.polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(PRODUCTS_PAGE)));
		AtomicInteger builders = new AtomicInteger();
		RestClientCustomizer counting = (builder) -> builders.incrementAndGet();
		this.contextRunner.withBean(RestClientCustomizer.class, () -> counting).run((context) -> {
			assertThat(context).hasSingleBean(ProductsClient.class);
			assertThat(builders).as("RestClient.Builder beans created at startup").hasValue(0);
			context.getBean(ProductsClient.class).list();
			context.getBean(ProductsClient.class).list();
			assertThat(builders).as("RestClient.Builder beans created by two calls").hasValue(1);
			this.polar.verify(2, getRequestedFor(urlPathEqualTo("/v1/products/")));
		});
	}

	@Test
	void anObservationConventionBeanReplacesTheDefault() {
		this.polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(PRODUCTS_PAGE)));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> observations)
			.withBean(PolarClientObservationConvention.class,
					() -> new DefaultPolarClientObservationConvention("billing.polar.calls"))
			.run((context) -> {
				context.getBean(ProductsClient.class).list();
				TestObservationRegistryAssert.assertThat(observations)
					.hasObservationWithNameEqualTo("billing.polar.calls");
			});
	}

	@Test
	void anInjectedClientSendsTheTokenAndVersionToTheConfiguredPolarAndIsObserved() {
		this.polar.stubFor(get(urlPathEqualTo("/v1/products/"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(PRODUCTS_PAGE)));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withBean(TestObservationRegistry.class, () -> observations).run((context) -> {
			Page<Product> page = context.getBean(ProductsClient.class).list();
			assertThat(page.items()).extracting(Product::name).containsExactly("Pro plan");
			this.polar.verify(getRequestedFor(urlPathEqualTo("/v1/products/"))
				.withHeader("Authorization", equalTo("Bearer polar_oat_beans"))
				.withHeader("Polar-Version", equalTo("2026-10")));
			TestObservationRegistryAssert.assertThat(observations)
				.hasObservationWithNameEqualTo("polar.client.requests")
				.that()
				.hasLowCardinalityKeyValue("polar.operation", "products:list")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS");
		});
	}

	/**
	 * An application bean injected with a resource client through its constructor.
	 *
	 * @param products the client
	 */
	record ProductsCatalog(ProductsClient products) {
	}

	/**
	 * An application event.
	 *
	 * @param productId the product that changed
	 */
	record CatalogChanged(String productId) {
	}

	/**
	 * An application bean with an {@code @EventListener} method.
	 */
	static class CatalogListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(CatalogChanged event) {
			this.received.add(event.productId());
		}

	}

}
