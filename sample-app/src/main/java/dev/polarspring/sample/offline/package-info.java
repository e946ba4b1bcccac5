/**
 * Offline mode: without an access token the store runs against a fake Polar, so it works
 * on a fresh machine with no account and no network. Not something a real application
 * needs.
 */
@NullMarked
package dev.polarspring.sample.offline;

import org.jspecify.annotations.NullMarked;
