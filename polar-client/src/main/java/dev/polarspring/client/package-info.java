/**
 * The Polar client: {@link dev.polarspring.client.PolarClient} and the values that
 * configure it ({@link dev.polarspring.client.RequestOptions},
 * {@link dev.polarspring.client.RetrySettings},
 * {@link dev.polarspring.client.PolarServer}) and that list operations answer with
 * ({@link dev.polarspring.client.Page}, {@link dev.polarspring.client.AutoPager}).
 */
@NullMarked
package dev.polarspring.client;

import org.jspecify.annotations.NullMarked;
