/**
 * A load harness for the webhook endpoint on a real port, inline and durable.
 */
@NullMarked
package dev.polarspring.benchmarks.load;

import org.jspecify.annotations.NullMarked;
