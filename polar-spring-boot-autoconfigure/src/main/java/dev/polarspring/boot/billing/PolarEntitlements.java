package dev.polarspring.boot.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.util.Assert;

import dev.polarspring.client.error.NotFoundException;
import dev.polarspring.client.error.PolarException;
import dev.polarspring.client.model.CustomerState;
import dev.polarspring.client.model.Order;
import dev.polarspring.client.model.OrderStatus;
import dev.polarspring.client.resource.CustomersClient;
import dev.polarspring.client.resource.OrdersClient;
import dev.polarspring.client.resource.OrdersListParams;

/**
 * What each customer may use, read from Polar and kept fresh by its webhooks:
 * {@code entitlements.of(userId).hasBenefit("pro")}.
 *
 * <p>
 * A customer's state is Polar's customer state (active subscriptions, granted benefits,
 * active meters) and the products of their paid orders, read by the customer's
 * {@code external_customer_id}. A user Polar has no customer for has an empty state. The
 * state is kept in a Spring {@link Cache} for {@code polar.entitlements.time-to-live}:
 * the application's own cache (Redis shares it between instances) or one in memory.
 *
 * <p>
 * Webhooks about the customer ({@code customer.*}, {@code subscription.*},
 * {@code order.*}, {@code benefit_grant.*}, {@code refund.*}) invalidate it through
 * {@link EntitlementEvictionListener}, with three rules, because webhooks come late, more
 * than once and in any order:
 * <ul>
 * <li>An event that happened before the cached state was read (allowing for
 * {@code polar.entitlements.clock-skew} between this machine and Polar) is ignored: the
 * state shows its change already, and an older event never replaces a newer state.</li>
 * <li>Otherwise the entry is marked invalidated, not removed, and the next lookup reads
 * from Polar. A read that started before the mark is returned to its caller but not
 * stored, since it may predate the change.</li>
 * <li>While Polar cannot be reached (no connection, 5xx, 429), an invalidated state is
 * still served until its time to live ends; with no state at all, the lookup throws the
 * client's exception.</li>
 * </ul>
 * So a cached state is never older than the time to live, even when a webhook is lost.
 *
 * <p>
 * The bean is named {@code polarEntitlements}, for {@code @PreAuthorize}:
 * {@code @PreAuthorize("@polarEntitlements.hasBenefit(authentication.name, 'pro')")}.
 */
public final class PolarEntitlements {

	private static final Logger logger = LoggerFactory.getLogger(PolarEntitlements.class);

	private static final long ORDERS_PAGE_SIZE = 100;

	private final CustomersClient customers;

	private final OrdersClient orders;

	private final CustomerStateCache cache;

	private final PolarAliases aliases;

	private final Duration timeToLive;

	private final Duration clockSkew;

	private final Clock clock;

	private final PolarEntitlementsMetrics metrics;

	/**
	 * Creates the entitlements.
	 * @param customers the client customer states are read with
	 * @param orders the client paid orders are read with
	 * @param cache where states are kept
	 * @param aliases the product and benefit aliases
	 * @param timeToLive how long a state read from Polar is served
	 * @param clockSkew how far this machine's clock may be from Polar's
	 * @param clock this machine's clock
	 * @param metrics records lookups and invalidations
	 */
	public PolarEntitlements(CustomersClient customers, OrdersClient orders, Cache cache, PolarAliases aliases,
			Duration timeToLive, Duration clockSkew, Clock clock, PolarEntitlementsMetrics metrics) {
		Assert.isTrue(!timeToLive.isNegative() && !timeToLive.isZero(), "timeToLive must be positive");
		Assert.isTrue(!clockSkew.isNegative(), "clockSkew must not be negative");
		this.customers = customers;
		this.orders = orders;
		this.cache = new CustomerStateCache(cache);
		this.aliases = aliases;
		this.timeToLive = timeToLive;
		this.clockSkew = clockSkew;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Returns what a customer may use.
	 * @param externalCustomerId the application's id of the user
	 * @return their entitlements; empty for a user who never bought anything
	 * @throws PolarException when the state must be read from Polar and Polar cannot be
	 * reached or refuses, and no cached state may be served
	 */
	public PolarCustomerEntitlements of(String externalCustomerId) {
		Assert.hasText(externalCustomerId, "externalCustomerId must not be empty");
		return new PolarCustomerEntitlements(state(externalCustomerId), this.aliases);
	}

	/**
	 * Returns whether a customer has an active subscription to a product.
	 * @param externalCustomerId the application's id of the user
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return whether they are subscribed now
	 */
	public boolean isSubscribed(String externalCustomerId, String productIdOrAlias) {
		return of(externalCustomerId).isSubscribed(productIdOrAlias);
	}

	/**
	 * Returns whether a benefit is granted to a customer now.
	 * @param externalCustomerId the application's id of the user
	 * @param benefitIdOrAlias a benefit id or an alias from {@code polar.benefits.*}
	 * @return whether it is granted
	 */
	public boolean hasBenefit(String externalCustomerId, String benefitIdOrAlias) {
		return of(externalCustomerId).hasBenefit(benefitIdOrAlias);
	}

	/**
	 * Returns whether a customer paid for a product.
	 * @param externalCustomerId the application's id of the user
	 * @param productIdOrAlias a product id or an alias from {@code polar.products.*}
	 * @return whether they bought it
	 */
	public boolean hasPurchased(String externalCustomerId, String productIdOrAlias) {
		return of(externalCustomerId).hasPurchased(productIdOrAlias);
	}

	/**
	 * Invalidates a customer's cached state now, for changes no webhook announces (an
	 * action in Polar's dashboard the application was told about another way).
	 * @param externalCustomerId the application's id of the user
	 */
	public void evict(String externalCustomerId) {
		invalidate(externalCustomerId, this.clock.instant(), "manual");
	}

	/**
	 * Invalidates a customer's cached state for a change that happened at a time, unless
	 * the state was read after it. What {@link EntitlementEvictionListener} calls for
	 * each webhook about a customer.
	 * @param externalCustomerId the application's id of the user
	 * @param changedAt when the change happened, on Polar's clock (the event's timestamp)
	 * @param eventType the event type, for metrics and logs
	 * @return {@code true} when the state was invalidated, {@code false} when the cached
	 * state is newer than the change
	 */
	public boolean invalidate(String externalCustomerId, Instant changedAt, String eventType) {
		CachedCustomerState entry = this.cache.get(externalCustomerId);
		PolarCustomerState state = (entry != null) ? entry.state() : null;
		if (entry != null && entry.isCurrent() && state != null
				&& changedAt.isBefore(state.readAt().minus(this.clockSkew))) {
			logger.debug("{} for customer {} happened at {}, before the cached state was read at {}: kept", eventType,
					externalCustomerId, changedAt, state.readAt());
			this.metrics.invalidation(eventType, PolarEntitlementsMetrics.Invalidation.IGNORED_OLDER);
			return false;
		}
		Instant now = this.clock.instant();
		CachedCustomerState invalidated = (entry != null) ? entry.invalidatedAt(now)
				: new CachedCustomerState(null, now);
		this.cache.put(externalCustomerId, invalidated);
		logger.debug("{} for customer {}: cached state invalidated", eventType, externalCustomerId);
		this.metrics.invalidation(eventType, PolarEntitlementsMetrics.Invalidation.EVICTED);
		return true;
	}

	/**
	 * Invalidates the cached state of a customer known by Polar's id only, as refunds
	 * name them. Only a customer whose state was read has a known external id; any other
	 * has nothing cached.
	 * @param customerId Polar's id of the customer
	 * @param changedAt when the change happened, on Polar's clock
	 * @param eventType the event type
	 * @return {@code true} when a state was invalidated
	 */
	public boolean invalidateByCustomerId(String customerId, Instant changedAt, String eventType) {
		String externalCustomerId = this.cache.externalIdOf(customerId);
		return externalCustomerId != null && invalidate(externalCustomerId, changedAt, eventType);
	}

	private PolarCustomerState state(String externalCustomerId) {
		CachedCustomerState entry = this.cache.get(externalCustomerId);
		Instant now = this.clock.instant();
		PolarCustomerState cached = (entry != null) ? entry.state() : null;
		if (entry != null && entry.isCurrent() && cached != null && isAlive(cached, now)) {
			this.metrics.lookup(PolarEntitlementsMetrics.Lookup.HIT);
			return cached;
		}
		PolarCustomerState read;
		try {
			read = read(externalCustomerId, now);
		}
		catch (PolarException ex) {
			if (PolarFailures.isUnavailable(ex) && cached != null && isAlive(cached, this.clock.instant())) {
				logger.warn("Polar cannot be reached ({}); serving the state of customer {} read at {}",
						ex.getClass().getSimpleName(), externalCustomerId, cached.readAt());
				this.metrics.lookup(PolarEntitlementsMetrics.Lookup.STALE);
				return cached;
			}
			this.metrics.lookup(PolarEntitlementsMetrics.Lookup.FAILED);
			throw ex;
		}
		store(externalCustomerId, read);
		this.metrics.lookup(PolarEntitlementsMetrics.Lookup.MISS);
		return read;
	}

	private boolean isAlive(PolarCustomerState state, Instant now) {
		return now.isBefore(state.readAt().plus(this.timeToLive));
	}

	private PolarCustomerState read(String externalCustomerId, Instant startedAt) {
		CustomerState state;
		try {
			state = this.customers.getStateExternal(externalCustomerId);
		}
		catch (NotFoundException ex) {
			return PolarCustomerState.none(externalCustomerId, startedAt);
		}
		OrdersListParams paid = OrdersListParams.builder()
			.externalCustomerId(externalCustomerId)
			.status(OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED)
			.limit(ORDERS_PAGE_SIZE)
			.build();
		Set<String> purchased = this.orders.list(paid)
			.autoPager()
			.stream()
			.map(Order::productId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return PolarCustomerState.of(externalCustomerId, state, purchased, startedAt);
	}

	/**
	 * Stores a state read from Polar unless a webhook invalidated the entry after the
	 * read started: then the read may have missed that change.
	 */
	private void store(String externalCustomerId, PolarCustomerState read) {
		CachedCustomerState current = this.cache.get(externalCustomerId);
		@Nullable Instant invalidatedAt = (current != null) ? current.invalidatedAt() : null;
		if (invalidatedAt != null && !invalidatedAt.isBefore(read.readAt())) {
			logger.debug("A webhook about customer {} came while its state was read; not cached", externalCustomerId);
			return;
		}
		this.cache.put(externalCustomerId, CachedCustomerState.current(read));
	}

	@Override
	public String toString() {
		return "PolarEntitlements[cache=" + this.cache.name() + ", timeToLive=" + this.timeToLive + "]";
	}

}
