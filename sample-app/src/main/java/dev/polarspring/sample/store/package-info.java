/**
 * The store: the catalog from Polar with "Buy" links to the starter's checkout endpoint,
 * the page Polar sends the shopper back to, and who the shopper is (a guest per browser
 * session, handed to the starter as its {@code PolarCustomerResolver}).
 */
@NullMarked
package dev.polarspring.sample.store;

import org.jspecify.annotations.NullMarked;
