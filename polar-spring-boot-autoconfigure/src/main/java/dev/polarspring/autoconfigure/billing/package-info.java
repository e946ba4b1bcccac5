/**
 * Auto-configuration of billing for the signed-in user from {@code polar.checkout.*},
 * {@code polar.portal.*}, {@code polar.products.*}, {@code polar.benefits.*} and
 * {@code polar.entitlements.*}; the endpoints, services and entitlements themselves are
 * in {@code dev.polarspring.boot.billing}.
 */
@NullMarked
package dev.polarspring.autoconfigure.billing;

import org.jspecify.annotations.NullMarked;
