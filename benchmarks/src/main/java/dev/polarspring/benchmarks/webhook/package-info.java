/**
 * Benchmarks of webhook verification and decoding.
 */
@NullMarked
package dev.polarspring.benchmarks.webhook;

import org.jspecify.annotations.NullMarked;
