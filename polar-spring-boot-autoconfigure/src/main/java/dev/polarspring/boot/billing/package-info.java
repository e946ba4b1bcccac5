/**
 * Billing for the signed-in user: checkout and customer-portal endpoints
 * ({@link PolarCheckoutEndpoint}, {@link PolarPortalEndpoint}) and the services behind
 * them ({@link PolarCheckouts}, {@link PolarCustomerPortal}); who the customer is
 * ({@link PolarCustomerResolver}); products and benefits named by aliases
 * ({@link PolarAliases}); and entitlements read from Polar's customer state, cached and
 * evicted by webhooks ({@link PolarEntitlements}, {@link EntitlementEvictionListener}),
 * usable from Spring Security ({@link PolarAuthorization}). The auto-configuration in
 * {@code dev.polarspring.autoconfigure.billing} wires these from
 * {@code polar.checkout.*}, {@code polar.portal.*}, {@code polar.products.*},
 * {@code polar.benefits.*} and {@code polar.entitlements.*}.
 */
@NullMarked
package dev.polarspring.boot.billing;

import org.jspecify.annotations.NullMarked;
