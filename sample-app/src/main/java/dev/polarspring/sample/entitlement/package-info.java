/**
 * What each customer owns, kept from Polar's webhooks in a local table, so that access
 * checks never call Polar.
 */
@NullMarked
package dev.polarspring.sample.entitlement;

import org.jspecify.annotations.NullMarked;
