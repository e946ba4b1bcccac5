package dev.polarspring.autoconfigure.webhook;

import dev.polarspring.boot.webhook.InMemoryWebhookDeduplicationStore;
import dev.polarspring.boot.webhook.JdbcWebhookDeduplicationStore;
import dev.polarspring.boot.webhook.MicrometerWebhookDeliveryMetrics;
import dev.polarspring.boot.webhook.PolarWebhook;
import dev.polarspring.boot.webhook.PolarWebhookHandlerMapping;
import dev.polarspring.boot.webhook.WebhookDeduplicationStore;
import dev.polarspring.boot.webhook.WebhookDeliveryMetrics;
import dev.polarspring.boot.webhook.WebhookDispatchScope;
import javax.sql.DataSource;

import dev.polarspring.client.webhook.OrderPaidEvent;
import dev.polarspring.client.webhook.PolarWebhookEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class PolarWebhookAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PolarWebhookAutoConfiguration.class));

	@Test
	void servesNoEndpointWithoutSecretOrMethod() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PolarWebhookHandlerMapping.class);
			assertThat(context.getBean(PolarWebhookHandlerMapping.class).paths()).isEmpty();
		});
	}

	@Test
	void servesTheDefaultEndpointOnceTheSecretIsSet() {
		this.runner.withPropertyValues("polar.webhook.secret=whsec_abc")
			.run((context) -> assertThat(context.getBean(PolarWebhookHandlerMapping.class).paths())
				.containsExactly("/polar/webhooks"));
	}

	@Test
	void servesTheDefaultEndpointAtTheConfiguredPath() {
		this.runner.withPropertyValues("polar.webhook.secret=whsec_abc", "polar.webhook.path=/hooks/polar")
			.run((context) -> assertThat(context.getBean(PolarWebhookHandlerMapping.class).paths())
				.containsExactly("/hooks/polar"));
	}

	@Test
	void servesEveryConfiguredEndpoint() {
		this.runner
			.withPropertyValues("polar.webhook.endpoints.eu.path=/polar/eu", "polar.webhook.endpoints.eu.secret=a",
					"polar.webhook.endpoints.us.path=/polar/us", "polar.webhook.endpoints.us.secret=b")
			.run((context) -> assertThat(context.getBean(PolarWebhookHandlerMapping.class).paths())
				.containsExactly("/polar/eu", "/polar/us"));
	}

	@Test
	void failsWhenAMethodHasNoSecret() {
		this.runner.withUserConfiguration(HandlerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("PolarWebhookAutoConfigurationTests$Handler.on(OrderPaidEvent)")
				.hasMessageContaining("/polar/webhooks")
				.hasMessageContaining("set polar.webhook.secret");
		});
	}

	@Test
	void failsOnAMethodThatCannotReceiveAnEvent() {
		this.runner.withPropertyValues("polar.webhook.secret=whsec_abc")
			.withUserConfiguration(BadHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("BadHandler.on(String)")
					.hasMessageContaining("one PolarWebhookEvent parameter");
			});
	}

	@Test
	void failsOnAMethodThatReturnsSomething() {
		this.runner.withPropertyValues("polar.webhook.secret=whsec_abc")
			.withUserConfiguration(ReturningHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("ReturningHandler.on(PolarWebhookEvent)")
					.hasMessageContaining("must return void");
			});
	}

	@Test
	void failsWhenTwoEndpointsShareAPath() {
		this.runner
			.withPropertyValues("polar.webhook.secret=whsec_abc", "polar.webhook.endpoints.eu.path=/polar/webhooks",
					"polar.webhook.endpoints.eu.secret=b")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure())).hasMessageContaining(
						"polar.webhook.endpoints.eu.path '/polar/webhooks' is already the path of polar.webhook");
			});
	}

	@Test
	void failsOnAPathWithoutLeadingSlash() {
		this.runner.withPropertyValues("polar.webhook.path=polar/webhooks").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("must start with '/'");
		});
	}

	@Test
	void failsOnAnEndpointWithoutSecret() {
		this.runner.withPropertyValues("polar.webhook.endpoints.eu.path=/polar/eu").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("polar.webhook.endpoints.eu.secret is not set");
		});
	}

	@Test
	void neverShowsSecretsInTheProperties() {
		this.runner
			.withPropertyValues("polar.webhook.secret=whsec_topsecret", "polar.webhook.previous-secrets=whsec_older",
					"polar.webhook.endpoints.eu.path=/polar/eu", "polar.webhook.endpoints.eu.secret=whsec_eusecret")
			.run((context) -> assertThat(context.getBean(PolarWebhookProperties.class).toString())
				.doesNotContain("topsecret")
				.doesNotContain("older")
				.doesNotContain("eusecret")
				.contains("secret=******"));
	}

	@Test
	void remembersDeliveriesInMemoryByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(InMemoryWebhookDeduplicationStore.class));
	}

	@Test
	void remembersDeliveriesInTheDatabaseWhenAsked() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("polar.webhook.deduplication.store=jdbc",
					"spring.datasource.url=jdbc:h2:mem:autoconfiguration-jdbc")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcWebhookDeduplicationStore.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM polar_webhook_delivery", Integer.class)).isZero();
			});
	}

	@Test
	void failsWhenTheDatabaseStoreHasNoDatabase() {
		this.runner.withPropertyValues("polar.webhook.deduplication.store=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure())).hasMessageContaining(
					"polar.webhook.deduplication.store=jdbc needs spring-jdbc and a single DataSource");
		});
	}

	@Test
	void usesTheApplicationsOwnStore() {
		this.runner.withUserConfiguration(OwnStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(WebhookDeduplicationStore.class);
			assertThat(context).getBean(WebhookDeduplicationStore.class).isSameAs(OwnStoreConfiguration.STORE);
		});
	}

	@Test
	void timesDeliveriesWhenTheApplicationHasAMeterRegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context.getBean(WebhookDeliveryMetrics.class))
				.isInstanceOf(MicrometerWebhookDeliveryMetrics.class));
	}

	@Test
	void timesNothingWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookDeliveryMetrics.class)
				.hasSingleBean(PolarWebhookHandlerMapping.class));
	}

	@Test
	void dispatchesInATransactionWhenTheApplicationHasATransactionManager() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfiguration-transaction")
			.run((context) -> assertThat(context.getBean(WebhookDispatchScope.class))
				.isNotSameAs(WebhookDispatchScope.DIRECT));
	}

	@Test
	void dispatchesDirectlyWhenToldNotToUseTransactions() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfiguration-direct",
					"polar.webhook.dispatch-in-transaction=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookDispatchScope.class));
	}

	@Test
	void backsOffOutsideAServletApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PolarWebhookAutoConfiguration.class))
			.withPropertyValues("polar.webhook.secret=whsec_abc")
			.run((context) -> assertThat(context).doesNotHaveBean(PolarWebhookHandlerMapping.class)
				.doesNotHaveBean(WebhookDeduplicationStore.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		Handler handler() {
			return new Handler();
		}

	}

	static class Handler {

		@PolarWebhook
		void on(OrderPaidEvent event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadHandlerConfiguration {

		@Bean
		BadHandler badHandler() {
			return new BadHandler();
		}

	}

	static class BadHandler {

		@PolarWebhook
		void on(String event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReturningHandlerConfiguration {

		@Bean
		ReturningHandler returningHandler() {
			return new ReturningHandler();
		}

	}

	static class ReturningHandler {

		@PolarWebhook
		String on(PolarWebhookEvent event) {
			return "ok";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStoreConfiguration {

		static final WebhookDeduplicationStore STORE = new InMemoryWebhookDeduplicationStore(
				java.time.Duration.ofMinutes(1), 10, java.time.Clock.systemUTC());

		@Bean
		WebhookDeduplicationStore ownStore() {
			return STORE;
		}

	}

}
