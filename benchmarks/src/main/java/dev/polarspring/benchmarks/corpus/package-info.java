/**
 * The benchmark corpus: realistic, deterministic Polar documents (pages of products,
 * orders, subscriptions and customers, a customer state, signed webhook deliveries) made
 * from the spec copy, and the check that each decodes into the generated records.
 */
@NullMarked
package dev.polarspring.benchmarks.corpus;

import org.jspecify.annotations.NullMarked;
