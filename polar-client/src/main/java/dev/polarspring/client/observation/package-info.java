/**
 * Micrometer observations of Polar API calls: one {@code polar.client.requests}
 * observation per operation call, retries included, with a documented convention an
 * application may replace.
 */
@NullMarked
package dev.polarspring.client.observation;

import org.jspecify.annotations.NullMarked;
