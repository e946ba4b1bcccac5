/**
 * The shopper's account page: what they own, read from Polar through the starter's
 * {@code PolarEntitlements}, and the way to Polar's customer portal.
 */
@NullMarked
package dev.polarspring.sample.account;

import org.jspecify.annotations.NullMarked;
