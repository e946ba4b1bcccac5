/**
 * The store's pages: the catalog, buying through a Polar checkout, the success page and
 * the account page with what the shopper owns and a link to Polar's customer portal.
 */
@NullMarked
package dev.polarspring.sample.store;

import org.jspecify.annotations.NullMarked;
