package dev.polarspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.polarspring.client.Page;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.error.PermissionDeniedException;
import dev.polarspring.client.error.RateLimitException;
import dev.polarspring.client.error.UnprocessableEntityException;
import dev.polarspring.client.error.ValidationError;
import dev.polarspring.client.model.BenefitCustom;
import dev.polarspring.client.model.BenefitGrantCustomWebhook;
import dev.polarspring.client.model.BenefitGrantLicenseKeysWebhook;
import dev.polarspring.client.model.BenefitLicenseKeys;
import dev.polarspring.client.model.Checkout;
import dev.polarspring.client.model.CheckoutLink;
import dev.polarspring.client.model.CheckoutLinkCreateProducts;
import dev.polarspring.client.model.CheckoutProductsCreate;
import dev.polarspring.client.model.CheckoutStatus;
import dev.polarspring.client.model.CustomerIndividual;
import dev.polarspring.client.model.CustomerSession;
import dev.polarspring.client.model.CustomerSessionCustomerExternalIDCreate;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.CustomerStateIndividual;
import dev.polarspring.client.model.EventCreateExternalCustomer;
import dev.polarspring.client.model.EventsIngest;
import dev.polarspring.client.model.EventsIngestResponse;
import dev.polarspring.client.model.LicenseKeyActivate;
import dev.polarspring.client.model.LicenseKeyActivationRead;
import dev.polarspring.client.model.LicenseKeyRead;
import dev.polarspring.client.model.LicenseKeyWithActivations;
import dev.polarspring.client.model.LicenseKeyValidate;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.OrderStatus;
import dev.polarspring.client.model.Product;
import dev.polarspring.client.model.ProductPriceFixed;
import dev.polarspring.client.model.RecurringInterval;
import dev.polarspring.client.model.Subscription;
import dev.polarspring.client.model.SubscriptionStatus;
import dev.polarspring.client.model.ValidatedLicenseKey;
import dev.polarspring.client.resource.OrdersListParams;
import dev.polarspring.client.resource.ProductsListParams;
import dev.polarspring.client.resource.SubscriptionsListParams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fake Polar through the real client: every common flow decodes into the typed models
 * (no {@code Unknown} union variant anywhere) and errors on demand become the client's
 * exceptions.
 */
class FakePolarClientTests {

	private static FakePolar fake;

	private static PolarClient polar;

	@BeforeAll
	static void start() {
		fake = FakePolar.start();
		polar = PolarClient.builder()
			.baseUrl(fake.baseUrl())
			.accessToken(FakePolar.ACCESS_TOKEN)
			.retrySettings(
					RetrySettings.defaults().withInitialDelay(Duration.ofMillis(1)).withMaxDelay(Duration.ofMillis(5)))
			.build();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@BeforeEach
	void reset() {
		fake.reset();
	}

	private static Checkout checkout(String productName, String externalCustomerId) {
		return polar.checkouts()
			.create(CheckoutProductsCreate.builder()
				.products(List.of(fake.product(productName).id()))
				.externalCustomerId(externalCustomerId)
				.successUrl("https://shop.example.com/success?checkout_id={CHECKOUT_ID}")
				.build());
	}

	@Test
	void listsAndGetsProductsWithTypedPricesAndBenefits() {
		Page<Product> page = polar.products().list();
		assertThat(page.items()).extracting(Product::name)
			.containsExactly("Starter Kit", "Pro Plan", "Desktop License");
		assertThat(page.totalCount()).hasValue(3);
		Product pro = polar.products().get(page.items().get(1).id());
		assertThat(pro.isRecurring()).isTrue();
		assertThat(pro.recurringInterval()).isEqualTo(RecurringInterval.MONTH);
		assertThat(pro.prices()).singleElement().isInstanceOfSatisfying(ProductPriceFixed.class, (price) -> {
			assertThat(price.priceAmount()).isEqualTo(900);
			assertThat(price.priceCurrency()).isEqualTo("usd");
		});
		assertThat(pro.benefits()).singleElement().isInstanceOf(BenefitCustom.class);
		assertThat(polar.products().get(page.items().get(2).id()).benefits()).singleElement()
			.isInstanceOf(BenefitLicenseKeys.class);
	}

	@Test
	void filtersAndPagesProducts() {
		assertThat(polar.products().list(ProductsListParams.builder().isRecurring(true).build()).items())
			.extracting(Product::name)
			.containsExactly("Pro Plan");
		Page<Product> first = polar.products().list(ProductsListParams.builder().limit(2).build());
		assertThat(first.items()).hasSize(2);
		assertThat(first.maxPage()).hasValue(2);
		assertThat(first.nextPage().items()).extracting(Product::name).containsExactly("Desktop License");
		assertThat(first.autoPager().stream().map(Product::name)).hasSize(3);
	}

	@Test
	void createsGetsAndPaysACheckout() {
		Checkout checkout = checkout("Pro Plan", "user-1");
		assertThat(checkout.status()).isEqualTo(CheckoutStatus.OPEN);
		assertThat(checkout.totalAmount()).isEqualTo(900);
		assertThat(checkout.url()).startsWith(fake.baseUrl() + "/checkout/polar_c_");
		FakePurchase purchase = fake.pay(checkout.id());
		Checkout paid = polar.checkouts().get(checkout.id());
		assertThat(paid.status()).isEqualTo(CheckoutStatus.SUCCEEDED);
		assertThat(paid.customerId()).isEqualTo(purchase.order().customerId());
		assertThat(purchase.customer()).isInstanceOfSatisfying(CustomerIndividual.class,
				(customer) -> assertThat(customer.externalId()).isEqualTo("user-1"));
		assertThat(purchase.subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(purchase.benefitGrants()).singleElement().isInstanceOf(BenefitGrantCustomWebhook.class);
	}

	@Test
	void createsAndGetsCheckoutLinks() {
		CheckoutLink link = polar.checkoutLinks()
			.create(CheckoutLinkCreateProducts.builder()
				.products(List.of(fake.product("Starter Kit").id()))
				.label("Newsletter")
				.build());
		assertThat(link.url()).isEqualTo(fake.baseUrl() + "/v1/checkout-links/" + link.clientSecret() + "/redirect");
		assertThat(polar.checkoutLinks().get(link.id()).label()).isEqualTo("Newsletter");
		assertThat(polar.checkoutLinks().list().items()).extracting(CheckoutLink::id).containsExactly(link.id());
	}

	@Test
	void getsCustomersByIdAndExternalIdAndTheirState() {
		FakePurchase purchase = fake.purchase(fake.product("Pro Plan").id(), "user-2");
		String customerId = purchase.order().customerId();
		assertThat(polar.customers().get(customerId)).isInstanceOf(CustomerIndividual.class);
		assertThat(polar.customers().getExternal("user-2")).isEqualTo(polar.customers().get(customerId));
		CustomerState state = polar.customers().getStateExternal("user-2");
		assertThat(state).isInstanceOfSatisfying(CustomerStateIndividual.class, (individual) -> {
			assertThat(individual.activeSubscriptions()).singleElement()
				.satisfies((subscription) -> assertThat(subscription.productId())
					.isEqualTo(fake.product("Pro Plan").id()));
			assertThat(individual.grantedBenefits()).hasSize(1);
		});
		assertThat(polar.customers().getState(customerId)).isEqualTo(state);
	}

	@Test
	void createsCustomerSessionsForThePortal() {
		fake.purchase(fake.product("Starter Kit").id(), "user-3");
		CustomerSession session = polar.customerSessions()
			.create(CustomerSessionCustomerExternalIDCreate.builder()
				.externalCustomerId("user-3")
				.returnUrl("https://shop.example.com/account")
				.build());
		assertThat(session.token()).startsWith("polar_cst_");
		assertThat(session.customerPortalUrl())
			.isEqualTo(fake.baseUrl() + "/portal?customer_session_token=" + session.token());
		assertThat(session.customer()).isInstanceOf(CustomerIndividual.class);
	}

	@Test
	void listsOrdersAndSubscriptionsWithFilters() {
		FakePurchase pro = fake.purchase(fake.product("Pro Plan").id(), "user-4");
		FakePurchase kit = fake.purchase(fake.product("Starter Kit").id(), "user-4");
		fake.purchase(fake.product("Starter Kit").id(), "someone-else");
		assertThat(polar.orders().list(OrdersListParams.builder().externalCustomerId("user-4").build()).items())
			.extracting(Order::id)
			.containsExactly(kit.order().id(), pro.order().id());
		assertThat(polar.orders().get(kit.order().id()).status()).isEqualTo(OrderStatus.PAID);
		assertThat(polar.subscriptions().list(SubscriptionsListParams.builder().active(true).build()).items())
			.extracting(Subscription::id)
			.containsExactly(pro.subscription().id());
		assertThat(polar.subscriptions().get(pro.subscription().id()).product().name()).isEqualTo("Pro Plan");
	}

	@Test
	void ingestsEventsAndCountsDuplicatesByExternalId() {
		EventsIngest events = EventsIngest.builder()
			.events(List.of(EventCreateExternalCustomer.builder()
				.name("api_call")
				.externalCustomerId("user-5")
				.externalId("evt-1")
				.build()))
			.build();
		EventsIngestResponse first = polar.events().ingest(events);
		EventsIngestResponse second = polar.events().ingest(events);
		assertThat(first.inserted()).isEqualTo(1);
		assertThat(second.inserted()).isZero();
		assertThat(second.duplicates()).isEqualTo(1);
		assertThat(fake.ingestedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.get("name").asString()).isEqualTo("api_call"));
	}

	@Test
	void validatesAndActivatesLicenseKeys() {
		FakePurchase purchase = fake.purchase(fake.product("Desktop License").id(), "user-6");
		assertThat(purchase.benefitGrants()).singleElement().isInstanceOf(BenefitGrantLicenseKeysWebhook.class);
		String key = purchase.licenseKeys().get(0).key();
		assertThat(key).matches("DESK(-[A-Z2-9]{4}){4}");
		LicenseKeyActivationRead activation = polar.licenseKeys()
			.activate(LicenseKeyActivate.builder()
				.key(key)
				.organizationId(fake.organizationId())
				.label("laptop")
				.build());
		ValidatedLicenseKey validated = polar.licenseKeys()
			.validate(LicenseKeyValidate.builder()
				.key(key)
				.organizationId(fake.organizationId())
				.activationId(activation.id())
				.incrementUsage(2L)
				.build());
		assertThat(validated.activation().id()).isEqualTo(activation.id());
		assertThat(validated.usage()).isEqualTo(2);
		assertThat(validated.validations()).isEqualTo(1);
		assertThat(polar.customerPortal("any")
			.licenseKeys()
			.validate(LicenseKeyValidate.builder().key(key).organizationId(fake.organizationId()).build())
			.validations()).isEqualTo(2);
		polar.licenseKeys()
			.activate(LicenseKeyActivate.builder().key(key).organizationId(fake.organizationId()).label("2").build());
		polar.licenseKeys()
			.activate(LicenseKeyActivate.builder().key(key).organizationId(fake.organizationId()).label("3").build());
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> polar.licenseKeys()
			.activate(LicenseKeyActivate.builder().key(key).organizationId(fake.organizationId()).label("4").build()))
			.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("License key only supports 3 activations."));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> polar.licenseKeys()
			.validate(LicenseKeyValidate.builder().key("DESK-NOPE").organizationId(fake.organizationId()).build()));
	}

	@Test
	void getsALicenseKeyInFullWithItsActivations() {
		FakePurchase purchase = fake.purchase(fake.product("Desktop License").id(), "user-keys");
		LicenseKeyRead issued = purchase.licenseKeys().get(0);
		polar.licenseKeys()
			.activate(LicenseKeyActivate.builder()
				.key(issued.key())
				.organizationId(fake.organizationId())
				.label("desktop")
				.build());
		LicenseKeyWithActivations read = polar.licenseKeys().get(issued.id());
		assertThat(read.key()).isEqualTo(issued.key());
		assertThat(read.displayKey()).isEqualTo("****-" + issued.key().substring(issued.key().length() - 4));
		assertThat(read.customer().externalId()).isEqualTo("user-keys");
		assertThat(read.activations()).singleElement()
			.satisfies((activation) -> assertThat(activation.label()).isEqualTo("desktop"));
		BenefitGrantLicenseKeysWebhook grant = (BenefitGrantLicenseKeysWebhook) purchase.benefitGrants().get(0);
		assertThat(grant.properties().licenseKeyId()).isEqualTo(issued.id());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> polar.licenseKeys().get("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77"));
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> polar.products().get("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77"))
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo("ResourceNotFound"));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> polar.customers().getExternal("nobody"));
	}

	@Test
	void invalidCheckoutsAreUnprocessable() {
		assertThatExceptionOfType(UnprocessableEntityException.class).isThrownBy(() -> polar.checkouts()
			.create(CheckoutProductsCreate.builder().products(List.of("3f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77")).build()))
			.satisfies((ex) -> assertThat(ex.getValidationErrors()).containsExactly(
					new ValidationError(List.of("body", "products", "0"), "Product does not exist.", "value_error")));
	}

	@Test
	void checkoutsKeepTheirTerms() {
		Checkout checkout = polar.checkouts()
			.create(CheckoutProductsCreate.builder()
				.products(List.of(fake.product("Pro Plan").id()))
				.externalCustomerId("user-terms")
				.metadata(Map.of("plan", "pro"))
				.discountId("6f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77")
				.allowDiscountCodes(false)
				.seats(3L)
				.build());
		assertThat(checkout.externalCustomerId()).isEqualTo("user-terms");
		assertThat(checkout.metadata()).containsEntry("plan", "pro");
		assertThat(checkout.discountId()).isEqualTo("6f1e8a52-5a0e-4c55-9d3e-2b9f3c1a0d77");
		assertThat(checkout.allowDiscountCodes()).isFalse();
		assertThat(checkout.seats()).isEqualTo(3L);
		assertThat(fake.checkout(checkout.id()).seats()).isEqualTo(3L);
	}

	@Test
	void checkoutTermsAreValidatedAsPolarDoes() {
		String productId = fake.product("Pro Plan").id();
		assertThatExceptionOfType(UnprocessableEntityException.class)
			.isThrownBy(() -> polar.checkouts()
				.create(CheckoutProductsCreate.builder().products(List.of(productId)).seats(0L).build()))
			.satisfies((ex) -> assertThat(ex.getValidationErrors()).containsExactly(new ValidationError(
					List.of("body", "seats"), "Input should be greater than or equal to 1", "greater_than_equal")));
		assertThatExceptionOfType(UnprocessableEntityException.class)
			.isThrownBy(() -> polar.checkouts()
				.create(CheckoutProductsCreate.builder().products(List.of(productId)).discountId("SUMMER").build()))
			.satisfies((ex) -> assertThat(ex.getValidationErrors()).extracting(ValidationError::loc)
				.containsExactly(List.of("body", "discount_id")));
	}

	@Test
	void errorsOnDemandReachTheClient() {
		String id = fake.product("Pro Plan").id();
		fake.failNext("GET /v1/products/{id}", FakeError.notFound());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> polar.products().get(id));
		assertThat(polar.products().get(id).name()).isEqualTo("Pro Plan");

		fake.failNext("POST /v1/checkouts/", FakeError.validation("Field required", "missing", "body", "success_url"));
		assertThatExceptionOfType(UnprocessableEntityException.class).isThrownBy(() -> checkout("Pro Plan", "user-7"))
			.satisfies((ex) -> assertThat(ex.getValidationErrors()).extracting(ValidationError::location)
				.containsExactly("body.success_url"));

		fake.fail("GET /v1/products/", FakeError.rateLimited(Duration.ofSeconds(7)));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> PolarClient.builder()
				.baseUrl(fake.baseUrl())
				.accessToken(FakePolar.ACCESS_TOKEN)
				.retrySettings(RetrySettings.disabled())
				.build()
				.products()
				.list())
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).hasValue(Duration.ofSeconds(7)));

		fake.fail("GET /v1/orders/", FakeError.serverError(500));
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> polar.orders().list());
	}

	@Test
	void failuresThatPassAreRetriedByTheClient() {
		fake.failNext(2, "GET /v1/products/", FakeError.serverError(503));
		assertThat(polar.products().list().items()).hasSize(3);
		fake.failNext("GET /v1/products/", FakeError.rateLimited(Duration.ZERO));
		assertThat(polar.products().list().items()).hasSize(3);
		fake.wireMock().verify(5, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/v1/products/")));
	}

}
