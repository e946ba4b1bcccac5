package dev.polarspring.autoconfigure.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;

import dev.polarspring.boot.billing.BoundedExpiringCache;
import dev.polarspring.boot.billing.CachedCustomerState;
import dev.polarspring.boot.billing.EntitlementEvictionListener;
import dev.polarspring.boot.billing.MicrometerPolarEntitlementsMetrics;
import dev.polarspring.boot.billing.PolarAliases;
import dev.polarspring.boot.billing.PolarCustomerEntitlements;
import dev.polarspring.boot.billing.PolarCustomerState;
import dev.polarspring.boot.billing.PolarEntitlements;
import dev.polarspring.boot.billing.UnknownAliasException;
import dev.polarspring.boot.metering.UsageEvent;
import dev.polarspring.boot.metering.UsageIngestedEvent;
import dev.polarspring.client.PolarClient;
import dev.polarspring.client.RetrySettings;
import dev.polarspring.client.SettableClock;
import dev.polarspring.client.error.InternalServerException;
import dev.polarspring.client.error.PermissionDeniedException;
import dev.polarspring.client.error.PolarIoException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PolarEntitlements} against a Polar on WireMock: what a customer's state says,
 * when it is read from Polar and when from the cache, what webhooks' invalidations do in
 * whatever order they come, and what is served while Polar is down.
 */
class PolarEntitlementsTests {

	private static final String STATE = "/v1/customers/external/user-42/state";

	private static final Duration TTL = Duration.ofMinutes(5);

	private final DuringRead duringRead = new DuringRead();

	private final WireMockServer polar = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().extensions(this.duringRead));

	private final SettableClock clock = new SettableClock(Instant.parse("2026-10-01T09:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PolarAliases aliases = new PolarAliases(
			Map.of("pro", PolarFixtures.PRO_PRODUCT, "starter", PolarFixtures.STARTER_PRODUCT),
			Map.of("pro", PolarFixtures.PRO_BENEFIT));

	private Cache cache;

	private PolarEntitlements entitlements;

	@BeforeEach
	void start() {
		this.polar.start();
		this.polar.stubFor(get(urlPathEqualTo(STATE)).willReturn(okJson(PolarFixtures.customerState("user-42"))));
		this.polar.stubFor(get(urlPathEqualTo("/v1/orders/")).withQueryParam("external_customer_id", equalTo("user-42"))
			.willReturn(okJson(PolarFixtures.paidOrders("user-42", PolarFixtures.STARTER_PRODUCT))));
		this.cache = new BoundedExpiringCache("polar-entitlements", TTL, 100, this.clock);
		this.entitlements = entitlements(this.cache);
	}

	@AfterEach
	void stop() {
		this.polar.stop();
	}

	private PolarEntitlements entitlements(Cache cache) {
		PolarClient client = PolarClient.builder()
			.baseUrl(this.polar.baseUrl())
			.accessToken("polar_oat_entitlements")
			.retrySettings(RetrySettings.defaults().withMaxAttempts(1))
			.build();
		return new PolarEntitlements(client.customers(), client.orders(), cache, this.aliases, TTL,
				Duration.ofSeconds(5), this.clock, new MicrometerPolarEntitlementsMetrics(this.meters));
	}

	private int stateReads() {
		return this.polar.findAll(getRequestedFor(urlPathEqualTo(STATE))).size();
	}

	private double lookups(String result) {
		return this.meters.counter("polar.entitlements.lookups", "result", result).count();
	}

	private void polarIsDown() {
		this.polar.stubFor(get(urlPathEqualTo(STATE)).atPriority(1).willReturn(aResponse().withStatus(503)));
	}

	@Test
	void readsSubscriptionsBenefitsMetersAndPurchasesByIdOrAlias() {
		PolarCustomerEntitlements user = this.entitlements.of("user-42");
		assertThat(user.isSubscribed("pro")).isTrue();
		assertThat(user.isSubscribed(PolarFixtures.PRO_PRODUCT)).isTrue();
		assertThat(user.isSubscribed("starter")).isFalse();
		assertThat(user.hasBenefit("pro")).isTrue();
		assertThat(user.hasPurchased("starter")).isTrue();
		assertThat(user.hasPurchased("pro")).isFalse();
		assertThat(user.activeMeters()).extracting(PolarCustomerState.Meter::meterId)
			.containsExactly(PolarFixtures.METER);
		assertThat(user.grantedBenefits()).singleElement()
			.satisfies((benefit) -> assertThat(benefit.type()).isEqualTo("custom"));
		assertThat(user.state().customerId()).isEqualTo(PolarFixtures.CUSTOMER_ID);
		assertThat(user.state().readAt()).isEqualTo(this.clock.instant());
		this.polar.verify(getRequestedFor(urlPathEqualTo("/v1/orders/")).withQueryParam("status", equalTo("paid"))
			.withQueryParam("status", equalTo("partially_refunded")));
	}

	@Test
	void aCustomerWhoNeverBoughtHasAnEmptyState() {
		this.polar
			.stubFor(get(urlPathEqualTo("/v1/customers/external/guest/state")).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"ResourceNotFound\",\"detail\":\"Not found\"}")));
		PolarCustomerEntitlements guest = this.entitlements.of("guest");
		assertThat(guest.isEmpty()).isTrue();
		assertThat(guest.state().isKnownToPolar()).isFalse();
		assertThat(guest.hasBenefit("pro")).isFalse();
		assertThat(this.polar.findAll(getRequestedFor(urlPathEqualTo("/v1/orders/")))).isEmpty();
		this.entitlements.of("guest");
		assertThat(this.polar.findAll(getRequestedFor(urlPathEqualTo("/v1/customers/external/guest/state"))))
			.hasSize(1);
	}

	@Test
	void unknownAliasesFailLoudly() {
		assertThatExceptionOfType(UnknownAliasException.class)
			.isThrownBy(() -> this.entitlements.hasBenefit("user-42", "platinum"))
			.withMessageContaining("polar.benefits.platinum=<benefit id>");
	}

	@Test
	void aSecondLookupIsACacheHitUntilTheTimeToLiveEnds() {
		this.entitlements.of("user-42");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.entitlements.hasBenefit("user-42", "pro")).isTrue();
		assertThat(stateReads()).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
		assertThat(lookups("hit")).isEqualTo(1);
		assertThat(lookups("miss")).isEqualTo(2);
	}

	@Test
	void theTimeToLiveHoldsInACacheWithoutOne() {
		PolarEntitlements unbounded = entitlements(new ConcurrentMapCache("polar-entitlements"));
		unbounded.of("user-42");
		this.clock.advance(TTL);
		unbounded.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
	}

	@Test
	void aChangeAfterTheReadInvalidatesTheState() {
		this.entitlements.of("user-42");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.entitlements.invalidate("user-42", this.clock.instant(), "subscription.updated")).isTrue();
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
		assertThat(this.meters
			.counter("polar.entitlements.invalidations", "type", "subscription.updated", "outcome", "evicted")
			.count()).isEqualTo(1);
	}

	@Test
	void usagePolarTookInvalidatesTheStateOfEachOfItsCustomersOnce() {
		this.entitlements.of("user-42");
		this.clock.advance(Duration.ofSeconds(30));
		EntitlementEvictionListener listener = new EntitlementEvictionListener(this.entitlements);
		listener.on(new UsageIngestedEvent(List.of(UsageEvent.forExternalCustomer("user-42", "download").build(),
				UsageEvent.forExternalCustomer("user-42", "download").build()), this.clock.instant()));
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
		assertThat(
				this.meters.counter("polar.entitlements.invalidations", "type", "usage.ingested", "outcome", "evicted")
					.count())
			.isEqualTo(1);
	}

	@Test
	void anEventOlderThanTheCachedStateLeavesItAlone() {
		this.entitlements.of("user-42");
		Instant readAt = this.clock.instant();
		this.clock.advance(Duration.ofSeconds(30));
		// Delivered late: it happened a minute before the state was read, which shows it.
		assertThat(this.entitlements.invalidate("user-42", readAt.minusSeconds(60), "subscription.active")).isFalse();
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(1);
		assertThat(this.meters
			.counter("polar.entitlements.invalidations", "type", "subscription.active", "outcome", "ignored_older")
			.count()).isEqualTo(1);
	}

	@Test
	void anEventWithinTheClockSkewOfTheReadStillInvalidates() {
		this.entitlements.of("user-42");
		Instant readAt = this.clock.instant();
		assertThat(this.entitlements.invalidate("user-42", readAt.minusSeconds(3), "order.paid")).isTrue();
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
	}

	@Test
	void aReadThatAWebhookOvertookIsReturnedButNotCached() {
		this.duringRead.action = () -> {
			this.clock.advance(Duration.ofMillis(10));
			this.entitlements.invalidate("user-42", this.clock.instant(), "subscription.revoked");
		};
		this.polar.stubFor(get(urlPathEqualTo(STATE)).atPriority(1)
			.willReturn(okJson(PolarFixtures.customerState("user-42")).withTransformers(DuringRead.NAME)));
		// The read started before the webhook, so it may not show the change: used once,
		// not cached.
		assertThat(this.entitlements.of("user-42").isSubscribed("pro")).isTrue();
		assertThat(this.cache.get("state:user-42", CachedCustomerState.class).isCurrent()).isFalse();
		this.duringRead.action = () -> {
		};
		this.clock.advance(Duration.ofMillis(1));
		this.entitlements.of("user-42");
		assertThat(this.cache.get("state:user-42", CachedCustomerState.class).isCurrent()).isTrue();
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
	}

	@Test
	void whilePolarIsDownAnInvalidatedStateIsServedUntilItsTimeToLive() {
		this.entitlements.of("user-42");
		this.clock.advance(Duration.ofMinutes(1));
		this.entitlements.evict("user-42");
		polarIsDown();
		assertThat(this.entitlements.hasBenefit("user-42", "pro")).isTrue();
		assertThat(lookups("stale")).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(4));
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.entitlements.of("user-42"));
		assertThat(lookups("failed")).isEqualTo(1);
	}

	@Test
	void whilePolarIsDownWithNothingCachedTheClientsExceptionReachesTheCaller() {
		polarIsDown();
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.entitlements.of("user-42"));
		this.polar.stop();
		assertThatExceptionOfType(PolarIoException.class).isThrownBy(() -> this.entitlements.of("user-42"));
	}

	@Test
	void polarRefusingIsNotWaitedOutWithAStaleState() {
		this.entitlements.of("user-42");
		this.entitlements.evict("user-42");
		this.polar.stubFor(get(urlPathEqualTo(STATE)).atPriority(1)
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"NotPermitted\",\"detail\":\"Not permitted\"}")));
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.entitlements.of("user-42"));
	}

	@Test
	void refundsInvalidateByPolarsCustomerId() {
		this.entitlements.of("user-42");
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.entitlements.invalidateByCustomerId(PolarFixtures.CUSTOMER_ID, this.clock.instant(),
				"refund.created"))
			.isTrue();
		assertThat(this.entitlements.invalidateByCustomerId("99999999-0000-4000-8000-000000000000",
				this.clock.instant(), "refund.created"))
			.isFalse();
		this.entitlements.of("user-42");
		assertThat(stateReads()).isEqualTo(2);
	}

	@Test
	void aFailingCacheFallsBackToPolar() {
		PolarEntitlements withBrokenCache = entitlements(new ConcurrentMapCache("polar-entitlements") {

			@Override
			public ValueWrapper get(Object key) {
				throw new IllegalStateException("Redis is down");
			}

			@Override
			public void put(Object key, Object value) {
				throw new IllegalStateException("Redis is down");
			}

		});
		assertThat(withBrokenCache.hasBenefit("user-42", "pro")).isTrue();
		assertThat(withBrokenCache.hasBenefit("user-42", "pro")).isTrue();
		assertThat(stateReads()).isEqualTo(2);
	}

	/**
	 * Runs an action while Polar serves a request, that is while the client waits for the
	 * answer.
	 */
	static final class DuringRead implements ResponseDefinitionTransformerV2 {

		static final String NAME = "during-read";

		volatile Runnable action = () -> {
		};

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			this.action.run();
			return serveEvent.getResponseDefinition();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}
